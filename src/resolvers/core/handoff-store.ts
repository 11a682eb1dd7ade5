/**
 * Loading and committing a handoff's records (domain/records.ts) in the app's record store, the source
 * of truth, and publishing each committed record to its Jira project property.
 *
 * A change runs in three rounds. Round 1 (parallel): the person's permissions, the version, who they
 * are, the handoff's records (one storage call) and the gate context. Round 2: one storage transaction
 * that writes the changed records, each only if it still has the revision round 1 read (compare-and-set),
 * plus the content's history record for the new revision (only if none exists), all or nothing. Round 3
 * (parallel, as the app): each committed record published whole to its property, and whatever else the
 * action links or refreshes.
 *
 * When the transaction is refused (someone committed first) or fails without an answer (429, 5xx, lost
 * connection), the records are read again (one more round, only then): a commit whose answer was lost
 * but which is stored counts as saved; otherwise the change is planned again on what is now stored —
 * a content save merges by section (domain/merge.ts), any change that started from an older revision of
 * its own record is a conflict — and committed again, a bounded number of times.
 *
 * Publishing (round 3, and repairing a property that fell behind) is publish.ts.
 */
import { randomUUID } from 'node:crypto';
import { appError } from '#domain/errors';
import { recordChangeRecord, revisionRecord, type HistoryRecord } from '#domain/history/history';
import type { PersonRef, StoredHandoff } from '#domain/handoff';
import {
  ContentRecordSchema,
  RolloutRecordSchema,
  WalkthroughRecordSchema,
  assertRecordFits,
  composeHandoff,
  importLegacy,
  type ContentRecord,
  type HandoffRecords,
  type RecordKind,
  type RolloutRecord,
  type WalkthroughRecord,
} from '#domain/records';
import { handoffPropertyKey } from '#domain/property-keys';
import { stampOf } from '#domain/calendar';
import { CommitRefused, ENTITIES, historyKey, versionKey, type RecordPut, type RecordRef } from '#store/port';
import { transientStoreError } from '#store/retry';
import type { ResolverDeps } from './deps';

export const KINDS: readonly RecordKind[] = ['content', 'walkthrough', 'rollout'];
const SCHEMAS = { content: ContentRecordSchema, walkthrough: WalkthroughRecordSchema, rollout: RolloutRecordSchema } as const;

/** Commits tried per change before answering "busy": each retry follows a refusal or a failure. */
export const COMMIT_ATTEMPTS = 6;
/** History records kept per handoff and record kind: the commit that writes revision n deletes revision n − HISTORY_KEPT. */
export const HISTORY_KEPT = 500;

export interface HistoryEntry {
  schemaVersion: 1;
  projectId: string;
  versionId: string;
  revision: number;
  writeId: string;
  /** Absent: a content revision (the ones that can be compared); else the walkthrough's or rollout's own revision. */
  kind?: 'walkthrough' | 'rollout';
  /** When the change was planned, to the millisecond (the records' own stamps are to the second): orders the kinds' changes. */
  committedAt?: string;
  record: HistoryRecord;
}

export interface Target {
  projectId: string;
  projectKey: string;
  versionId: string;
}

const refOf = (kind: RecordKind, t: Target) => ({ entity: ENTITIES[kind], key: versionKey(t.projectId, t.versionId) });

function parseRecord<K extends RecordKind>(kind: K, value: unknown, t: Target, deps: Pick<ResolverDeps, 'log'>): HandoffRecords[K] {
  if (value === undefined || value === null) return null;
  const parsed = SCHEMAS[kind].safeParse(value);
  if (parsed.success) return parsed.data as HandoffRecords[K];
  deps.log.error(`Stored ${kind} record of version ${t.versionId} does not match the schema`, parsed.error.issues.slice(0, 5));
  throw appError('INTERNAL', `The stored ${kind} of version ${t.versionId} could not be read.`);
}

/**
 * One storage call: the three records (and, when asked, the content's history record at `historyAt`),
 * and whatever else the caller needs from storage in the same round (`also`, answered in order).
 */
