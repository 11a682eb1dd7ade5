import { AppLink, paths } from '../routes';

/** Jira-style breadcrumbs: CS Handoff / [parent] / current page. */
export function Breadcrumbs({ current, parent }: { current: string; parent?: { label: string; to: string; testId?: string } }) {
  return (
    <nav aria-label="Breadcrumbs" className="breadcrumbs">
      <ol>
        <li>
          <AppLink to={paths.overview()} testId="back-to-overview">
            CS Handoff
          </AppLink>
        </li>
        {parent && (
          <li>
            <AppLink to={parent.to} testId={parent.testId}>
              {parent.label}
            </AppLink>
          </li>
        )}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
