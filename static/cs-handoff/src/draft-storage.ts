/**
 * Unsaved editor text, kept in the browser so a reload or a crashed tab loses nothing. A draft belongs to
 * one person on one Jira site: the key names the site (cloudId), the person (accountId) and the version,
 * so the next person in the same browser is never offered someone else's text. Without an accountId
 * (the context did not say who is signed in) nothing is written to the browser; the draft lives in memory.
 * localStorage can be unavailable in a sandboxed iframe; then the draft lives in memory for the session.
 */
import type { HandoffContent } from '#domain/handoff';

export interface StoredDraft {
  /** The revision the editor started from; a restore saves against it so conflicts are still caught. */
  baseRevision: number;
  content: HandoffContent;
  savedAt: string;
}

/** Who the drafts belong to, from view.getContext(). */
export interface DraftOwner {
  accountId: string;
  /** The Jira site: its cloudId, or its URL when the context has no cloudId. */
  site: string;
}

export interface DraftStore {
  load(versionId: string): StoredDraft | null;
  save(versionId: string, draft: Omit<StoredDraft, 'savedAt'>): void;
  clear(versionId: string): void;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'cs-handoff:draft:';
// Drafts written before they were keyed by person: "cs-handoff:draft:<projectId>:<versionId>". Nobody can
// tell whose they are, so they are removed rather than offered to whoever opens the page next.
const UNOWNED = /^cs-handoff:draft:\d+:\d+$/;

// Keys name the person too, so one map serves everyone who signs in during this page's life.
const memory = new Map<string, string>();
function inMemory(): KeyValue {
  return {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  };
}

function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = '__cs-handoff-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function dropUnowned(s: Storage): void {
  const stale: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key && UNOWNED.test(key)) stale.push(key);
  }
  for (const key of stale) s.removeItem(key);
}

export const draftKey = (owner: DraftOwner, versionId: string) => `${PREFIX}${encodeURIComponent(owner.site)}:${encodeURIComponent(owner.accountId)}:${versionId}`;

export function draftStore(owner: DraftOwner): DraftStore {
  const persistent = owner.accountId && owner.site ? browserStorage() : null;
  if (persistent) dropUnowned(persistent);
  const store: KeyValue = persistent ?? inMemory();
  return {
    load(versionId) {
      try {
        const raw = store.getItem(draftKey(owner, versionId));
        if (!raw) return null;
        const parsed = JSON.parse(raw) as StoredDraft;
        if (typeof parsed?.baseRevision !== 'number' || typeof parsed.content !== 'object' || parsed.content === null) return null;
        return parsed;
      } catch {
        return null;
      }
    },
    save(versionId, draft) {
      try {
        store.setItem(draftKey(owner, versionId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
      } catch {
        // Quota or privacy mode: the editor still holds the text; nothing else to do.
      }
    },
    clear(versionId) {
      try {
        store.removeItem(draftKey(owner, versionId));
      } catch {
        // ignore
      }
    },
  };
}
