/** "/" — the project's versions, a page at a time, and the state of each one's CS handoff. */
import { useEffect, useState } from 'react';
import { Heading, Lozenge } from '../components/TokenLook';
import { SectionMessage } from '../components/LazySectionMessage';
import { AppHealth } from '../gate/AppHealth';
import type { ReleaseFilter, ReleaseSummary, ReleasesOverview, ResolverError } from '#contract';
import type { OverviewQuery } from '../api';
import { takeOverview } from '../first-load';
import { OverviewToolbar, Pagination } from './OverviewControls';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { StateLozenge } from '../components/StateLozenge';
import { GateLozenge } from '../gate/GateLozenge';
import { formatInstant, formatReleaseDate } from '../format';
import { AppLink, paths } from '../routes';

export function Overview() {
  const [data, setData] = useState<ReleasesOverview | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [query, setQuery] = useState<OverviewQuery>({});
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    let live = true;
    setBusy(true);
    // The first answer was asked for by the entry module, before React rendered (see first-load.ts).
    void takeOverview(query).then((res) => {
      if (!live) return;
      setBusy(false);
      if (res.ok) {
        setData(res.value);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [query]);

  const filtered = Boolean(query.search) || query.status !== undefined;
  const search = (text: string) => setQuery(({ status }) => ({ ...(status ? { status } : {}), ...(text ? { search: text } : {}) }));
  const filter = (status: ReleaseFilter | undefined) => setQuery(({ search: text }) => ({ ...(text ? { search: text } : {}), ...(status ? { status } : {}) }));
  const goTo = (page: number) => setQuery((q) => ({ ...q, page }));

  return (
    <div className="stack" data-testid="overview">
      <header className="stack-sm">
        <div className="row-between">
          <Heading size="large" as="h1">
            CS Handoff
          </Heading>
          <AppLink to={paths.settings()} testId="settings-link" className="header-link">
            Settings
          </AppLink>
        </div>
        <p className="muted">
          What customer support needs to know about each release, written by the PO a week before it ships: what's new, the happy path, known limitations, likely questions and how to escalate.
        </p>
      </header>
      {error && <ErrorMessage error={error} />}
      {data && <AppHealth lines={data.appHealth} />}
      {!data && !error && <Loading label="Loading releases" />}
      {data && (data.page.total > 0 || filtered) && <OverviewToolbar search={query.search ?? ''} status={query.status} onSearch={search} onFilter={filter} busy={busy} />}
      {data && data.releases.length === 0 && filtered && (
        <p className="muted" role="status" data-testid="overview-no-match">
          No versions match{query.search ? ` “${query.search}”` : ''}
          {query.status ? ` among ${query.status} versions` : ''}.
        </p>
      )}
      {data && data.releases.length === 0 && !filtered && data.page.total === 0 && (
        <SectionMessage appearance="information" title="No releases yet" testId="overview-empty">
          <p>This project has no versions. Create a version in Releases, and its CS handoff will appear here.</p>
        </SectionMessage>
      )}
      {data && data.releases.length > 0 && (
        <table className="versions" data-testid="versions-table" aria-busy={busy}>
          <caption className="visually-hidden">Releases in {data.project.name} and their CS handoffs</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Release date</th>
              <th scope="col">Handoff</th>
              <th scope="col">Release gate</th>
              <th scope="col">Last updated</th>
            </tr>
          </thead>
          <tbody>
            {data.releases.map((r) => (
              <tr key={r.version.id} data-testid={`version-row-${r.version.id}`}>
                <td data-label="Version">
                  <AppLink to={paths.handoff(r.version.id)} testId={`version-link-${r.version.id}`}>
                    {r.version.name}
                  </AppLink>
                </td>
                <td data-label="Release date">{formatReleaseDate(r.version.releaseDate)}</td>
                <td data-label="Handoff">
                  <span className="row">
                    <StateLozenge state={r.state} testId={`state-${r.version.id}`} />
                    {(r.unsettledQuestions ?? 0) > 0 && (
                      <span className="unsettled-chip" data-testid={`unsettled-${r.version.id}`}>
                        <Lozenge appearance="moved">{`${r.unsettledQuestions} unsettled`}</Lozenge>
                        <span className="visually-hidden"> walkthrough question{r.unsettledQuestions === 1 ? '' : 's'}</span>
                      </span>
                    )}
                    {r.openSupportQuestions > 0 && (
                      <span className="unsettled-chip" data-testid={`support-open-${r.version.id}`}>
                        <Lozenge appearance="moved">{`${r.openSupportQuestions} from support`}</Lozenge>
                        <span className="visually-hidden"> (unsettled question{r.openSupportQuestions === 1 ? '' : 's'})</span>
                      </span>
                    )}
                  </span>
                </td>
                <td data-label="Release gate">
                  {r.gate && !r.version.released ? (
                    <GateLozenge state={r.gate.state} testId={`gate-${r.version.id}`} />
                  ) : (
                    <span className="subtlest" data-testid={`gate-${r.version.id}-none`}>
                      —<span className="visually-hidden">{r.version.released ? 'Released, no gate' : 'Not available'}</span>
                    </span>
                  )}
                  <BlockLine release={r} />
                </td>
                <td data-label="Last updated" className="muted">
                  {r.updatedAt ? formatInstant(r.updatedAt) : 'Never'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.page.total > data.page.size && <Pagination page={data.page} onPage={goTo} />}
      {data && <p className="helper">A handoff is late when it becomes ready less than {data.leadTimeDays} days before the release date.</p>}
    </div>
  );
}

/**
 * Why the release gate last put this version back, from the gate index: shown while the gate is still
 * closed, and always when Jira refused to un-release it (it is then still released and needs a person).
 */
function BlockLine({ release }: { release: ReleaseSummary }) {
  const block = release.blockSummary;
  if (!block) return null;
  const closed = release.gate && release.gate.state !== 'ok' && release.gate.state !== 'overridden';
  if (!block.unreleaseFailed && (release.version.released || !closed)) return null;
  return (
    <p className="block-line" data-testid={`gate-block-${release.version.id}`}>
      <span className="block-line-when">
        {block.unreleaseFailed ? 'Release not undone' : 'Blocked'} {formatInstant(block.at)}
        {block.reason ? ': ' : ''}
      </span>
      {block.reason}
      {block.unreleaseFailed && ' Jira refused to put it back to unreleased: un-release it by hand.'}
    </p>
  );
}
