/** The hourly re-check reaches every project, a few at a time, and one project's failure stops no other. */
import { createReleaseRecheck, PROJECTS_AT_ONCE } from '#triggers/release-recheck';
import type { TriggerDeps } from '#triggers/deps';
import { MemoryStore } from '../../support/memory-store';

describe('release re-check across many projects', () => {
  it('checks every project, several at once but never more than PROJECTS_AT_ONCE, past a failing one', async () => {
    const projects = Array.from({ length: 12 }, (_, i) => ({ id: String(10000 + i), key: `P${i}` }));
    let running = 0;
    let most = 0;
    const listed: string[] = [];
    const jira = {
      listProjectsAsApp: async () => projects,
      getSiteTimeZone: async () => 'UTC',
      listVersionsAsApp: async (key: string) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setImmediate(r));
        running -= 1;
        listed.push(key);
        if (key === 'P3') throw new Error('Jira is down for P3');
        return [];
      },
    };
    const log = { error: jest.fn(), warn: jest.fn() };
    const deps = { jira, now: () => new Date('2026-11-24T03:00:00Z'), timeZone: 'UTC', log, store: new MemoryStore() } as unknown as TriggerDeps;
    const results = await createReleaseRecheck(deps)();
    expect(results.map((r) => r.projectKey)).toEqual(projects.map((p) => p.key));
    expect([...listed].sort()).toEqual(projects.map((p) => p.key).sort());
    expect(results.find((r) => r.projectKey === 'P3')?.error).toBe('Jira is down for P3');
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(PROJECTS_AT_ONCE);
  });
});
