import { AppLink, paths } from '../routes';

export function Breadcrumbs({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumbs" className="breadcrumbs">
      <ol>
        <li>
          <AppLink to={paths.overview()} testId="back-to-overview">
            CS Handoff
          </AppLink>
        </li>
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
