/**
 * What every change to a handoff shares: round 1 reads the person's permissions, the version, who they
 * are, the handoff's records (one storage call) and the gate context, in parallel; the change is then
 * committed with compare-and-set and published (handoff-store.ts, which describes the rounds and what
 * happens on a refusal or a failure).
 */
import type { HandoffView, ProjectInfo } from '#contract';
import type { PersonRef } from '#domain/handoff';
import { composeHandoff, type HandoffRecords } from '#domain/records';
import type { JiraVersion, PermissionSet } from '#jira';
import { PROJECT_PERMISSIONS } from '#jira/permissions';
import { readAccess, requireAccess, settledValue, type Access } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import { readGateContext, readStoredGate, refreshGateEntry, storedGateRefs, type GateContext, type GateView } from './gate-context';
import { loadRecords, readRecords, type Committed, type Target } from './handoff-store';
import { publishRecords } from './publish';
import { handoffView, versionInProject } from './views';
import { projectUrlSegment } from '#domain/project-url';
import { appError } from '#domain/errors';
import { cachedPerson, freshPerson } from '#domain/person';
import { ENTITIES, type RecordPut, type RecordRef } from '#store/port';

export interface LoadedForChange {
  permissions: PermissionSet;
  /** The project as Jira answered the person: every write goes here, never to what the browser named. */
  project: ProjectInfo;
  version: JiraVersion;
  me: PersonRef;
  /** The person's Jira time zone, when known: kept with "Mark ready" for sites that name no zone. */
  myTimeZone: string | null;
  /** Puts to commit with the change: the person's name, when Jira had to be asked for it. */
  alongside: RecordPut[];
  records: HandoffRecords;
  gate: GateView;
  target: Target;
}

export const targetOf = (project: { id: string; key: string }, versionId: string): Target => ({ projectId: project.id, projectKey: project.key, versionId });

export async function loadForChange(
  deps: ResolverDeps,
  call: CallContext,
  versionId: string,
  /** 'edit' unless said otherwise; the walkthrough is recorded by readers. */
  access: Access = 'edit',
  /** The change will build a link: the site's address is read in this round, not the next. */
  withSiteUrl = false,
  /**
   * Read the gate record, the settings and the site's zone from storage, in the records' storage call
   * (readStoredGate), instead of the gate record and gate index properties: the content save, which
   * needs no gate index unless it demotes the handoff. `importKept` then imports what only a property held.
   */
  gateFromStore = false,
): Promise<LoadedForChange & { importKept: () => Promise<void> }> {
  const { jira } = deps;
  const claimed = call.project;
  if (withSiteUrl) void call.siteUrl();
  // Records are keyed by the claimed id; requireAccess proves it is the project Jira answered before any is used.
  const target = targetOf(claimed, versionId);
  const personRef = { entity: ENTITIES.person, key: call.accountId };
  const [permissions, version, records, gate] = await Promise.allSettled([
    readAccess(deps, claimed, access === 'create' ? [...PROJECT_PERMISSIONS, 'CREATE_ISSUES'] : PROJECT_PERMISSIONS),
    // Needed even when a handoff exists: the answer shows the version's state, which depends on its
    // release date and released flag, and both can change in Jira at any time.
    jira.getVersion(versionId),
    // The person's kept name comes in the same storage call as the records: no Jira call for who they are.
    readRecords(deps, target, undefined, gateFromStore ? [personRef, ...storedGateRefs(claimed.id, versionId)] : [personRef]),
    gateFromStore ? Promise.resolve(null) : readGateContext(deps, claimed.key, versionId),
  ]);
  const { permissions: granted, project } = requireAccess(permissions, access, claimed);
  const v = versionInProject(version, versionId, project);
  const read = settledValue(records);
  // A name to ask Jira for and a handoff to import (first access) are each one more call: in the same round.
  const [{ me, timeZone: myTimeZone, alongside }, current, stored] = await Promise.all([
    whoIsCalling(deps, call.accountId, read.also[0], personRef),
    loadRecords(deps, target, read.records),
    gateFromStore ? readStoredGate(deps, target, read.also.slice(1)) : null,
  ]);
  const gateRead = settledValue(gate);
  return {
    permissions: granted,
    project,
    version: v,
    me,
    myTimeZone,
    alongside: [...alongside, ...(stored?.alongside ?? [])],
    // A handoff stored before records existed is imported above, on its first change (one more round, once).
    records: current,
    gate: stored?.gate ?? (gateRead as GateContext),
    target,
    importKept: stored?.importKept ?? (() => Promise.resolve()),
  };
}

