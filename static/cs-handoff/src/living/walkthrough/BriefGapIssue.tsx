/** A brief gap's Jira task: "File as Jira task" until it is filed, then its key, linking to the issue. */
import Button from '@atlaskit/button/new';
import { router } from '@forge/bridge/out/router/router';
import type { HandoffView } from '#contract';
import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../hooks/useAction';
import { walkthroughOf, type WalkthroughQuestion } from '../walkthrough-model';

export function BriefGapIssue({ view, q, index, onSaved }: { view: HandoffView; q: WalkthroughQuestion; index: number; onSaved(view: HandoffView, message: string): void }) {
  const position = index + 1;
  const { busy, error, run } = useAction();
  const s = q.settlement;
  if (s?.kind !== 'brief-gap') return null;
  if (s.issueKey) {
    const issueKey = s.issueKey;
    return (
      <p className="wq-issue" data-testid={`wq-${index}-issue`}>
        Filed as{' '}
        <button
          type="button"
          className="issue-link"
          onClick={() => void router.navigate({ target: 'issue', issueKey }).catch(() => undefined)}
          aria-label={`Open ${issueKey}, the Jira task for question ${position}`}
          data-testid={`wq-${index}-issue-link`}
        >
          {issueKey}
        </button>
      </p>
    );
  }
  const file = async () => {
    const res = await run(() => api.fileBriefGap(view.version.id, view.revisions.walkthrough, q.id));
    if (!res.ok) return;
    const filed = walkthroughOf(res.value)?.questions.find((x) => x.id === q.id)?.settlement;
    onSaved(res.value, `Question ${position} was filed as ${filed?.kind === 'brief-gap' && filed.issueKey ? filed.issueKey : 'a Jira task'}.`);
  };
  return (
    <>
      <Button spacing="compact" appearance="subtle" isDisabled={busy} onClick={() => void file()} aria-label={`File question ${position} as a Jira task`} testId={`wq-${index}-file`}>
        {busy ? 'Filing…' : 'File as Jira task'}
      </Button>
      {error && <ErrorMessage error={error} testId={`wq-${index}-file-error`} />}
    </>
  );
}
