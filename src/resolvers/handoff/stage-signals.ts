import { l3BugsJql } from '#domain/chain-label';
import { L3_BUGS_READ_MAX } from '#domain/living/stage-signals';
import { ROLLOUT_STAGES, type RolloutStage } from '#domain/living/rollout-stages';
import { requestsAtStageJql } from '#domain/request-link';
import { readAccess, requireAccess, settledValue } from '../core/access';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { withChainLabel } from '#domain/l3-prefill';
import { versionInProject } from '../core/views';

/** What Jira says for the chart; the stored rollout and questions come from the page's other reads. */
export interface StageSignalCounts {
  requests: Record<RolloutStage, number>;
  l3CreatedAt: string[];
  l3Partial: boolean;
}

/**
 * Jira's side of the chart, in one parallel round beside the page's other reads: one approximate count
 * per stage of the requests linked to the release (6 calls, however many requests), and the creation
 * times of the release's L3 bugs (one search per 100 bugs; usually one call).
 *
 * The requests are counted as the app: they live in service projects the PO and the CS lead often
 * cannot browse, and the signal is theirs to read. Only the numbers leave, for a release the person may
 * read (checked before anything is answered); no key, summary or text of a request does. The L3 bugs
 * are in the release's own project and are searched as the person, as the page's L3 count is.
 */
export async function readStageSignalCounts({ versionId }: { versionId: string }, call: CallContext, deps: ResolverDeps): Promise<StageSignalCounts> {
  const link = { projectKey: call.project.key, versionId };
  const jql = withChainLabel(() => l3BugsJql(link));
  const [access, version, counts, bugs] = await Promise.allSettled([
    readAccess(deps, call.project),
    deps.jira.getVersion(versionId),
    Promise.all(ROLLOUT_STAGES.map((stage) => deps.jira.countIssuesAsApp(requestsAtStageJql(versionId, stage)))),
    deps.jira.issueCreatedTimes(jql, L3_BUGS_READ_MAX),
  ]);
  const { project } = requireAccess(access, 'read', call.project);
  versionInProject(version, versionId, project);
  const perStage = settledValue(counts);
  const found = settledValue(bugs);
  return {
    requests: Object.fromEntries(ROLLOUT_STAGES.map((stage, i) => [stage, perStage[i] ?? 0])) as Record<RolloutStage, number>,
    l3CreatedAt: found.created,
    l3Partial: found.more,
  };
}
