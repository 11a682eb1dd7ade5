import { appError } from '#domain/errors';
import { applyStatus, assertBaseRevision } from '#domain/revision';
import { composeHandoff, nextStamp } from '#domain/records';
import { commitChange } from '../core/handoff-store';
import { loadForChange, publishAndView } from '../core/handoff-writes';
import type { Handler } from '../core/run';

/**
 * Marks a handoff ready (only when complete) or back to draft, on top of the content revision the person
 * saw: a status decided on text someone has since changed is a conflict, and nothing is written. The
 * gate-index entry is refreshed in the publish round.
 */
export const setStatus: Handler<'setStatus'> = async (payload, call, deps) => {
  const loaded = await loadForChange(deps, call, payload.versionId);
  const { target } = loaded;
  const now = deps.now();
  const committed = await commitChange(
    deps,
    target,
    loaded.records,
    loaded.me,
    (current, stamp) => {
      const stored = composeHandoff(current);
      if (!stored || !current.content) {
        throw appError('NOT_FOUND', `Version ${payload.versionId} has no handoff yet: save one before changing its status.`);
      }
      // A status change carries no text of its own, so the conflict's "yours" is the text the caller last saw.
      assertBaseRevision(payload.baseRevision, stored, stored.content);
      // Marking ready twice must not move readyAt (lateness is measured from it), so nothing is written.
      if (stored.status === payload.status) return {};
      const next = applyStatus(stored, payload.status, stamp.by, now);
      return {
        content: {
          ...current.content,
          ...nextStamp(current.content, target, stamp.by, stamp.at, stamp.writeId),
          status: next.status,
          readyAt: next.readyAt,
          readyTimeZone: next.status === 'ready' ? loaded.myTimeZone : null,
        },
      };
    },
    loaded.alongside,
  );
  return publishAndView(deps, loaded, committed, now);
};
