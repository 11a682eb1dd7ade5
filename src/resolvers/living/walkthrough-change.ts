/**
 * The shape every living-handoff change shares (walkthrough, settlement, promotion, brief gap, rollout):
 * on an existing handoff, on top of the revision of ITS OWN record the person started from (the
 * walkthrough's or the rollout's, never the content's, so a content edit never makes it a conflict).
 * Round 1: permissions, version, who they are, the records, the gate context (core/handoff-writes.ts);
 * round 2: the compare-and-set commit; round 3: publishing and the gate-index entry, in parallel.
 */
import type { HandoffView, ProjectInfo } from '#contract';
import { appError } from '#domain/errors';
import type { PersonRef, StoredHandoff } from '#domain/handoff';
import { composeHandoff, nextStamp, type HandoffRecords, type RecordKind } from '#domain/records';
import type { JiraVersion } from '#jira';
import { settledValue, type Access } from '../core/access';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { commitChange, type Planned, type Target } from '../core/handoff-store';
import { loadForChange, publishAndView } from '../core/handoff-writes';

export interface Change<P = undefined, R = undefined> {
  versionId: string;
  /** Which record `baseRevision` is a revision of. */
  record: Exclude<RecordKind, 'content'>;
  baseRevision: number;
  access: Access;
  what: string;
  /**
   * A read the change needs from Jira besides the handoff's own (the walkthrough's attendees): run in
   * round 1, beside the records, so it adds no round. Its failure counts only after the permission check.
   */
  prefetch?: () => Promise<P>;
  /**
   * Acts in Jira once, before the commit (filing a brief gap creates its task, as the person): after the
   * permission and revision checks, so a refused change creates nothing, and outside the commit's retries.
   */
  prepare?: (stored: StoredHandoff, prefetched: P, version: JiraVersion, project: ProjectInfo) => Promise<R>;
  /** The change builds a link (a brief gap's task links the handoff): the site's address is read in round 1. */
  withSiteUrl?: boolean;
  /** The next handoff, from the domain's rules; only the records whose part changed are committed. */
  apply: (stored: StoredHandoff, me: PersonRef, now: Date, prefetched: P, prepared: R) => StoredHandoff;
}

/** Never rejects, so a prefetch failure cannot pre-empt the permission refusal. */
const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function checked(change: { record: Exclude<RecordKind, 'content'>; baseRevision: number; versionId: string; what: string }, current: HandoffRecords): StoredHandoff {
  const stored = composeHandoff(current);
  if (!stored) throw appError('NOT_FOUND', `Version ${change.versionId} has no handoff yet: the PO saves one before ${change.what}.`);
  const revision = current[change.record]?.revision ?? 0;
  if (revision !== change.baseRevision) {
    const by = current[change.record]?.updatedBy.displayName || 'Someone';
    throw appError('CONFLICT', `${by} changed the ${change.record} (revision ${revision}) after you opened revision ${change.baseRevision}. Reload to see their change, then try again.`, {
      conflict: { theirs: stored, yours: stored.content },
    });
  }
  return stored;
}

/** The records whose part of the handoff `next` changes, each as its next revision. */
export function plannedRecords(current: HandoffRecords, next: StoredHandoff, t: Target, stamp: { writeId: string; at: string; by: PersonRef }): Planned {
  const planned: Planned = {};
  const s = (previous: { revision: number } | null) => nextStamp(previous, t, stamp.by, stamp.at, stamp.writeId);
  if (current.content && !same(current.content.content, next.content)) planned.content = { ...current.content, ...s(current.content), content: next.content };
  if (next.walkthrough && !same(current.walkthrough?.walkthrough, next.walkthrough)) planned.walkthrough = { ...s(current.walkthrough), walkthrough: next.walkthrough };
  if (next.rollout && !same(current.rollout?.rollout, next.rollout)) planned.rollout = { ...s(current.rollout), rollout: next.rollout };
  return planned;
}

export async function changeHandoff<P = undefined, R = undefined>(deps: ResolverDeps, call: CallContext, change: Change<P, R>): Promise<HandoffView> {
  const [loaded, prefetched] = await Promise.all([
    loadForChange(deps, call, change.versionId, change.access, change.withSiteUrl === true),
    settle(change.prefetch ? change.prefetch() : Promise.resolve(undefined as P)),
  ]);
  const { target, version } = loaded;
  const first = checked(change, loaded.records);
  const fetched = settledValue(prefetched);
  const prepared = change.prepare ? await change.prepare(first, fetched, version, loaded.project) : (undefined as R);
  const now = deps.now();
  const committed = await commitChange(
    deps,
    target,
    loaded.records,
    loaded.me,
    (current, stamp) => plannedRecords(current, change.apply(checked(change, current), stamp.by, now, fetched, prepared), target, stamp),
    loaded.alongside,
  );
  // The walkthrough gate reads the walkthrough: its gate-index entry is refreshed in the publish round.
  return publishAndView(deps, loaded, committed, now);
}
