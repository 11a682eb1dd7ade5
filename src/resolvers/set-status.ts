import type { z } from 'zod';
import type { HandoffView, SetStatusPayloadSchema } from '../contract';
import { appError } from '../domain/errors';
import { applyStatus, assertBaseRevision } from '../domain/revision';
import { commitWrite, loadForWrite } from './handoff-writes';
import type { Action } from './run';
import { handoffView } from './views';

/** Marks a handoff ready (only when complete) or back to draft; both change the overview, so the index too. */
export const setStatus: Action<z.output<typeof SetStatusPayloadSchema>, HandoffView> = async (payload, call, deps) => {
  const loaded = await loadForWrite(deps, call, payload.versionId, { withIndex: true });
  const { stored } = loaded;
  if (!stored) {
    throw appError('NOT_FOUND', `Version ${payload.versionId} has no handoff yet: save one before changing its status.`);
  }
  // A status change carries no text of its own, so the conflict's "yours" is the text the caller last saw.
  assertBaseRevision(payload.baseRevision, stored, stored.content);
  const view = (handoff: typeof stored) =>
    handoffView({ project: call.project, version: loaded.version, permissions: loaded.permissions, handoff, lateness: deps.lateness });
  // Marking ready twice must not move readyAt (lateness is measured from it), so nothing is written.
  if (stored.status === payload.status) return view(stored);
  const next = applyStatus(stored, payload.status, loaded.me, deps.now());
  await commitWrite(deps, call, { next, index: loaded.index, linkReleasePage: false });
  return view(next);
};
