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
 *
 * Revision history (domain/history): round 1 also reads the history's head page (a fixed key, so it
 * needs nothing from the handoff and adds no round), and round 2 writes the new head page, plus the
 * old head to its archive slot when it was full, in parallel with the handoff. History has the same
 * one-round-trip window, and a failed history write is logged without failing the save.
 */
import type { ProjectInfo } from '../contract';
import { parseIndex, withHandoff, type HandoffIndex } from '../domain/handoff-index';
import type { PersonRef, StoredHandoff } from '../domain/handoff';
import { handoffPropertyKey, INDEX_PROPERTY_KEY } from '../domain/property-keys';
import { assertHandoffFits } from '../domain/storage-size';
import { appendRecord, historyArchiveKey, historyHeadKey, parseHistoryPage, revisionRecord, type HistoryPage } from '../domain/history/history';
import type { Access } from './access';
import type { JiraVersion, PermissionSet } from '../jira';
import { requireAccess, settledValue } from './access';
import type { CallContext } from './call-context';
import { readGateContext, type GateContext } from './gate-context';
import type { ResolverDeps } from './deps';
import { parseStoredHandoff, versionInProject } from './views';

export interface LoadedForWrite {
  permissions: PermissionSet;
  version: JiraVersion;
  stored: StoredHandoff | null;
  me: PersonRef;
  /** Only loaded when the write will change the overview. */
  index: HandoffIndex | null;
  /** The version's gate record and the project's gate index (lead time), when asked for (`withGate`). */
  gate: GateContext | null;
  /** What the write's history record needs: pass it on to `commitWrite` as `history`. */
  history: HistoryBase;
}

/** The handoff before the write and the history's head page, both as read in round 1. */
export interface HistoryBase {
  previous: StoredHandoff | null;
  head: HistoryPage | null;
}

export async function loadForWrite(
  deps: ResolverDeps,
  { project }: CallContext,
  versionId: string,
  options: { withIndex: boolean; withGate?: boolean; /** 'edit' unless said otherwise; the walkthrough is recorded by readers. */ access?: Access },
): Promise<LoadedForWrite> {
  const { jira } = deps;
  const [permissions, property, version, me, index, gate, historyHead] = await Promise.allSettled([
    jira.getMyPermissions(project.key),
    jira.getProjectProperty(project.key, handoffPropertyKey(versionId)),
    // Needed even when a handoff exists: the answer shows the version's state, which depends on its
    // release date and released flag, and both can change in Jira at any time.
    jira.getVersion(versionId),
    jira.getMyself(),
    options.withIndex ? jira.getProjectProperty(project.key, INDEX_PROPERTY_KEY) : Promise.resolve(undefined),
    // The answer's state and gate use the project's lead time and the version's block/override (2 reads, same round).
    options.withGate ? readGateContext(deps, project.key, versionId) : Promise.resolve(null),
    jira.getProjectProperty(project.key, historyHeadKey(versionId)),
  ]);
  const granted = requireAccess(permissions, options.access ?? 'edit', project.key);
  const stored = parseStoredHandoff(settledValue(property), versionId, deps.log);
  return {
    permissions: granted,
    version: versionInProject(version, versionId, project),
    stored,
    me: settledValue(me),
    index: options.withIndex ? parseIndex(settledValue(index)) : null,
    gate: settledValue(gate),
    history: { previous: stored, head: historyHead.status === 'fulfilled' ? parseHistoryPage(historyHead.value, versionId) : unreadHistory(deps, versionId, historyHead.reason) },
  };
}

/** An unreadable head page must not stop the save: the history starts a new head (logged). */
function unreadHistory(deps: ResolverDeps, versionId: string, reason: unknown): null {
  deps.log.warn(`Could not read the revision history of version ${versionId}`, reason);
  return null;
}

export interface HandoffWrite {
  next: StoredHandoff;
  /** The index as read in round 1, when this write changes what the overview shows. */
  index: HandoffIndex | null;
  /** A first save also links the version's release page to the handoff. */
  linkReleasePage: boolean;
  /** `LoadedForWrite.history`: when given, the write leaves a revision record. */
  history?: HistoryBase;
}

/**
 * Checks both sizes before anything is written, then writes in one parallel round. With `history`,
 * it sets `next.historyHead` (in place, so the caller's answer shows what was stored) to the head
 * page this write leaves.
 */
export async function commitWrite(deps: ResolverDeps, call: CallContext, { next, index, linkReleasePage, history }: HandoffWrite): Promise<void> {
  const pages = history ? appendRecord(history.head, next.versionId, revisionRecord(history.previous, next)) : null;
  if (pages) next.historyHead = pages.head.page;
  assertHandoffFits(next);
  const nextIndex = index ? withHandoff(index, next) : null;
  const { project } = call;
  await Promise.all([
    deps.jira.putProjectProperty(project.key, handoffPropertyKey(next.versionId), next),
    pages ? putHistory(deps, project, next.versionId, pages.head, historyHeadKey(next.versionId)) : Promise.resolve(),
    pages?.archive ? putHistory(deps, project, next.versionId, pages.archive, historyArchiveKey(next.versionId, pages.archive.page)) : Promise.resolve(),
    nextIndex ? putIndex(deps, project, nextIndex) : Promise.resolve(),
    linkReleasePage ? linkVersionToHandoff(deps, call, next.versionId) : Promise.resolve(),
  ]);
}

/** History is a record of the saves: failing to write it must not fail the save the person made. */
async function putHistory(deps: ResolverDeps, project: ProjectInfo, versionId: string, page: HistoryPage, key: string): Promise<void> {
  try {
    await deps.jira.putProjectProperty(project.key, key, page);
  } catch (error) {
    deps.log.error(`Could not write the revision history of version ${versionId} (${key})`, error);
  }
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
