import type { RequestLogEntry } from '../local-site/jira';

/**
 * Sequential round trips in a set of Jira calls: calls whose [startedAt, endedAt) intervals overlap
 * (directly or through a chain of overlaps) ran in parallel and count as one round.
 */
export function roundsOf(entries: Pick<RequestLogEntry, 'startedAt' | 'endedAt'>[]): number {
  const sorted = [...entries].sort((a, b) => a.startedAt - b.startedAt);
  let rounds = 0;
  let roundEnd = -Infinity;
  for (const e of sorted) {
    if (e.startedAt >= roundEnd) {
      rounds += 1;
      roundEnd = e.endedAt;
    } else {
      roundEnd = Math.max(roundEnd, e.endedAt);
    }
  }
  return rounds;
}

/** Runs `fn` and returns what it answered plus the Jira calls made while it ran. */
export async function measured<T>(log: RequestLogEntry[], fn: () => Promise<T>): Promise<{ value: T; calls: RequestLogEntry[]; wallMs: number }> {
  const from = log.length;
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  return { value, calls: log.slice(from), wallMs };
}

/** A call that changes Jira (the approximate-count search is a POST that only reads). */
export const isWrite = (e: Pick<RequestLogEntry, 'method' | 'path'>): boolean => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);
export const isPropertyRead = (e: RequestLogEntry): boolean => e.method === 'GET' && /\/properties\//.test(e.path);
export const isVersionPage = (e: RequestLogEntry): boolean => e.method === 'GET' && /^\/rest\/api\/3\/project\/[^/]+\/version$/.test(e.path);
