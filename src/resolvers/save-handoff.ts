import type { z } from 'zod';
import type { HandoffView, SaveHandoffPayloadSchema } from '../contract';
import { missingForReady, statusAfterEdit } from '../domain/readiness';
import { applyContent, assertBaseRevision, NO_HANDOFF_REVISION } from '../domain/revision';
import { refreshGateEntry } from './gate-context';
import { commitWrite, loadForWrite } from './handoff-writes';
import type { Action } from './run';
import { handoffView } from './views';

/**
 * Saves the content on top of `baseRevision`. Only a first save (baseRevision 0), or an edit that takes a
 * ready handoff back to draft, changes what the overview and the gate show; content that could not be
 * marked ready is the only kind that can do the latter, so only then is the index read.
 */
export const saveHandoff: Action<z.output<typeof SaveHandoffPayloadSchema>, HandoffView> = async (payload, call, deps) => {
  const firstSave = payload.baseRevision === NO_HANDOFF_REVISION;
  const mayDemote = missingForReady(payload.content).length > 0;
  // A first save links the release page to the handoff, so the site's address is read in round 1.
  const loaded = await loadForWrite(deps, call, payload.versionId, { withIndex: firstSave || mayDemote, withGate: true, withSiteUrl: firstSave });
  assertBaseRevision(payload.baseRevision, loaded.stored, payload.content);
  const next = applyContent(loaded.stored, { versionId: payload.versionId, projectId: loaded.project.id }, payload.content, loaded.me, deps.now());
  const { notice } = statusAfterEdit(loaded.stored, payload.content);
  await Promise.all([
    commitWrite(deps, call, { project: loaded.project, next, index: firstSave || notice ? loaded.index : null, linkReleasePage: firstSave, history: loaded.history }),
    notice ? refreshGateEntry(deps, loaded.project.key, loaded.version, loaded.gate, next, deps.now()) : Promise.resolve(),
  ]);
  const view = handoffView({ project: loaded.project, version: loaded.version, permissions: loaded.permissions, handoff: next, lateness: deps.lateness, gate: loaded.gate, now: deps.now() });
  return notice ? { ...view, notice } : view;
};
