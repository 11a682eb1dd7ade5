/**
 * The two rounds every change to a handoff makes.
 *
 * Round 1 (parallel, as the person): permissions, the stored handoff, the version, who they are,
 * and, when the overview index will change, the index. Round 2 (parallel, as the app): the handoff,
 * the index when it changed, and the release-page link on a first save.
 *
 * Jira project properties have no compare-and-set. The revision check in round 1 catches every
 * save that started from an older revision, but two saves whose round 1 both finish before either
 * round 2 starts can still both pass it, and the later PUT wins. That window is one Jira round trip
 * (tens of milliseconds) and nothing runs between the check and the write to widen it. The index has
 * the same window across versions: two status changes on different versions at the same moment can
 * drop one index entry until that version's next status change; the handoff itself stays correct.
 */
import type { ProjectInfo } from '../contract';
import { parseIndex, withHandoff, type HandoffIndex } from '../domain/handoff-index';
import type { PersonRef, StoredHandoff } from '../domain/handoff';
import { handoffPropertyKey, INDEX_PROPERTY_KEY } from '../domain/property-keys';
import { assertHandoffFits } from '../domain/storage-size';
import type { JiraVersion, PermissionSet } from '../jira';
import { requireAccess, settledValue } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import { parseStoredHandoff, versionInProject } from './views';

export interface LoadedForWrite {
  permissions: PermissionSet;
  version: JiraVersion;
  stored: StoredHandoff | null;
  me: PersonRef;
  /** Only loaded when the write will change the overview. */
  index: HandoffIndex | null;
}

export async function loadForWrite(
  deps: ResolverDeps,
  { project }: CallContext,
  versionId: string,
  options: { withIndex: boolean },
): Promise<LoadedForWrite> {
  const { jira } = deps;
  const [permissions, property, version, me, index] = await Promise.allSettled([
    jira.getMyPermissions(project.key),
    jira.getProjectProperty(project.key, handoffPropertyKey(versionId)),
    // Needed even when a handoff exists: the answer shows the version's state, which depends on its
    // release date and released flag, and both can change in Jira at any time.
    jira.getVersion(versionId),
    jira.getMyself(),
    options.withIndex ? jira.getProjectProperty(project.key, INDEX_PROPERTY_KEY) : Promise.resolve(undefined),
  ]);
  const granted = requireAccess(permissions, 'edit', project.key);
  return {
    permissions: granted,
    version: versionInProject(version, versionId, project),
    stored: parseStoredHandoff(settledValue(property), versionId, deps.log),
    me: settledValue(me),
    index: options.withIndex ? parseIndex(settledValue(index)) : null,
  };
}

export interface HandoffWrite {
  next: StoredHandoff;
  /** The index as read in round 1, when this write changes what the overview shows. */
  index: HandoffIndex | null;
  /** A first save also links the version's release page to the handoff. */
  linkReleasePage: boolean;
}

/** Checks both sizes before anything is written, then writes in one parallel round. */
export async function commitWrite(deps: ResolverDeps, call: CallContext, { next, index, linkReleasePage }: HandoffWrite): Promise<void> {
  assertHandoffFits(next);
  const nextIndex = index ? withHandoff(index, next) : null;
  const { project } = call;
  await Promise.all([
    deps.jira.putProjectProperty(project.key, handoffPropertyKey(next.versionId), next),
    nextIndex ? putIndex(deps, project, nextIndex) : Promise.resolve(),
    linkReleasePage ? linkVersionToHandoff(deps, call, next.versionId) : Promise.resolve(),
  ]);
}

/** The index is a cache of the handoffs: failing to update it must not fail the save the person made. */
async function putIndex(deps: ResolverDeps, project: ProjectInfo, index: HandoffIndex): Promise<void> {
  try {
    await deps.jira.putProjectProperty(project.key, INDEX_PROPERTY_KEY, index);
  } catch (error) {
    deps.log.error(`Could not update the handoff index of project ${project.key}`, error);
  }
}

export const RELATED_WORK_TITLE = 'CS Handoff';
/** Shown on Jira's release page, which groups related work by category. */
export const RELATED_WORK_CATEGORY = 'Communications';

export function handoffPageUrl(call: CallContext, versionId: string, { appId, environmentId }: { appId: string; environmentId: string }): string {
  return `${call.siteUrl}/jira/software/projects/${call.project.key}/apps/${appId}/${environmentId}/version/${versionId}`;
}

/** A missing link is an inconvenience, not a lost handoff: it is logged and the save still succeeds. */
async function linkVersionToHandoff(deps: ResolverDeps, call: CallContext, versionId: string): Promise<void> {
  try {
    const url = handoffPageUrl(call, versionId, deps.appIdentity());
    await deps.jira.createRelatedWork(versionId, { category: RELATED_WORK_CATEGORY, title: RELATED_WORK_TITLE, url });
  } catch (error) {
    deps.log.warn(`Could not add the CS Handoff link to version ${versionId}`, error);
  }
}
