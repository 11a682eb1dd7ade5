import type { L3Prefill, ProjectInfo } from '../../contract';
import type { ItemRef } from '../../domain/chain-label';
import { appError } from '../../domain/errors';
import type { StoredHandoff } from '../../domain/handoff';
import { buildL3Bug, type L3BugInput } from '../../domain/l3-bug';
import type { JiraIssueType, JiraVersion } from '../../jira';
import type { ResolverDeps } from './deps';
import { handoffPageUrl } from './handoff-writes';
import { assertItemExists, rolloutStageOf, withChainLabel } from './l3-rules';

/**
 * The CreateIssueModal context from what the first round found: the same pre-fill whether the agent files
 * from the handoff or from a customer's request (which adds the request's summary and the customer's words).
 */
export function l3PrefillFor(
  input: { project: ProjectInfo; version: JiraVersion; handoff: StoredHandoff | null; bugType: JiraIssueType; siteUrl: string; item: ItemRef | undefined; request?: L3BugInput['request'] },
  deps: Pick<ResolverDeps, 'appIdentity'>,
): L3Prefill {
  const { project, version, handoff, item } = input;
  if (!handoff) {
    throw appError('NOT_FOUND', `No CS handoff for this release yet: the product owner has to write one for ${version.name} before L3 bugs can be filed from it.`);
  }
  assertItemExists(handoff.content, item);

  const draft = withChainLabel(() =>
    buildL3Bug({
      link: { projectKey: project.key, versionId: version.id },
      versionName: version.name,
      content: handoff.content,
      rolloutStage: rolloutStageOf(handoff),
      handoffUrl: handoffPageUrl(input.siteUrl, project, version.id, deps.appIdentity()),
      item,
      ...(input.request ? { request: input.request } : {}),
    }),
  );
  return {
    projectId: project.id,
    issueTypeId: input.bugType.id,
    summary: draft.summary,
    description: draft.description,
    labels: draft.labels,
    versions: [version.id],
  };
}
