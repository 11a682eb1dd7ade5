/**
 * The three rounds every change to a handoff makes.
 *
 * Round 1 (parallel, as the person): permissions, the project (checked against the page's claim), the
 * stored handoff, the version, who they are, and, when the overview index will change, the index (and,
 * when the write builds a link, the site's address, as the app). Round 2 (parallel, as the app): the handoff,
 * the index when it changed, and the release-page link on a first save. Round 3 (as the app): the
 * handoff read back, to verify that this write is the one Jira kept (and the history head beside it).
 *
 * Jira project properties have no compare-and-set. The revision check in round 1 catches every
 * save that started from an older revision; two saves whose round 1 both finish before either
 * round 2 starts both pass it, and round 3 tells the one whose PUT was overwritten (CONFLICT, with its
 * text). What still slips through is described at `commitWrite`. The index has
 * the same window across versions: two status changes on different versions at the same moment can
 * drop one index entry until that version's next status change; the handoff itself stays correct.
 *
 * Revision history (domain/history): round 1 also reads the history's head page (a fixed key, so it
 * needs nothing from the handoff and adds no round), and round 2 writes the new head page, plus the
 * old head to its archive slot when it was full, in parallel with the handoff. History has the same
 * one-round-trip window, and a failed history write is logged without failing the save.
 */
import { randomUUID } from 'node:crypto';
import type { ProjectInfo } from '../contract';
import { appError } from '../domain/errors';
import { parseIndex, withHandoff, type HandoffIndex } from '../domain/handoff-index';
import { ACCEPTED_WRITES_KEPT, type PersonRef, type StoredHandoff } from '../domain/handoff';
import { handoffPropertyKey, INDEX_PROPERTY_KEY } from '../domain/property-keys';
import { assertHandoffFits } from '../domain/storage-size';
import { appendRecord, historyArchiveKey, historyHeadKey, parseHistoryPage, revisionRecord, type HistoryPage, type HistoryRecord } from '../domain/history/history';
import type { Access } from './access';
import type { JiraVersion, PermissionSet } from '../jira';
import { PROJECT_PERMISSIONS } from '../jira/permissions';
import { readAccess, requireAccess, settledValue } from './access';
import type { CallContext } from './call-context';
import { readGateContext, type GateContext } from './gate-context';
import type { ResolverDeps } from './deps';
import { parseStoredHandoff, versionInProject } from './views';

