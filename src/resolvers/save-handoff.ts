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
  // A first save links the release page to the handoff, so the site's address is read in round 1.
  const loaded = await loadForWrite(deps, call, payload.versionId, { withIndex: firstSave, withGate: true, withSiteUrl: firstSave });
  assertBaseRevision(payload.baseRevision, loaded.stored, payload.content);
  const next = applyContent(loaded.stored, { versionId: payload.versionId, projectId: loaded.project.id }, payload.content, loaded.me, deps.now());
  await commitWrite(deps, call, { project: loaded.project, next, index: loaded.index, linkReleasePage: firstSave, history: loaded.history });
  return handoffView({ project: loaded.project, version: loaded.version, permissions: loaded.permissions, handoff: next, lateness: deps.lateness, gate: loaded.gate, now: deps.now() });
};
