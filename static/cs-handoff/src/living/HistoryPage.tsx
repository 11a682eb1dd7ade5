/**
 * "/version/<id>/history": every revision of the handoff, newest first (who, when, which sections
 * changed), and a readable diff between any two of them. "What changed since revision N" compares N
 * with the latest in one click. Loaded lazily.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '#contract';
import { api, type RevisionDiff, type RevisionSummary } from '../api';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { DsSelect } from '../components/DsSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { focusSoon } from '../focus';
import { useQuery } from '../hooks/useQuery';
import { formatInstant } from '../format';
import { paths } from '../routes';
import { DiffView } from './DiffView';

export default function HistoryPage({ versionId }: { versionId: string }) {
  // The version's name for the title and breadcrumbs comes with the handoff; a failure there is not fatal.
  const handoff = useQuery(versionId, () => api.getHandoff(versionId));
  const versionName = handoff.data?.version.name ?? 'Release';
  const history = useQuery(
    versionId,
    () => api.listHistory(versionId),
    (loaded) => {
      const pair = defaultPair(loaded.revisions.filter((r) => r.diffable));
      if (pair) {
        setFrom(pair[0]);
        setTo(pair[1]);
        // Open on the latest change to the text: usually what a returning reader wants to see.
        if (pair[0] !== pair[1]) void compare(pair[0], pair[1], false);
      }
    },
  );
  const list = history.data;
  const loadError = history.error;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [diffError, setDiffError] = useState<ResolverError | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);
  const lastRequest = useRef(0);
  const id = useId();

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, [versionId]);

  const compare = async (a: number, b: number, moveFocus = true) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    setFrom(lo);
    setTo(hi);
    setBusy(true);
    setDiffError(null);
    const ticket = ++lastRequest.current;
    const res = await api.diffRevisions(versionId, lo, hi);
    // Only the latest request shows: an earlier, slower answer never replaces a newer one.
    if (!live.current || ticket !== lastRequest.current) return;
    setBusy(false);
    if (!res.ok) {
      setDiff(null);
      setDiffError(res.error);
      return;
    }
    setDiff(res.value);
    if (moveFocus) focusSoon('diff-title');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (from !== null && to !== null) void compare(from, to);
  };

  const crumbs = <Breadcrumbs parent={{ label: versionName, to: paths.handoff(versionId), testId: 'back-to-handoff' }} current="History" />;

  if (loadError) {
    return (
      <div className="stack" data-testid="history-page">
        {crumbs}
        <ErrorMessage error={loadError} />
      </div>
    );
  }
  if (!list) return <Loading label="Loading history" />;

  const revisions = list.revisions;
  // Only the content's revisions are compared; walkthrough and rollout changes are listed between them.
  const latestContent = revisions.find((r) => r.record === 'content');
  const latest = latestContent?.revision ?? 0;
  const comparable = revisions.filter((r) => r.diffable);
  const latestDiffable = latestContent?.diffable ?? false;
  return (
    <div className="stack" data-testid="history-page">
      {crumbs}
      <header className="page-header">
        <Heading size="large" as="h1" id="page-title">
          History: {versionName}
        </Heading>
        <p className="muted">The handoff is a living document: it changes through the rollout. Compare two revisions to see exactly what changed.</p>
      </header>

      {revisions.length === 0 ? (
        <SectionMessage appearance="information" title="No revisions yet">
          <p>The history starts when the PO first saves the handoff.</p>
        </SectionMessage>
      ) : (
        <>
          <form className="compare-form row" onSubmit={onSubmit} aria-labelledby={`${id}-t`} data-testid="compare-form">
            <h2 className="visually-hidden" id={`${id}-t`}>
              Compare two revisions
            </h2>
            <div>
              <label className="field-label" htmlFor={`${id}-from`}>
                From revision
              </label>
              <DsSelect
                inputId={`${id}-from`}
                options={comparable.map((r) => ({ value: String(r.revision), label: `Revision ${r.revision}` }))}
                value={from === null ? null : String(from)}
                onChange={(v) => setFrom(Number(v))}
                testId="compare-from"
              />
            </div>
            <div>
              <label className="field-label" htmlFor={`${id}-to`}>
                To revision
              </label>
              <DsSelect
                inputId={`${id}-to`}
                options={comparable.map((r) => ({ value: String(r.revision), label: `Revision ${r.revision}${r.revision === latest ? ' (latest)' : ''}` }))}
                value={to === null ? null : String(to)}
                onChange={(v) => setTo(Number(v))}
                testId="compare-to"
              />
            </div>
            <div className="compare-submit">
              <Button type="submit" appearance="primary" isDisabled={busy || from === null || to === null || from === to} isLoading={busy} testId="compare-button">
                Compare
              </Button>
            </div>
          </form>

          {diffError && <ErrorMessage error={diffError} testId="diff-error" />}
          {diff && (
            <section className="diff-result stack-sm" aria-labelledby="diff-title" data-testid="diff-result">
              <Heading size="medium" as="h2" id="diff-title">
                {`Changes from revision ${diff.from} to revision ${diff.to}`}
              </Heading>
              {diff.changes.length > 0 && (
                <p className="muted diff-legend">
                  <ins className="diff-ins">Added words</ins> <del className="diff-del">removed words</del>
                </p>
              )}
              <DiffView changes={diff.changes} />
            </section>
          )}

          <table className="versions" data-testid="history-table">
            <caption className="visually-hidden">Revisions of the handoff, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Changed by</th>
                <th scope="col">When</th>
                <th scope="col">What changed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={`${r.record}-${r.revision}`} data-testid={`${rowPrefix(r)}-row-${r.revision}`}>
                  <td data-label="Revision">
                    {r.record === 'content' ? (
                      <>
                        {r.revision}
                        {r.revision === latest && <span className="muted"> (latest)</span>}
                      </>
                    ) : (
                      // Not a revision of the document: the walkthrough and the rollout count their own changes.
                      <span className="muted">
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">Not a document revision</span>
                      </span>
                    )}
                  </td>
                  <td data-label="Changed by">{r.by.displayName || 'Someone'}</td>
                  <td data-label="When" className="muted">
                    {formatInstant(r.at)}
                  </td>
                  <td data-label="What changed" data-testid={`${rowPrefix(r)}-sections-${r.revision}`}>
                    {describeChange(r)}
                  </td>
                  <td>
                    {r.record === 'content' && r.revision !== latest && r.diffable && latestDiffable && (
                      // An action that reads as a link (it shows a diff in place), in the link colour, not a grey button.
                      <button type="button" className="link-button" onClick={() => void compare(r.revision, latest)} disabled={busy} data-testid={`changes-since-${r.revision}`}>
                        {`What changed since revision ${r.revision}`}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

const NOT_TEXT = new Set(['Status', 'Rollout', 'Walkthrough']);

/** The revision before the latest change to the handoff's text, and the latest revision (both diffable). */
function defaultPair(revs: RevisionSummary[]): [number, number] | null {
  const latest = revs[0];
  if (!latest) return null;
  const textChange = revs.find((r) => r.sections.some((s) => !NOT_TEXT.has(s)));
  const before = textChange ? revs.find((r) => r.revision < textChange.revision) : revs[1];
  return [before?.revision ?? latest.revision, latest.revision];
}

/** Content rows keep their test ids (`revision-row-<n>`); the others are named by their record. */
const rowPrefix = (r: RevisionSummary): string => (r.record === 'content' ? 'revision' : r.record);

function describeChange(r: RevisionSummary): string {
  const what = r.sections.length > 0 ? r.sections.join(', ') : 'Nothing changed';
  return r.diffable || r.record !== 'content' ? what : `${what} (too large to keep a copy: cannot be compared)`;
}
