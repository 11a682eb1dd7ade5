import type { RequestLogEntry } from './types';

/**
 * Sequential round trips in a set of Jira calls: calls whose [startedAt, endedAt) intervals overlap
 * (directly or through a chain of overlaps) ran in parallel and count as one round. The bench reports
 * it and the integration tests hold the resolvers to their round budgets with it, so both count alike.
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
