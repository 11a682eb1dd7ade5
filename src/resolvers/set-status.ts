import type { z } from 'zod';
import type { HandoffView, SetStatusPayloadSchema } from '../contract';
import { appError } from '../domain/errors';
import { applyStatus, assertBaseRevision } from '../domain/revision';
import { refreshGateEntry } from './gate-context';
import { commitWrite, loadForWrite } from './handoff-writes';
import type { Action } from './run';
import { handoffView } from './views';

/**
 * Marks a handoff ready (only when complete) or back to draft. Both change the overview and the gate, so
 * round 2 also writes the handoff index and the version's gate-index entry (same parallel round).
 */
export const setStatus: Action<z.output<typeof SetStatusPayloadSchema>, HandoffView> = async (payload, call, deps) => {
  const loaded = await loadForWrite(deps, call, payload.versionId, { withIndex: true, withGate: true });
  const { stored, version } = loaded;
  if (!stored) {
    throw appError('NOT_FOUND', `Version ${payload.versionId} has no handoff yet: save one before changing its status.`);
  }
  // A status change carries no text of its own, so the conflict's "yours" is the text the caller last saw.
  assertBaseRevision(payload.baseRevision, stored, stored.content);
  const now = deps.now();
  const view = (handoff: typeof stored) =>
    handoffView({ project: loaded.project, version, permissions: loaded.permissions, handoff, lateness: deps.lateness, gate: loaded.gate, now });
  // Marking ready twice must not move readyAt (lateness is measured from it), so nothing is written.
  if (stored.status === payload.status) return view(stored);
  const next = applyStatus(stored, payload.status, loaded.me, now);
  await Promise.all([
    commitWrite(deps, call, { project: loaded.project, next, index: loaded.index, linkReleasePage: false, history: loaded.history }),
    refreshGateEntry(deps, loaded.project.key, version, loaded.gate, next, now),
  ]);
  return view(next);
};
