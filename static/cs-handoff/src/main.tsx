/**
 * Start-up: ask for the theme's base tokens and Jira's context at once, send the first screen's resolver
 * call and start loading its code as soon as the route is known (before React renders), match Jira's
 * theme, then render under the host's sub-path history.
 */
import '@atlaskit/css-reset';
import './base.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './App';
import { startFirstLoad } from './first-load';
import { applyTheme, loadContext, loadHistory, loadThemeMotion, preloadThemeBase } from './platform';
import { parseRoute, RouterProvider } from './routes';

async function start(root: HTMLElement) {
  void preloadThemeBase();
  const reactRoot = createRoot(root);
  try {
    const [context, history] = await Promise.all([loadContext(), loadHistory()]);
    const route = parseRoute(history.location.pathname);
    startFirstLoad(route);
    preloadScreen(route);
    await applyTheme(context.colorMode).catch(() => undefined);
    reactRoot.render(
      <StrictMode>
        <div data-testid="cs-handoff-app">
          <RouterProvider history={history}>
            <App draftOwner={{ accountId: context.accountId, site: context.site }} />
          </RouterProvider>
        </div>
      </StrictMode>,
    );
    requestAnimationFrame(() => {
      // The bench counts the files requested before this mark as the first screen's start-up bytes.
      performance.mark('cs-handoff:first-render');
      void loadThemeMotion();
    });
  } catch {
    await applyTheme('light').catch(() => undefined);
    reactRoot.render(
      <div data-testid="cs-handoff-app">
        <main className="app">
          <h1>CS Handoff</h1>
          <p role="alert">CS Handoff couldn't start because Jira didn't answer. Reload the page to try again.</p>
        </main>
      </div>,
    );
  }
}

const root = document.getElementById('root');
if (root) void start(root);