/**
 * Who is changing the handoff: the name kept in storage while it is fresh; otherwise Jira's answer (one
 * more round, at most once a day per person), kept by committing it with the change.
 */
async function whoIsCalling(deps: ResolverDeps, accountId: string, stored: unknown, ref: RecordRef): Promise<{ me: PersonRef; timeZone: string | null; alongside: RecordPut[] }> {
  const kept = freshPerson(stored, accountId, deps.now());
  if (kept) return { me: { accountId: kept.accountId, displayName: kept.displayName }, timeZone: kept.timeZone ?? null, alongside: [] };
  const me = await deps.jira.getMyself();
  // Forge vouches for the account id; Jira answered as that person, so the two are the same account.
  if (me.accountId !== accountId) throw appError('FORBIDDEN', 'Jira answered for another account than the one logged in. Reload the page.');
  const value = cachedPerson(me, deps.now()) as unknown as RecordPut['value'];
  return { me: { accountId: me.accountId, displayName: me.displayName }, timeZone: me.timeZone ?? null, alongside: [{ ...ref, value }] };
}

export const RELATED_WORK_TITLE = 'CS Handoff';
/** Shown on Jira's release page, which groups related work by category. */
export const RELATED_WORK_CATEGORY = 'Communications';

/**
 * The handoff's page in Jira: the site's address from Jira (serverInfo) and the project's real type, as
 * Forge builds a project page's URL (/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}), with
 * Jira's segment for that type (domain/project-url.ts).
 */
export function handoffPageUrl(siteUrl: string, project: ProjectInfo, versionId: string, { appId, environmentId }: { appId: string; environmentId: string }): string {
  const type = encodeURIComponent(projectUrlSegment(project.type));
  return `${siteUrl}/jira/${type}/projects/${encodeURIComponent(project.key)}/apps/${appId}/${environmentId}/version/${encodeURIComponent(versionId)}`;
}

/** A missing link is an inconvenience, not a lost handoff: it is logged and the save still succeeds. */
async function linkVersionToHandoff(deps: ResolverDeps, call: CallContext, project: ProjectInfo, versionId: string): Promise<void> {
  try {
    const url = handoffPageUrl(await call.siteUrl(), project, versionId, deps.appIdentity());
    await deps.jira.createRelatedWork(versionId, { category: RELATED_WORK_CATEGORY, title: RELATED_WORK_TITLE, url });
  } catch (error) {
    deps.log.warn(`Could not add the CS Handoff link to version ${versionId}`, error);
  }
}

/** A first save also links the version's release page to the handoff; a failed link is logged inside. */
export function linkOnFirstSave(deps: ResolverDeps, call: CallContext, project: ProjectInfo, versionId: string, firstSave: boolean): Promise<void> {
  return firstSave ? linkVersionToHandoff(deps, call, project, versionId) : Promise.resolve();
}

/** What a change adds to the publish round (the content save's own extras). */
export interface PublishExtras {
  /** Whether the gate-index entry is rewritten: by default whenever a record changed. */
  refreshGate?: boolean;
  /** More of the change's work that needs no answer first: it runs in the same round. */
  alongside?: Promise<unknown>[];
  /** What the person must hear before a publish refusal (a save that sent a ready handoff back to draft). */
  notice?: string | null;
}

/**
 * After a committed change: its records are published and the version's gate-index entry refreshed, in
 * one round, then the handoff is answered as now stored, with a notice when Jira refused the app its copy.
 */
export async function publishAndView(deps: ResolverDeps, loaded: LoadedForChange, committed: Committed, now: Date, extras: PublishExtras = {}): Promise<HandoffView> {
  const handoff = composeHandoff(committed.records);
  const refreshGate = extras.refreshGate ?? committed.changed.length > 0;
  const [publishNotice] = await Promise.all([
    publishRecords(deps, loaded.target, committed),
    handoff && refreshGate ? refreshGateEntry(deps, loaded.project.key, loaded.version, loaded.gate, handoff, now) : Promise.resolve(),
    ...(extras.alongside ?? []),
  ]);
  const view = handoffView({ project: loaded.project, version: loaded.version, permissions: loaded.permissions, records: committed.records, lateness: deps.lateness, gate: loaded.gate, now });
  const notice = extras.notice ?? publishNotice;
  return notice ? { ...view, notice } : view;
}
