import type { L3Prefill, ProjectInfo } from '#contract';
import type { ItemRef } from '#domain/chain-label';
import type { StoredHandoff } from '#domain/handoff';
import type { L3BugInput } from '#domain/l3-bug';
import { l3ModalContext } from '#domain/l3-prefill';
import type { JiraIssueType, JiraVersion } from '#jira';
import type { ResolverDeps } from './deps';
import { handoffPageUrl } from './handoff-writes';

/**
 * The CreateIssueModal context from what a resolver's first round found: the domain's one builder (the
 * handoff page runs the same in the browser), with the link to the handoff page on the site Jira named.
 */
export function l3PrefillFor(
  input: { project: ProjectInfo; version: JiraVersion; handoff: StoredHandoff | null; bugType: JiraIssueType; siteUrl: string; item: ItemRef | undefined; request?: L3BugInput['request'] },
  deps: Pick<ResolverDeps, 'appIdentity'>,
): L3Prefill {
  const { project, version } = input;
  return l3ModalContext({
    project,
    version,
    handoff: input.handoff,
    bugTypeId: input.bugType.id,
    handoffUrl: handoffPageUrl(input.siteUrl, project, version.id, deps.appIdentity()),
    item: input.item,
    ...(input.request ? { request: input.request } : {}),
  });
}
