/**
 * How a stored handoff changes: every save or status change is a new revision, and a change is only
 * applied on top of the revision the person started from (optimistic concurrency).
 */
import { stampOf } from './calendar';
import { appError } from './errors';
import type { HandoffContent, HandoffStatus, PersonRef, StoredHandoff } from './handoff';
import { missingPartsForReady, statusAfterEdit } from './readiness';

/** The revision a handoff has before its first save; the editor sends it as its baseRevision. */
export const NO_HANDOFF_REVISION = 0;

export const revisionOf = (stored: StoredHandoff | null): number => stored?.revision ?? NO_HANDOFF_REVISION;

/**
 * Throws CONFLICT when someone else saved since `baseRevision`. `yours` travels back in the error so
 * the person's text is never lost.
 */
export function assertBaseRevision(baseRevision: number, stored: StoredHandoff | null, yours: HandoffContent): void {
  if (baseRevision === revisionOf(stored)) return;
  if (stored === null) {
    throw appError('NOT_FOUND', 'This handoff no longer exists in Jira (it was removed after you opened it). Reload the page to start again.');
  }
  throw appError(
    'CONFLICT',
    `${stored.updatedBy.displayName || 'Someone'} changed this handoff (revision ${stored.revision}) after you opened revision ${baseRevision}. ` +
      'Your changes are kept: compare them with theirs, then save again.',
    { conflict: { theirs: stored, yours } },
  );
}

export interface HandoffTarget {
  versionId: string;
  projectId: string;
}

function readinessAfter(previous: StoredHandoff | null, content: HandoffContent): Pick<StoredHandoff, 'status' | 'readyAt'> {
  const { status, readyAt } = statusAfterEdit(previous, content);
  return { status, readyAt };
}

/**
 * The handoff after saving new content; a first save starts as a draft, and a ready one whose content no
 * longer meets the ready rules goes back to draft (`statusAfterEdit`). What the content save does
 * not own (rollout, walkthrough, history pointer) is carried over from the previous revision.
 */
export function applyContent(previous: StoredHandoff | null, target: HandoffTarget, content: HandoffContent, by: PersonRef, now: Date): StoredHandoff {
  return {
    ...(previous ?? {}),
    schemaVersion: 1,
    versionId: target.versionId,
    projectId: target.projectId,
    content,
    ...readinessAfter(previous, content),
    revision: revisionOf(previous) + 1,
    updatedAt: stampOf(now),
    updatedBy: by,
  };
}

/**
 * The handoff after a status change. Ready needs a complete document (NOT_READY names what is
 * missing); becoming ready stamps readyAt, going back to draft clears it, so lateness is measured
 * from the last time it became ready.
 */
export function applyStatus(previous: StoredHandoff, status: HandoffStatus, by: PersonRef, now: Date): StoredHandoff {
  if (status === 'ready') assertReady(previous.content);
  const stamp = stampOf(now);
  const readyAt = status === 'draft' ? null : previous.status === 'ready' ? previous.readyAt : stamp;
  return { ...previous, status, readyAt, revision: previous.revision + 1, updatedAt: stamp, updatedBy: by };
}

function assertReady(content: HandoffContent): void {
  const missing = missingPartsForReady(content);
  if (missing.length === 0) return;
  const fields = Object.fromEntries(missing.map((part) => [part.field, part.label]));
  throw appError('NOT_READY', `The handoff can't be marked ready yet. Still needed: ${missing.map((p) => p.label).join('; ')}.`, { fields });
}
