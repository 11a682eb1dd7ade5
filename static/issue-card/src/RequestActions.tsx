/**
 * What the agent does with the request itself: link it to the release the card shows (the issue property
 * linkRequestToRelease writes, with the rollout stage of this moment), and file its L3 bug through Jira's
 * Create issue dialog, the same pre-filled path as the handoff page's, then link the bug to the request.
 * Every refusal (no Edit issues on the request, no Create issues in the release's project, no Link issues)
 * is the resolver's own message, shown here; nothing was written.
 */
import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { CardRelease, IssueHandoffCard, RequestReleaseLink, ResolverError } from '#contract';
import { stageLabel } from '#domain/living/rollout-stages';
import { FILE_ERROR_FALLBACK_TITLE, FILE_ERROR_TITLES, fileThroughCreateDialog } from '../../cs-handoff/src/escalation/create-issue-dialog';
import { formatInstant } from '../../cs-handoff/src/format';
import { cardApi, releaseRefOf } from './api';

const LINK_ERROR_TITLES: Partial<Record<ResolverError['code'], string>> = {
  FORBIDDEN: "You can't link this request",
  NOT_FOUND: "Can't link this request",
  JIRA_UNAVAILABLE: "Jira isn't responding",
};

type Problem = { title: string; error: ResolverError; retryLink?: string[] };

const atStage = (stage: RequestReleaseLink['stage']) => (stage === 'not-started' ? 'before its rollout started' : `at rollout ${stageLabel(stage)}`);

export function RequestActions({ card, release, onLinked, onChange }: { card: IssueHandoffCard; release: CardRelease; onLinked(link: RequestReleaseLink): void; onChange(): void }) {
  const id = useId();
  const [busy, setBusy] = useState<'link' | 'file' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filed, setFiled] = useState('');
  const fileButton = useRef<HTMLButtonElement | null>(null);
  const requestKey = card.issueKey;
  const linked = card.source === 'linked' ? card.linked : null;

  const link = async () => {
    setBusy('link');
    setProblem(null);
    const r = await cardApi.linkRequestToRelease(requestKey, releaseRefOf(release));
    setBusy(null);
    if (r.ok) onLinked(r.value);
    else setProblem({ title: LINK_ERROR_TITLES[r.error.code] ?? "Couldn't link this request", error: r.error });
  };

  /** Links each created bug to the request; `ids` again when the agent retries a failed link. */
  const linkBugs = async (ids: string[]) => {
    const keys: string[] = [];
    let type = '';
    for (const [i, bugIssueId] of ids.entries()) {
      const r = await cardApi.linkRequestBug(requestKey, bugIssueId);
      if (!r.ok) {
        setFiled('');
        setProblem({ title: `The bug was created, but it isn't linked to ${requestKey}`, error: r.error, retryLink: ids.slice(i) });
        return;
      }
      keys.push(r.value.bugKey);
      type = r.value.linkType;
    }
    if (keys.length > 0) setFiled(`L3 bug ${keys.join(', ')} filed and linked to ${requestKey} (${type}).`);
  };

  const file = async () => {
    const filing = fileThroughCreateDialog(
      () => cardApi.getRequestL3Prefill(requestKey, releaseRefOf(release)),
      () => fileButton.current,
    );
    setBusy('file');
    setProblem(null);
    setFiled('');
    const r = await filing;
    // Enabled again as the dialog closes, so focus can go back to the button that opened it.
    setBusy(null);
    if (!r.ok) {
      setProblem({ title: FILE_ERROR_TITLES[r.error.code] ?? FILE_ERROR_FALLBACK_TITLE, error: r.error });
      return;
    }
    if (r.value.createdIssueIds.length === 0) return;
    setFiled(`Linking the bug to ${requestKey}…`);
    await linkBugs(r.value.createdIssueIds);
  };

  const retry = async (ids: string[]) => {
    setBusy('file');
    setProblem(null);
    await linkBugs(ids);
    setBusy(null);
  };

  return (
    <section className="request stack-sm" aria-labelledby={`${id}-h`} data-testid="request-actions">
      <h3 id={`${id}-h`} className="card-h3">
        This request and {release.versionName}
      </h3>
      <p role="status" aria-live="polite" className={linked ? 'linked' : 'muted small'} data-testid="request-link-state">
        {linked
          ? `${requestKey} is linked to this release, ${atStage(linked.stage)} (${formatInstant(linked.linkedAt)}).`
          : `Link ${requestKey} to this release so it counts for ${release.versionName} and its current rollout stage.`}
      </p>
      <div className="row">
        {linked ? (
          <Button spacing="compact" onClick={onChange} isDisabled={busy !== null} testId="request-change-release">
            Change release
          </Button>
        ) : (
          <Button spacing="compact" onClick={() => void link()} isDisabled={busy !== null} isLoading={busy === 'link'} testId="request-link">
            Link to this release
          </Button>
        )}
        {release.status !== 'none' && (
          <Button ref={fileButton} spacing="compact" onClick={() => void file()} isDisabled={busy !== null} isLoading={busy === 'file'} testId="request-file-l3">
            File L3 bug
          </Button>
        )}
      </div>
      {problem && (
        <div role="alert" className="problem stack-sm" data-testid="request-problem" data-error-code={problem.error.code}>
          <p className="problem-title">{problem.title}</p>
          <p>{problem.error.message}</p>
          {problem.retryLink && (
            <Button spacing="compact" onClick={() => void retry(problem.retryLink ?? [])} testId="request-retry-link">
              Try linking again
            </Button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="small filed" data-testid="request-filed">
        {filed}
      </p>
    </section>
  );
}
