/**
 * Filing a brief gap as a Jira task exactly once per question. Before the task is created, a
 * reservation for the question is committed in the record store with compare-and-set (only if none
 * exists); the task's key is recorded on it as soon as Jira answers. So a double click finds the
 * reservation taken (and is told the task is being filed, or gets its key), and a retry after a save
 * that failed once the task existed reuses the recorded key: no second task. The key stored on the
 * settlement is always Jira's answer (or this record of it), never anything the UI sent.
 *
 * Jira's create is not idempotent, and its answer can be lost (a 5xx or a dropped connection after the
 * task was made, or the function ending before the key is recorded). So the reservation carries a
 * token, kept across takeovers, and the task carries it as a label: while a reservation has no key,
 * every later attempt first searches Jira (JQL on that label) and records the task it finds. Only when
 * the search finds nothing and the reservation is older than RESERVATION_STALE_MS is a task created
 * again. Jira's search index can lag a create by seconds; the stale time is far longer than that.
 */
import { randomUUID } from 'node:crypto';
import { briefGapFilingJql } from '#domain/chain-label';
import { appError } from '#domain/errors';
import { CommitRefused, ENTITIES, versionKey, type RecordRef } from '#store/port';
import type { ResolverDeps } from '../core/deps';
import type { Target } from '../core/handoff-store';

/** How long a reservation without a key blocks filing again (a create in flight, or one that died). */
export const RESERVATION_STALE_MS = 10 * 60 * 1000;
const RECORD_ATTEMPTS = 4;

export interface Reservation {
  schemaVersion: 1;
  projectId: string;
  versionId: string;
  questionId: string;
  revision: number;
  /** Empty until Jira answered the create. */
  issueKey: string;
  reservedAt: string;
  /** On the task as its filing label (chain-label.ts); absent on reservations from before tokens. */
  token?: string;
}

const refOf = (t: Target, questionId: string): RecordRef => ({ entity: ENTITIES.briefGap, key: `${versionKey(t.projectId, t.versionId)}:${questionId}` });

async function readReservation(deps: ResolverDeps, ref: RecordRef): Promise<Reservation | null> {
  const [value] = await deps.store.getMany([ref]);
  return (value as Reservation | undefined) ?? null;
}

const beingFiled = () => appError('CONFLICT', 'This brief gap is being filed as a Jira task right now (another click or another person). Reload in a moment to see its task.');

const newToken = (): string => randomUUID().replace(/-/g, '').slice(0, 12);

/** The task an earlier attempt created under this token, if Jira's search shows one (the oldest). */
async function alreadyFiled(deps: ResolverDeps, t: Target, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const [key] = await deps.jira.findIssueKeys(briefGapFilingJql(t.projectKey, token), 1);
  return key ?? null;
}

/**
 * The question's task key: the one already filed for it, or one `create` files now (at most once; it
 * must put `filingToken`'s label on the task).
 */
export async function fileOnce(deps: ResolverDeps, t: Target, questionId: string, create: (filingToken: string) => Promise<string>): Promise<string> {
  const ref = refOf(t, questionId);
  const current = await readReservation(deps, ref);
  if (current?.issueKey) return current.issueKey;
  if (current) {
    // A reservation without a key: a create in flight, or one whose answer was lost. Jira may know.
    const found = await alreadyFiled(deps, t, current.token);
    if (found) {
      await recordKey(deps, ref, { ...current, revision: current.revision + 1, issueKey: found }, current.revision);
      return found;
    }
    if (deps.now().getTime() - Date.parse(current.reservedAt) < RESERVATION_STALE_MS) throw beingFiled();
  }
  const reserved: Reservation = {
    schemaVersion: 1,
    projectId: t.projectId,
    versionId: t.versionId,
    questionId,
    revision: (current?.revision ?? 0) + 1,
    issueKey: '',
    reservedAt: deps.now().toISOString(),
    // Kept across takeovers, so a later search finds a task from any earlier attempt.
    token: current?.token ?? newToken(),
  };
  try {
    await deps.store.commit([{ ...ref, value: reserved as unknown as Reservation & Record<string, unknown>, ifRevision: current?.revision ?? 0 }]);
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    const winner = await readReservation(deps, ref);
    if (winner?.issueKey) return winner.issueKey;
    throw beingFiled();
  }
  const issueKey = await create(reserved.token as string);
  await recordKey(deps, ref, { ...reserved, revision: reserved.revision + 1, issueKey }, reserved.revision);
  return issueKey;
}

/** The key goes on the reservation before anything else can fail; storage hiccups are retried. */
async function recordKey(deps: ResolverDeps, ref: RecordRef, next: Reservation, ifRevision: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await deps.store.commit([{ ...ref, value: next as unknown as Reservation & Record<string, unknown>, ifRevision }]);
      return;
    } catch (error) {
      if (error instanceof CommitRefused || attempt + 1 >= RECORD_ATTEMPTS) {
        deps.log.error(`Brief gap ${next.questionId} of version ${next.versionId} was filed as ${next.issueKey}, but the key could not be recorded on its reservation`, error);
        return;
      }
      await deps.storeBackoff(attempt);
    }
  }
}
