/**
 * The shape every living-handoff change shares (walkthrough, settlement, promotion, rollout): the
 * two rounds of handoff-writes.ts on an existing handoff, on top of the revision the person started
 * from, leaving a revision record. Round 1: permissions, handoff, version, who they are, history head,
 * gate context (and the overview index when the change shows there); round 2: the writes, in parallel.
 */
import type { HandoffView } from '../contract';
import { appError } from '../domain/errors';
import type { PersonRef, StoredHandoff } from '../domain/handoff';
import { assertBaseRevision } from '../domain/revision';
import type { Access } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import { refreshGateEntry } from './gate-context';
import { commitWrite, loadForWrite } from './handoff-writes';
import { handoffView } from './views';

export interface Change {
  versionId: string;
  baseRevision: number;
  access: Access;
  /** The overview shows walkthrough counts, so walkthrough changes rewrite the index too. */
  withIndex: boolean;
  what: string;
  apply: (stored: StoredHandoff, me: PersonRef, now: Date) => StoredHandoff;
}

export async function changeHandoff(deps: ResolverDeps, call: CallContext, change: Change): Promise<HandoffView> {
  const loaded = await loadForWrite(deps, call, change.versionId, { withIndex: change.withIndex, withGate: true, access: change.access });
  const { stored } = loaded;
  if (!stored) throw appError('NOT_FOUND', `Version ${change.versionId} has no handoff yet: the PO saves one before ${change.what}.`);
  // The change carries no handoff text of its own, so the conflict's "yours" is the text the caller last saw.
  assertBaseRevision(change.baseRevision, stored, stored.content);
  const now = deps.now();
  const next = change.apply(stored, loaded.me, now);
  // The walkthrough gate reads the walkthrough: its gate-index entry is refreshed in the same write round.
  await Promise.all([
    commitWrite(deps, call, { next, index: loaded.index, linkReleasePage: false, history: loaded.history }),
    refreshGateEntry(deps, call.project.key, loaded.version, loaded.gate, next, now),
  ]);
  return handoffView({ project: call.project, version: loaded.version, permissions: loaded.permissions, handoff: next, lateness: deps.lateness, gate: loaded.gate, now });
}
