import { appError } from '#domain/errors';
import { type HandoffContent } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { CONTENT_SECTION_LABELS, mergeContent } from '#domain/merge';
import { statusAfterEdit } from '#domain/readiness';
import { composeHandoff, nextStamp, type HandoffRecords } from '#domain/records';
import { NO_HANDOFF_REVISION } from '#domain/revision';
import { ENTITIES, historyKey } from '#store/port';
import { commitChange, type HistoryEntry, type Target } from '../core/handoff-store';
import { linkOnFirstSave, loadForChange, publishAndView } from '../core/handoff-writes';
import type { Handler } from '../core/run';
import type { ResolverDeps } from '../core/deps';

/** The content at the revision the save started from (its history record), or null when it is not kept. */
async function contentAt(deps: ResolverDeps, t: Target, revision: number): Promise<HandoffContent | null> {
  if (revision === NO_HANDOFF_REVISION) return emptyContent();
  const [entry] = await deps.store.getMany([{ entity: ENTITIES.history, key: historyKey(t.projectId, t.versionId, revision) }]);
  return (entry as HistoryEntry | undefined)?.record.content ?? null;
}

/**
 * Saves the content on top of `baseRevision`, merged by section with whatever was committed since
 * (domain/merge.ts): only a section both changed is a conflict, and then nothing is written. Three
 * rounds when nobody saved meanwhile (core/handoff-writes.ts); a save that started from an older revision
 * reads that revision's copy first (one storage call more). A ready handoff whose merged content no
 * longer meets the ready rules goes back to draft (statusAfterEdit), and the save says so.
 */
export const saveHandoff: Handler<'saveHandoff'> = async (payload, call, deps) => {
  // A first save links the release page to the handoff, so the site's address is read in round 1.
  // The gate comes from storage, in the records' storage call (readStoredGate): no gate property reads.
  const loaded = await loadForChange(deps, call, payload.versionId, 'edit', payload.baseRevision === NO_HANDOFF_REVISION, true);
  const { target } = loaded;
  const existed = loaded.records.content !== null;
  let notice: string | null = null;
  const committed = await commitChange(
    deps,
    target,
    loaded.records,
    loaded.me,
    async (current: HandoffRecords, stamp) => {
      const stored = current.content;
      if (stored === null && (payload.baseRevision !== NO_HANDOFF_REVISION || existed)) {
        throw appError('NOT_FOUND', 'This handoff no longer exists (it was removed after you opened it). Your changes are still in the editor: reload the page to start again.');
      }
      let content = payload.content;
      if (stored !== null && stored.revision !== payload.baseRevision) {
        const base = await contentAt(deps, target, payload.baseRevision);
        const merge = mergeContent({ base, theirs: stored.content, yours: payload.content, claimed: payload.sections });
        if (merge.conflicts.length > 0) {
          const names = merge.conflicts.map((s) => CONTENT_SECTION_LABELS[s]).join(', ');
          throw appError(
            'CONFLICT',
            `${stored.updatedBy.displayName || 'Someone'} changed ${names} (revision ${stored.revision}) after you opened revision ${payload.baseRevision}. ` +
              'Your changes are kept: compare them with theirs, then save again.',
            { conflict: { theirs: composeHandoff(current)!, yours: merge.merged, sections: merge.conflicts } },
          );
        }
        // Someone else's sections are all that changed, and they are already stored: nothing to write.
        if (merge.applied.length === 0) return {};
        content = merge.merged;
      }
      const after = statusAfterEdit(stored, content);
      notice = after.notice;
      return {
        content: {
          ...nextStamp(stored, target, stamp.by, stamp.at, stamp.writeId),
          content,
          status: after.status,
          readyAt: after.readyAt,
          readyTimeZone: after.status === 'ready' ? (current.content?.readyTimeZone ?? null) : null,
        },
      };
    },
    loaded.alongside,
  );
  const demoted = notice !== null && committed.changed.length > 0;
  return publishAndView(deps, loaded, committed, deps.now(), {
    // An edit moves the gate only when it sends a ready handoff back to draft.
    refreshGate: demoted,
    alongside: [linkOnFirstSave(deps, call, loaded.project, payload.versionId, !existed && committed.changed.length > 0), loaded.importKept()],
    notice: demoted ? notice : null,
  });
};