export async function readRecords(
  deps: ResolverDeps,
  t: Target,
  historyAt?: number,
  also: readonly RecordRef[] = [],
): Promise<{ records: HandoffRecords; history: HistoryEntry | null; also: unknown[] }> {
  const refs: RecordRef[] = [...KINDS.map((k) => refOf(k, t)), ...also];
  if (historyAt !== undefined) refs.push({ entity: ENTITIES.history, key: historyKey(t.projectId, t.versionId, historyAt) });
  const values = await deps.store.getMany(refs);
  const [content, walkthrough, rollout] = values;
  const history = historyAt === undefined ? undefined : values[refs.length - 1];
  return {
    records: { content: parseRecord('content', content, t, deps), walkthrough: parseRecord('walkthrough', walkthrough, t, deps), rollout: parseRecord('rollout', rollout, t, deps) },
    history: (history as HistoryEntry | undefined) ?? null,
    also: values.slice(KINDS.length, KINDS.length + also.length),
  };
}

/**
 * The records, importing a handoff that so far exists only as its property (stored before records
 * existed) on first access: one property read, then one transaction that creates the records only if
 * nobody created them meanwhile (if someone did, theirs are read).
 */
export async function loadRecords(deps: ResolverDeps, t: Target, read: HandoffRecords, /** The content property, when already read. */ published?: unknown): Promise<HandoffRecords> {
  if (read.content !== null) return read;
  const value = published === undefined ? await deps.jira.getProjectPropertyAs(t.projectKey, handoffPropertyKey(t.versionId), 'app') : published;
  const legacy = importLegacy(value, t.projectId, t.versionId);
  if (!legacy?.content) return read;
  const puts: RecordPut[] = KINDS.flatMap((k) => {
    const record = legacy[k];
    return record ? [{ ...refOf(k, t), value: record, ifRevision: read[k]?.revision ?? 0 }] : [];
  });
  try {
    await deps.store.commit(puts);
    return legacy;
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    return (await readRecords(deps, t)).records;
  }
}

/** What a change commits: the records it changes (each the next revision of what it was planned on). */
export interface Planned {
  content?: ContentRecord;
  walkthrough?: WalkthroughRecord;
  rollout?: RolloutRecord;
}

/**
 * Plans the change on the records as they are now. Throws to refuse (CONFLICT, NOT_FOUND, bad input):
 * nothing is written then. `writeId` is this attempt's, for the records' `writeId`.
 */
export type Plan = (current: HandoffRecords, stamp: { writeId: string; at: string; by: PersonRef }) => Planned | Promise<Planned>;

export interface Committed {
  records: HandoffRecords;
  changed: RecordKind[];
  /** The handoff as committed (what the answer shows). */
  handoff: StoredHandoff | null;
}

function historyPut(t: Target, before: ContentRecord | null, after: ContentRecord, committedAt: string): RecordPut {
  const record = revisionRecord(composeHandoff({ content: before, walkthrough: null, rollout: null }), composeHandoff({ content: after, walkthrough: null, rollout: null }) as StoredHandoff);
  const entry: HistoryEntry = { schemaVersion: 1, projectId: t.projectId, versionId: t.versionId, revision: after.revision, writeId: after.writeId, committedAt, record };
  return { entity: ENTITIES.history, key: historyKey(t.projectId, t.versionId, after.revision), value: entry as unknown as RecordPut['value'], ifRevision: 0 };
}

/** A walkthrough or rollout change's history record, written with the change (only if none exists). */
function changePut(t: Target, kind: 'walkthrough' | 'rollout', after: WalkthroughRecord | RolloutRecord, committedAt: string): RecordPut {
  const entry: HistoryEntry = {
    schemaVersion: 1,
    projectId: t.projectId,
    versionId: t.versionId,
    revision: after.revision,
    writeId: after.writeId,
    kind,
    committedAt,
    record: recordChangeRecord(kind, after),
  };
  return { entity: ENTITIES.history, key: historyKey(t.projectId, t.versionId, after.revision, kind), value: entry as unknown as RecordPut['value'], ifRevision: 0 };
}

