/**
 * Filing a brief gap at most once when Jira's answer to the create is lost: a fake Jira that keeps the
 * tasks it made (and can lose the answer), the record store in memory, and a clock the test moves.
 */
import { briefGapFilingLabel } from '#domain/chain-label';
import { fileOnce, RESERVATION_STALE_MS } from '#resolvers/living/brief-gap-filing';
import type { ResolverDeps } from '#resolvers/core/deps';
import { MemoryStore } from '../../support/memory-store';

const TARGET = { projectId: '10000', projectKey: 'SHOP', versionId: '10003' };

function world() {
  let now = new Date('2026-07-01T12:00:00Z');
  const tasks: { key: string; labels: string[] }[] = [];
  const searches: string[] = [];
  const deps = {
    store: new MemoryStore(),
    now: () => now,
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    storeBackoff: async () => undefined,
    jira: {
      findIssueKeys: async (jql: string) => {
        searches.push(jql);
        const label = /labels = "([^"]+)"/.exec(jql)?.[1];
        return tasks.filter((t) => t.labels.includes(label ?? '')).map((t) => t.key);
      },
    },
  } as unknown as ResolverDeps;
  /** Jira makes the task with the filing label; `lose` drops its answer. */
  const create = (lose: boolean) => async (token: string) => {
    const key = `SHOP-${tasks.length + 1}`;
    tasks.push({ key, labels: [briefGapFilingLabel(token)] });
    if (lose) throw new Error('500 on the way back');
    return key;
  };
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { deps, tasks, searches, create, later };
}

describe('a brief gap whose create answer was lost', () => {
  it('the next attempt finds the task by its filing label and records it: no second task', async () => {
    const w = world();
    await expect(fileOnce(w.deps, TARGET, 'q1', w.create(true))).rejects.toThrow('500');
    expect(await fileOnce(w.deps, TARGET, 'q1', w.create(false))).toBe('SHOP-1');
    expect(w.tasks.map((t) => t.key)).toEqual(['SHOP-1']);
    // Recorded: a third attempt neither searches nor creates.
    const searched = w.searches.length;
    expect(await fileOnce(w.deps, TARGET, 'q1', w.create(false))).toBe('SHOP-1');
    expect(w.searches.length).toBe(searched);
  });

  it('after the stale time too, Jira is searched before anything is filed again', async () => {
    const w = world();
    await expect(fileOnce(w.deps, TARGET, 'q1', w.create(true))).rejects.toThrow('500');
    w.later(RESERVATION_STALE_MS + 1);
    expect(await fileOnce(w.deps, TARGET, 'q1', w.create(false))).toBe('SHOP-1');
    expect(w.tasks.length).toBe(1);
  });

  it('files again only when Jira has no task with the label and the reservation is stale, under the same token', async () => {
    const w = world();
    // The create never reached Jira (the function died first): a reservation with no task.
    await expect(fileOnce(w.deps, TARGET, 'q1', async () => Promise.reject(new Error('died')))).rejects.toThrow('died');
    await expect(fileOnce(w.deps, TARGET, 'q1', w.create(false))).rejects.toMatchObject({ error: { code: 'CONFLICT' } });
    expect(w.tasks).toEqual([]);
    w.later(RESERVATION_STALE_MS + 1);
    expect(await fileOnce(w.deps, TARGET, 'q1', w.create(false))).toBe('SHOP-1');
    // Every search asked for the same filing label: the token is kept across the takeover.
    expect(new Set(w.searches).size).toBe(1);
    expect(w.searches[0]).toContain(w.tasks[0]?.labels[0]);
  });
});
