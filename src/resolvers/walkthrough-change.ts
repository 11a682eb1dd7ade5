/**
 * The shape every living-handoff change shares (walkthrough, settlement, promotion, rollout): the
 * two rounds of handoff-writes.ts on an existing handoff, on top of the revision the person started
 * from, leaving a revision record. Round 1: permissions, handoff, version, who they are, history head,
 * gate context (and the overview index when the change shows there); round 2: the writes, in parallel.
 */
import type { HandoffView, ProjectInfo } from '../contract';
import { appError } from '../domain/errors';
import type { PersonRef, StoredHandoff } from '../domain/handoff';
import type { JiraVersion } from '../jira';
import { assertBaseRevision } from '../domain/revision';
import { settledValue, type Access } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import { refreshGateEntry } from './gate-context';
import { commitWrite, loadForWrite } from './handoff-writes';
import { handoffView } from './views';

export interface Change<P = undefined> {
  versionId: string;
  baseRevision: number;
  access: Access;
  /** The overview shows walkthrough counts, so walkthrough changes rewrite the index too. */
  withIndex: boolean;
  what: string;
  /**
   * A read the change needs from Jira besides the handoff's own (the walkthrough's attendees): run in
   * round 1, beside `loadForWrite`, so it adds no round. Its failure counts only after the permission check.
   */
  prefetch?: () => Promise<P>;
  /**
   * The next handoff. May first act in Jira (filing a brief gap creates its task, as the person): that
   * runs after the permission and revision checks, before the write, so a refused change creates nothing.
   */
  apply: (stored: StoredHandoff, me: PersonRef, now: Date, prefetched: P, version: JiraVersion, project: ProjectInfo) => StoredHandoff | Promise<StoredHandoff>;
  /** The change builds a link (a filed task links back to the handoff): read the site's address in round 1. */
  withSiteUrl?: boolean;
}

/** Never rejects, so a prefetch failure cannot pre-empt loadForWrite's permission refusal. */
const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );

export async function changeHandoff<P = undefined>(deps: ResolverDeps, call: CallContext, change: Change<P>): Promise<HandoffView> {
  const [loaded, prefetched] = await Promise.all([
    loadForWrite(deps, call, change.versionId, { withIndex: change.withIndex, withGate: true, access: change.access, withSiteUrl: change.withSiteUrl === true }),
    settle(change.prefetch ? change.prefetch() : Promise.resolve(undefined as P)),
  ]);
  const { stored } = loaded;
  if (!stored) throw appError('NOT_FOUND', `Version ${change.versionId} has no handoff yet: the PO saves one before ${change.what}.`);
  // The change carries no handoff text of its own, so the conflict's "yours" is the text the caller last saw.
  assertBaseRevision(change.baseRevision, stored, stored.content);
  const now = deps.now();
  const next = await change.apply(stored, loaded.me, now, settledValue(prefetched), loaded.version, loaded.project);
  // The walkthrough gate reads the walkthrough: its gate-index entry is refreshed in the same write round.
  await Promise.all([
    commitWrite(deps, call, { project: loaded.project, next, index: loaded.index, linkReleasePage: false, history: loaded.history }),
    refreshGateEntry(deps, loaded.project.key, loaded.version, loaded.gate, next, now),
  ]);
  return handoffView({ project: loaded.project, version: loaded.version, permissions: loaded.permissions, handoff: next, lateness: deps.lateness, gate: loaded.gate, now });
}
