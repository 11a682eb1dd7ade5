/** Start-up of the issue card: Jira's theme first, then the card. */
import '@atlaskit/css-reset';
import '../../cs-handoff/src/base.css';
import './card.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, loadContext } from '../../cs-handoff/src/platform';
import { IssueCard } from './Card';

async function start(root: HTMLElement) {
  const reactRoot = createRoot(root);
  const context = await loadContext().catch(() => null);
  await applyTheme(context?.colorMode ?? 'light').catch(() => undefined);
  reactRoot.render(
    <StrictMode>
      <div data-testid="cs-handoff-issue-card">{context ? <IssueCard /> : <p role="alert">The release handoff couldn't load because Jira didn't answer. Reload the issue to try again.</p>}</div>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