/** The history records a commit of revision n of `kind` deletes: n − HISTORY_KEPT of the same kind. */
function expiredHistory(t: Target, planned: Planned): RecordRef[] {
  return KINDS.flatMap((k) => {
    const revision = planned[k]?.revision ?? 0;
    return revision > HISTORY_KEPT ? [{ entity: ENTITIES.history, key: historyKey(t.projectId, t.versionId, revision - HISTORY_KEPT, k === 'content' ? undefined : k) }] : [];
  });
}

/** Whether this attempt's commit is what is stored (its answer may have been lost on the way back). */
function isStored(planned: Planned, now: HandoffRecords, history: HistoryEntry | null): boolean {
  return KINDS.every((k) => {
    const mine = planned[k];
    if (!mine) return true;
    if (now[k]?.writeId === mine.writeId) return true;
    // Someone may already have committed on top of it: the content's history record at its revision says.
    return k === 'content' && history?.writeId === mine.writeId;
  });
}

export async function commitChange(
  deps: ResolverDeps,
  t: Target,
  first: HandoffRecords,
  by: PersonRef,
  plan: Plan,
  /** Unconditional puts that ride along with a commit (e.g. the person's kept name); never a reason to refuse. */
  alongside: readonly RecordPut[] = [],
): Promise<Committed> {
  let current = first;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt += 1) {
    const now = deps.now();
    const stamp = { writeId: randomUUID(), at: stampOf(now), by };
    const planned = await plan(current, stamp);
    const changed = KINDS.filter((k) => planned[k] !== undefined);
    if (changed.length === 0) return { records: current, changed, handoff: composeHandoff(current) };
    for (const k of changed) assertRecordFits(k, planned[k] as ContentRecord);
    const puts: RecordPut[] = changed.map((k) => ({ ...refOf(k, t), value: planned[k] as unknown as RecordPut['value'], ifRevision: current[k]?.revision ?? 0 }));
    if (planned.content) puts.push(historyPut(t, current.content, planned.content, now.toISOString()));
    if (planned.walkthrough) puts.push(changePut(t, 'walkthrough', planned.walkthrough, now.toISOString()));
    if (planned.rollout) puts.push(changePut(t, 'rollout', planned.rollout, now.toISOString()));
    puts.push(...alongside);
    const expired = expiredHistory(t, planned);
    try {
      await deps.store.commit(puts, expired);
      const records = { ...current, ...planned };
      return { records, changed, handoff: composeHandoff(records) };
    } catch (error) {
      if (!(error instanceof CommitRefused) && !transientStoreError(error)) throw error;
      lastError = error;
      const again = await readRecords(deps, t, planned.content?.revision);
      if (!(error instanceof CommitRefused) && isStored(planned, again.records, again.history)) {
        const records = { ...again.records, ...planned };
        return { records, changed, handoff: composeHandoff(records) };
      }
      if (first.content !== null && again.records.content === null) {
        throw appError('NOT_FOUND', 'This handoff was removed while you were saving it. Your changes are still in the editor: reload the page to start again.');
      }
      current = again.records;
      if (!(error instanceof CommitRefused)) await deps.storeBackoff(attempt);
    }
  }
  deps.log.warn(`Version ${t.versionId}: no commit after ${COMMIT_ATTEMPTS} attempts`, lastError);
  throw appError('JIRA_UNAVAILABLE', 'CS Handoff storage is busy and your change was not saved. Your changes are kept: try again in a moment.');
}

/**
 * The handoff as committed, from records read (readRecords) beside the access check: a handoff stored
 * before records existed is imported only now, so call it after requireAccess. An import is a write,
 * and nothing may be written for someone the check refuses.
 */
export async function handoffFrom(deps: ResolverDeps, t: Target, read: PromiseSettledResult<{ records: HandoffRecords }>): Promise<StoredHandoff | null> {
  if (read.status === 'rejected') throw read.reason;
  return composeHandoff(await loadRecords(deps, t, read.value.records));
}
