/**
 * What every change to a handoff shares: round 1 reads the person's permissions, the version, who they
 * are, the handoff's records (one storage call) and the gate context, in parallel; the change is then
 * committed with compare-and-set and published (handoff-store.ts, which describes the rounds and what
 * happens on a refusal or a failure).
 */
import type { ProjectInfo } from '../contract';
import type { PersonRef } from '../domain/handoff';
import type { HandoffRecords } from '../domain/records';
import type { JiraVersion, PermissionSet } from '../jira';
import { PROJECT_PERMISSIONS } from '../jira/permissions';
import { requireAccess, settledValue, type Access } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import { readGateContext, type GateContext } from './gate-context';
import { loadRecords, readRecords, type Target } from './handoff-store';
import { versionInProject } from './views';

export interface LoadedForChange {
  permissions: PermissionSet;
  version: JiraVersion;
  me: PersonRef;
  records: HandoffRecords;
  gate: GateContext;
  target: Target;
}

export const targetOf = (project: ProjectInfo, versionId: string): Target => ({ projectId: project.id, projectKey: project.key, versionId });

export async function loadForChange(
  deps: ResolverDeps,
  { project }: CallContext,
  versionId: string,
  /** 'edit' unless said otherwise; the walkthrough is recorded by readers. */
  access: Access = 'edit',
): Promise<LoadedForChange> {
  const { jira } = deps;
  const target = targetOf(project, versionId);
  const [permissions, version, me, records, gate] = await Promise.allSettled([
    access === 'create' ? jira.getMyPermissions(project.key, [...PROJECT_PERMISSIONS, 'CREATE_ISSUES']) : jira.getMyPermissions(project.key),
    // Needed even when a handoff exists: the answer shows the version's state, which depends on its
    // release date and released flag, and both can change in Jira at any time.
    jira.getVersion(versionId),
    jira.getMyself(),
    readRecords(deps, target),
    readGateContext(deps, project.key, versionId),
  ]);
  const granted = requireAccess(permissions, access, project.key);
  const v = versionInProject(version, versionId, project);
  return {
    permissions: granted,
    version: v,
    me: settledValue(me),
    // A handoff stored before records existed is imported here, on its first change (one more round, once).
    records: await loadRecords(deps, target, settledValue(records).records),
    gate: settledValue(gate),
    target,
  };
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

/** A first save also links the version's release page to the handoff; a failed link is logged inside. */
export function linkOnFirstSave(deps: ResolverDeps, call: CallContext, versionId: string, firstSave: boolean): Promise<void> {
  return firstSave ? linkVersionToHandoff(deps, call, versionId) : Promise.resolve();
}
