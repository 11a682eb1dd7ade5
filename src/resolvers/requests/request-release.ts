import type { z } from 'zod';
import type { ProjectInfo, ReleaseRefSchema } from '#contract';
import { appError } from '#domain/errors';
import type { StoredHandoff } from '#domain/handoff';
import type { RolloutStage } from '#domain/living/rollout-stages';
import { REQUEST_RELEASE_PROPERTY_KEY, requestReleaseLink } from '#domain/request-link';
import type { IssuePermission, JiraRequestIssue, JiraVersion } from '#jira';
import { readAccess, requireAccess, settledValue } from '../core/access';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { handoffFrom, readRecords } from '../core/handoff-store';
import { targetOf } from '../core/handoff-writes';
import type { Handler } from '../core/run';
import { versionInProject } from '../core/views';

type ReleaseRef = z.output<typeof ReleaseRefSchema>;

/** A request and the release it is about, as the person may see them, with what they may do to the request. */
export interface RequestAndRelease {
  request: JiraRequestIssue;
  requestPermissions: Record<IssuePermission, boolean>;
  project: ProjectInfo;
  version: JiraVersion;
  handoff: StoredHandoff | null;
}

/**
 * The first round of every action on a request: the request, the person's rights on it, the release's
 * project (Browse, and that the page's id and key are Jira's), the version and its handoff records, all
 * in parallel and as the person. Refusals come before anything is read from the answers or written.
 */
export async function readRequestAndRelease(
  deps: ResolverDeps,
  requestKey: string,
  release: ReleaseRef,
  requestKeys: readonly IssuePermission[],
  extra: () => Promise<unknown>[] = () => [],
): Promise<RequestAndRelease & { extra: PromiseSettledResult<unknown>[] }> {
  const target = targetOf(release.project, release.versionId);
  const [request, permissions, access, version, records, ...rest] = await Promise.allSettled([
    deps.jira.getRequestIssue(requestKey),
    deps.jira.getIssuePermissions(requestKey, requestKeys),
    readAccess(deps, release.project),
    deps.jira.getVersion(release.versionId),
    readRecords(deps, target),
    ...extra(),
  ]);
  const found = settledValue(request);
  if (!found) throw appError('NOT_FOUND', `Request ${requestKey} was not found, or you don't have permission to see it.`);
  const { project } = requireAccess(access, 'read', release.project);
  const checkedVersion = versionInProject(version, release.versionId, project);
  // Records are read under the claimed project; only now that Jira confirmed it may a legacy import write.
  const handoff = await handoffFrom(deps, target, records);
  return { request: found, requestPermissions: settledValue(permissions), project, version: checkedVersion, handoff, extra: rest };
}

export const stageOf = (handoff: StoredHandoff | null): RolloutStage => handoff?.rollout?.stage ?? 'not-started';

/**
 * Records on the request which release it is about and the rollout stage at this moment: the issue
 * property `cs-handoff.release`, indexed for JQL by the manifest's jira:entityProperty. Written as the
 * person, after checking they may edit the request (Jira checks again when it writes).
 *
 * Two rounds (5 Jira calls and 1 storage call, then 1 write): see readRequestAndRelease.
 */
export const linkRequestToRelease: Handler<'linkRequestToRelease'> = async ({ requestKey, release }, call: CallContext, deps) => {
  const read = await readRequestAndRelease(deps, requestKey, release, ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  if (!read.requestPermissions.EDIT_ISSUES) {
    throw appError('FORBIDDEN', `You can read request ${read.request.key} but not change it: linking it to a release needs the Edit issues permission in project ${read.request.project.key}.`);
  }
  const link = requestReleaseLink({
    requestKey: read.request.key,
    version: read.version,
    project: read.project,
    stage: stageOf(read.handoff),
    accountId: call.accountId,
    at: deps.now(),
  });
  await deps.jira.putIssueProperty(read.request.key, REQUEST_RELEASE_PROPERTY_KEY, link);
  return link;
};
