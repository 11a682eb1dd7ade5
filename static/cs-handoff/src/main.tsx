/** Start-up: read the Forge context, match Jira's theme, then render under the host's sub-path history. */
import '@atlaskit/css-reset';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, loadContext, loadHistory } from './platform';
import { RouterProvider } from './routes';

async function start(root: HTMLElement) {
  const reactRoot = createRoot(root);
  try {
    const [context, history] = await Promise.all([loadContext(), loadHistory()]);
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
