/** The escalation section's L3 part: file a pre-filled bug, the release's chain label and its bug count. */
import Button from '@atlaskit/button/new';
import { SectionMessage } from '../components/TokenSectionMessage';
import { lazy, Suspense, useRef } from 'react';
import type { HandoffContent } from '#domain/handoff';
import type { ResolverError } from '#contract';
import { CopyText } from './CopyText';
import { FILE_ERROR_FALLBACK_TITLE, FILE_ERROR_TITLES } from './create-issue-dialog';
import { ExternalLink } from '../components/ExternalLink';
import type { L3Filing } from './useL3';

const L3ItemMenu = lazy(() => import('./L3ItemMenu'));

function FileError({ error }: { error: ResolverError }) {
  return (
    <div role="alert" data-testid="l3-file-error" data-error-code={error.code}>
      <SectionMessage appearance="error" title={FILE_ERROR_TITLES[error.code] ?? FILE_ERROR_FALLBACK_TITLE}>
        <p>{error.message}</p>
      </SectionMessage>
    </div>
  );
}

export function L3Count({ l3 }: { l3: L3Filing }) {
  const { summary, summaryError } = l3;
  if (summaryError && !summary) {
    return (
      <p className="muted" data-testid="l3-count-error">
        The number of L3 bugs isn't available right now ({summaryError.message}){' '}
        <Button appearance="subtle" spacing="compact" onClick={() => void l3.refresh()} testId="l3-count-retry">
          Try again
        </Button>
      </p>
    );
  }
  if (!summary) {
    return (
      <p className="muted" data-testid="l3-count-loading" aria-busy="true">
        Counting L3 bugs…
      </p>
    );
  }
  const noun = summary.count === 1 ? 'L3 bug carries' : 'L3 bugs carry';
  return (
    <div className="l3-count" data-testid="l3-count" data-count={summary.count}>
      <span>
        <strong data-testid="l3-count-number">{summary.count === 0 ? 'No' : summary.count}</strong> {noun} the label
      </span>
      <CopyText text={summary.label} label={`Copy the chain label ${summary.label}`} testId="l3-label" inline />
      <ExternalLink href={summary.searchUrl} testId="l3-search-link">
        View in Jira<span className="visually-hidden"> (the L3 bugs of this release, opens in a new tab)</span>
      </ExternalLink>
    </div>
  );
}

/**
 * `canFile` is false where filing makes no sense (the PO's own draft: nothing has been handed off yet);
 * the count and the label still show. Filing is the page's one primary action when it is shown.
 */
export function L3Panel({ l3, content, canFile }: { l3: L3Filing; content: HandoffContent; canFile: boolean }) {
  const busy = l3.busyKey !== null;
  const mainRef = useRef<HTMLButtonElement | null>(null);
  const menuRef = useRef<HTMLDivElement | null>(null);
  const backToMain = () => mainRef.current;
  const backToMenu = () => menuRef.current?.querySelector<HTMLElement>('[data-testid="l3-item-menu--trigger"]') ?? mainRef.current;
  return (
    <div className="l3-panel stack-sm" data-testid="l3-panel">
      {canFile ? (
        <>
          <p className="muted">
            Still broken after L2? File a Jira bug: it is pre-filled with this release, the L2 steps and the chain label that traces it back here. To point at one step, limitation or question, file it
            from that item.
          </p>
          <div className="row">
            <Button ref={mainRef} appearance="primary" onClick={() => void l3.file(undefined, backToMain)} isDisabled={busy} isLoading={l3.busyKey === 'release'} testId="file-l3-bug">
              File L3 bug
            </Button>
            <div ref={menuRef}>
              <Suspense fallback={null}>
                <L3ItemMenu content={content} disabled={busy} onFile={(item) => void l3.file(item, backToMenu)} />
              </Suspense>
            </div>
          </div>
        </>
      ) : (
        <p className="muted" data-testid="l3-file-hidden">
          Once the handoff is ready, CS agents file L3 bugs from here, pre-filled and labelled for this release.
        </p>
      )}
      {l3.fileError && <FileError error={l3.fileError} />}
      <div role="status" aria-live="polite" data-testid="l3-filed-notice">
        {l3.filedNotice && (
          <SectionMessage appearance="success">
            <p>{l3.filedNotice}</p>
          </SectionMessage>
        )}
      </div>
      <L3Count l3={l3} />
    </div>
  );
}
