/**
 * Reads retried when storage answers 429 or 5xx, or not at all (they change nothing, so retrying is
 * always safe). Commits are not retried here: after a failed commit only a fresh read can tell whether
 * it applied, which the commit logic does (resolvers/core/handoff-store.ts).
 */
import type { RecordStore } from './port';

export const READ_ATTEMPTS = 4;

/** A storage failure after which trying again can succeed. Errors of the app's own (AppError) never are. */
export function transientStoreError(error: unknown): boolean {
  if (error === null || typeof error !== 'object' || (error as { name?: unknown }).name === 'AppError' || (error as { name?: unknown }).name === 'CommitRefused') return false;
  const e = error as { status?: unknown; responseDetails?: { status?: unknown } };
  const status = e.status ?? e.responseDetails?.status;
  return status === undefined || status === 429 || (typeof status === 'number' && status >= 500);
}

async function retried<T>(read: () => Promise<T>, backoff: (attempt: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt + 1 >= READ_ATTEMPTS || !transientStoreError(error)) throw error;
      await backoff(attempt);
    }
  }
}

export function retryingReads(store: RecordStore, backoff: (attempt: number) => Promise<void>): RecordStore {
  return {
    getMany: (refs) => retried(() => store.getMany(refs), backoff),
    query: (q) => retried(() => store.query(q), backoff),
    commit: (puts, deletes) => store.commit(puts, deletes),
  };
}
