import type { z } from 'zod';
import type { HandoffView, SaveHandoffPayloadSchema } from '../contract';
import { applyContent, assertBaseRevision, NO_HANDOFF_REVISION } from '../domain/revision';
import { commitWrite, loadForWrite } from './handoff-writes';
import type { Action } from './run';
import { handoffView } from './views';

/**
 * Saves the content on top of `baseRevision`. Only a first save (baseRevision 0) changes what the
 * overview shows, so only then is the index read and written and the release page linked.
 */
export const saveHandoff: Action<z.output<typeof SaveHandoffPayloadSchema>, HandoffView> = async (payload, call, deps) => {
  const firstSave = payload.baseRevision === NO_HANDOFF_REVISION;
  const loaded = await loadForWrite(deps, call, payload.versionId, { withIndex: firstSave, withGate: true });
  assertBaseRevision(payload.baseRevision, loaded.stored, payload.content);
  const next = applyContent(loaded.stored, { versionId: payload.versionId, projectId: call.project.id }, payload.content, loaded.me, deps.now());
  await commitWrite(deps, call, { next, index: loaded.index, linkReleasePage: firstSave , history: loaded.history });
  return handoffView({ project: call.project, version: loaded.version, permissions: loaded.permissions, handoff: next, lateness: deps.lateness, gate: loaded.gate, now: deps.now() });
};