export interface LoadedForWrite {
  permissions: PermissionSet;
  /** The project as Jira answered the person: every write goes here, never to what the browser named. */
  project: ProjectInfo;
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
  call: CallContext,
  versionId: string,
  options: {
    withIndex: boolean;
    withGate?: boolean;
    /** 'edit' unless said otherwise; the walkthrough is recorded by readers. */
    access?: Access;
    /** The write will build a link: the site's address is read in this round, not the next. */
    withSiteUrl?: boolean;
  },
): Promise<LoadedForWrite> {
  const { jira } = deps;
  const claimed = call.project;
  if (options.withSiteUrl) void call.siteUrl();
  const [access, property, version, me, index, gate, historyHead] = await Promise.allSettled([
    readAccess(deps, claimed, options.access === 'create' ? [...PROJECT_PERMISSIONS, 'CREATE_ISSUES'] : PROJECT_PERMISSIONS),
    jira.getProjectProperty(claimed.key, handoffPropertyKey(versionId)),
    // Needed even when a handoff exists: the answer shows the version's state, which depends on its
    // release date and released flag, and both can change in Jira at any time.
    jira.getVersion(versionId),
    jira.getMyself(),
    options.withIndex ? jira.getProjectProperty(claimed.key, INDEX_PROPERTY_KEY) : Promise.resolve(undefined),
    // The answer's state and gate use the project's lead time and the version's block/override (2 reads, same round).
    options.withGate ? readGateContext(deps, claimed.key, versionId) : Promise.resolve(null),
    jira.getProjectProperty(claimed.key, historyHeadKey(versionId)),
  ]);
  const { permissions, project } = requireAccess(access, options.access ?? 'edit', claimed);
  const stored = parseStoredHandoff(settledValue(property), versionId, deps.log);
  return {
    permissions,
    project,
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
  /** `LoadedForWrite.project`: the project Jira vouched for. */
  project: ProjectInfo;
  next: StoredHandoff;
  /** The index as read in round 1, when this write changes what the overview shows. */
  index: HandoffIndex | null;
  /** A first save also links the version's release page to the handoff. */
  linkReleasePage: boolean;
  /** `LoadedForWrite.history`: when given, the write leaves a revision record. */
  history?: HistoryBase;
}

/**
 * Checks both sizes before anything is written, stamps the write, writes in one parallel round, then
 * verifies (a third round). With `history`, it sets `next.historyHead` (in place, so the caller's answer
 * shows what was stored) to the head page this write leaves.
 *
 * Write-then-verify. Jira project properties have no compare-and-set, so every write stamps a fresh
 * random `writeId` on the handoff (and appends `{revision, writeId, by, at}` to its `acceptedWrites`
 * ring), and after the PUT round reads the handoff back as the app. The write stands when the stored
 * handoff is this write or descends from it (its ring holds this writeId: someone already saved on top
 * of it, having read it). Otherwise another save overwrote it, and the answer is CONFLICT with
 * `{ theirs: <what is stored>, yours: <the caller's content> }`: the person gets their text back and
 * never hears "saved" for a write that is gone. Of N saves racing from one base revision, exactly the
 * one whose PUT landed last is accepted; each of the others answers CONFLICT.
 *
 * What remains (no compare-and-set can close it from outside Jira): a lost update needs a later writer B
 * that started from the SAME base revision as writer A — B's round-1 read was served before A's PUT (or
 * B would get CONFLICT from the revision check) — and whose PUT is served after A's read-back. So A's
 * whole PUT-then-read (one round trip) has to fit inside B's gap between its round-1 read and its PUT
 * (also one round trip, plus the time B waits for the slowest of its other round-1 calls). That needs
 * B's round trip to be slower than A's by at least A's round trip: with equal latencies it does not
 * happen, with jittery ones it is rare; a retried PUT (429/503, Retry-After) widens B's gap to seconds.
 * When it happens both are told "saved", B's text is stored, A's is gone from the handoff, and since
 * B's history head was built without A's record, A's snapshot is normally gone from the history too
 * (A's entry is also absent from the ring, which B built from the revision it read).
 *
 * History: the head page read in round 1 goes out with this write's record in round 2. A concurrent
 * write that loses can land its head after the winner's; readers drop its record (writeId not in the
 * ring, `acceptedRecords`), and the winner, which reads the head back in round 3 as well, rewrites the
 * head when its own record is missing (a 4th round, only then).
 */
export async function commitWrite(deps: ResolverDeps, call: CallContext, { project, next, index, linkReleasePage, history }: HandoffWrite): Promise<void> {
  const writeId = randomUUID();
  next.writeId = writeId;
  next.acceptedWrites = [...(next.acceptedWrites ?? []).filter((w) => w.revision < next.revision), { revision: next.revision, writeId, by: next.updatedBy.accountId, at: next.updatedAt }].slice(
    -ACCEPTED_WRITES_KEPT,
  );
  const record = history ? revisionRecord(history.previous, next) : null;
  const pages = history && record ? appendRecord(history.head, next.versionId, record) : null;
  if (pages) next.historyHead = pages.head.page;
  assertHandoffFits(next);
  const nextIndex = index ? withHandoff(index, next) : null;
  const key = handoffPropertyKey(next.versionId);
  await Promise.all([
    deps.jira.putProjectProperty(project.key, key, next),
    pages ? putHistory(deps, project, next.versionId, pages.head, historyHeadKey(next.versionId)) : Promise.resolve(),
    pages?.archive ? putHistory(deps, project, next.versionId, pages.archive, historyArchiveKey(next.versionId, pages.archive.page)) : Promise.resolve(),
    nextIndex ? putIndex(deps, project, nextIndex) : Promise.resolve(),
    linkReleasePage ? linkVersionToHandoff(deps, call, project, next.versionId) : Promise.resolve(),
  ]);

  // Round 3: read back what Jira holds now (as the app, like the write), and the history head beside it.
  const [storedValue, headValue] = await Promise.all([
    deps.jira.getProjectPropertyAs(project.key, key, 'app'),
    pages ? deps.jira.getProjectPropertyAs(project.key, historyHeadKey(next.versionId), 'app').catch(() => null) : Promise.resolve(null),
  ]);
  const stored = parseStoredHandoff(storedValue, next.versionId, deps.log);
  if (stored === null) {
    throw appError('NOT_FOUND', 'This handoff was removed from Jira while you were saving it. Your changes are still in the editor: reload the page to start again.');
  }
  if (!descendsFrom(stored, writeId)) {
    throw appError(
      'CONFLICT',
      `${stored.updatedBy.displayName || 'Someone'} saved this handoff (revision ${stored.revision}) at the same moment as you, and their save landed last. ` +
        'Your changes are kept: compare them with theirs, then save again.',
      { conflict: { theirs: stored, yours: next.content } },
    );
  }
  if (pages && record && stored.writeId === writeId) await repairHistoryHead(deps, project, next.versionId, headValue, record);
}

/** The stored handoff is this write, or a later save made on top of it (its ring holds this write). */
function descendsFrom(stored: StoredHandoff, writeId: string): boolean {
  return stored.writeId === writeId || (stored.acceptedWrites ?? []).some((w) => w.writeId === writeId);
}

/** A losing concurrent write's head page landed after ours: put our record back (it is the accepted one). */
async function repairHistoryHead(deps: ResolverDeps, project: ProjectInfo, versionId: string, headValue: unknown, record: HistoryRecord): Promise<void> {
  const head = parseHistoryPage(headValue, versionId);
  if (head?.records.some((r) => r.revision === record.revision && r.writeId === record.writeId)) return;
  const pages = appendRecord(head, versionId, record);
  deps.log.warn(`Revision ${record.revision} of version ${versionId}: a concurrent save overwrote its history record; writing it again`);
  await Promise.all([
    putHistory(deps, project, versionId, pages.head, historyHeadKey(versionId)),
    pages.archive ? putHistory(deps, project, versionId, pages.archive, historyArchiveKey(versionId, pages.archive.page)) : Promise.resolve(),
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

/**
 * The handoff's page in Jira: the site's address from Jira (serverInfo) and the project's real type, as
 * Forge builds a project page's URL (/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}).
 */
export function handoffPageUrl(siteUrl: string, project: ProjectInfo, versionId: string, { appId, environmentId }: { appId: string; environmentId: string }): string {
  const type = encodeURIComponent(project.type);
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
