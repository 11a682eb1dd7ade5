/**
 * Resolver dependencies around a Jira the test controls: a fixed clock (1 July 2026, noon UTC), the
 * default lead time, an in-memory store that never backs off, and a log whose calls the test can read.
 */
import type { Jira } from '#jira';
import type { ResolverDeps } from '#resolvers/core/deps';
import { MemoryStore } from './memory-store';

export function resolverDepsWith(jira: Jira) {
  const log = { error: jest.fn(), warn: jest.fn() };
  const deps: ResolverDeps & { log: typeof log } = {
    jira,
    now: () => new Date('2026-07-01T12:00:00Z'),
    lateness: { leadTimeDays: 7, timeZone: 'UTC' },
    appIdentity: () => ({ appId: 'app-1', environmentId: 'env-1' }),
    log,
    store: new MemoryStore(),
    storeBackoff: async () => undefined,
  };
  return deps;
}
