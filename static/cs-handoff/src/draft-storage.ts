/**
 * Unsaved editor text, kept per project + version so a reload or a crashed tab loses nothing.
 * localStorage can be unavailable in a sandboxed iframe; then the draft lives in memory for the session.
 */
import type { HandoffContent } from '../../../src/domain/handoff';

export interface StoredDraft {
  /** The revision the editor started from; a restore saves against it so conflicts are still caught. */
  baseRevision: number;
  content: HandoffContent;
  savedAt: string;
}

const memory = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const s = window.localStorage;
    const probe = '__cs-handoff-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
      removeItem: (k) => void memory.delete(k),
    };
  }
}

export const draftKey = (projectId: string, versionId: string) => `cs-handoff:draft:${projectId}:${versionId}`;

export function loadDraft(projectId: string, versionId: string): StoredDraft | null {
  try {
    const raw = storage().getItem(draftKey(projectId, versionId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    if (typeof parsed?.baseRevision !== 'number' || typeof parsed.content !== 'object' || parsed.content === null) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function saveDraft(projectId: string, versionId: string, draft: Omit<StoredDraft, 'savedAt'>): void {
  try {
    storage().setItem(draftKey(projectId, versionId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Quota or privacy mode: the editor still holds the text; nothing else to do.
  }
}

export function clearDraft(projectId: string, versionId: string): void {
  try {
    storage().removeItem(draftKey(projectId, versionId));
  } catch {
    // ignore
  }
}
