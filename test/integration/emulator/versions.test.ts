import type { VersionEvent } from '../../../local-site/jira';
import { expectJiraError, start, type Running } from './harness';

let s: Running;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.stop());

describe('paginated project versions', () => {
  it('pages with startAt/maxResults and reports total and isLast', async () => {
    const first = await s.call('GET', '/rest/api/3/project/SHOP/version?maxResults=2', { as: 'agent' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(first.body.values.map((v: { id: string }) => v.id)).toEqual(['10001', '10002']);
    expect(first.body.nextPage).toContain('startAt=2');
    const second = await s.call('GET', '/rest/api/3/project/SHOP/version?maxResults=2&startAt=2', { as: 'agent' });
    expect(second.body).toMatchObject({ startAt: 2, total: 3, isLast: true });
    expect(second.body.values.map((v: { id: string }) => v.id)).toEqual(['10003']);
    const defaults = await s.call('GET', '/rest/api/3/project/10000/version');
    expect(defaults.body).toMatchObject({ maxResults: 50, isLast: true });
  });

  it('filters by status and orders by releaseDate', async () => {
    const unreleased = await s.call('GET', '/rest/api/3/project/SHOP/version?status=unreleased&orderBy=-releaseDate');
    expect(unreleased.body.values.map((v: { id: string }) => v.id)).toEqual(['10003', '10002']);
    const released = await s.call('GET', '/rest/api/3/project/SHOP/version?status=released');
    expect(released.body.values.map((v: { id: string }) => v.id)).toEqual(['10001']);
    expectJiraError(await s.call('GET', '/rest/api/3/project/SHOP/version?status=bogus'), 400);
    expectJiraError(await s.call('GET', '/rest/api/3/project/SHOP/version?orderBy=colour'), 400);
  });

  it('plain /versions is an array, 404 for a project the caller cannot browse', async () => {
    const res = await s.call('GET', '/rest/api/3/project/SHOP/versions');
    expect(Array.isArray(res.body)).toBe(true);
    expectJiraError(await s.call('GET', '/rest/api/3/project/SHOP/version', { as: 'outsider' }), 404);
  });
});

describe('version events', () => {
  it('fires released after the response, naming the user', async () => {
    const events: { event: VersionEvent; loggedStatus: number | undefined }[] = [];
    s.site.onVersionEvent((event) => {
      // The request log entry is written when the response has finished, so it must already be there.
      events.push({ event, loggedStatus: s.site.requestLog.at(-1)?.status });
    });
    const res = await s.call('PUT', '/rest/api/3/version/10002', { as: 'rm', body: { released: true } });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const rita = s.site.people.find((p) => p.role === 'release-manager');
    expect(events).toHaveLength(1);
    expect(events[0]?.loggedStatus).toBe(200);
    expect(events[0]?.event).toMatchObject({
      eventType: 'avi:jira:released:version',
      atlassianId: rita?.accountId,
      causedByApp: false,
      version: { id: '10002', released: true, releaseDate: '2026-06-18' },
    });
  });

  it('marks events caused by the app, and fires nothing for a refused request', async () => {
    const events: VersionEvent[] = [];
    const unsubscribe = s.site.onVersionEvent((e) => events.push(e));
    await s.call('PUT', '/rest/api/3/version/10002', { as: 'po', body: { released: true } }); // refused (400)
    await s.call('PUT', '/rest/api/3/version/10001', { as: 'app', body: { released: false } });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: 'avi:jira:unreleased:version', causedByApp: true });
    expect(events[0]).not.toHaveProperty('atlassianId');
    unsubscribe();
    await s.call('PUT', '/rest/api/3/version/10001', { as: 'app', body: { released: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toHaveLength(1);
  });

  it('store.releaseVersion goes through the same rules and event', async () => {
    const events: VersionEvent[] = [];
    s.site.onVersionEvent((e) => events.push(e));
    const rita = s.site.people.find((p) => p.role === 'release-manager');
    const priya = s.site.people.find((p) => p.role === 'po');
    expect(() => s.site.store.releaseVersion('10003', { kind: 'user', accountId: priya?.accountId ?? '' })).toThrow(/administrator/);
    const v = s.site.store.releaseVersion('10003', { kind: 'user', accountId: rita?.accountId ?? '' });
    expect(v.released).toBe(true);
    expect(events).toHaveLength(0); // not before the caller got its answer
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual([expect.objectContaining({ eventType: 'avi:jira:released:version', atlassianId: rita?.accountId, causedByApp: false })]);
  });

  it('fires created, updated and deleted', async () => {
    const types: string[] = [];
    s.site.onVersionEvent((e) => types.push(e.eventType));
    const created = await s.call('POST', '/rest/api/3/version', { body: { projectId: 10000, name: 'Temp' } });
    await s.call('PUT', `/rest/api/3/version/${created.body.id}`, { body: { description: 'd' } });
    await s.call('DELETE', `/rest/api/3/version/${created.body.id}`);
    await new Promise((r) => setTimeout(r, 20));
    expect(types).toEqual(['avi:jira:created:version', 'avi:jira:updated:version', 'avi:jira:deleted:version']);
  });
});

describe('site time zone', () => {
  it('decides "today" (overdue, release stamp) in the site zone', async () => {
    const late = await start({ timeZone: 'Pacific/Auckland', now: () => new Date('2026-06-15T20:00:00Z') }); // 16 June in Auckland
    try {
      expect((await late.call('GET', '/rest/api/3/serverInfo', { as: 'anonymous' })).body.serverTimeZone).toBe('Pacific/Auckland');
      expect((await late.call('GET', '/rest/api/3/myself')).body.timeZone).toBe('Pacific/Auckland');
      const created = await late.call('POST', '/rest/api/3/version', { body: { projectId: 10000, name: 'Undated' } });
      const released = await late.call('PUT', `/rest/api/3/version/${created.body.id}`, { body: { released: true } });
      expect(released.body.releaseDate).toBe('2026-06-16');
    } finally {
      await late.stop();
    }
  });
});

describe('project search', () => {
  it("pages the projects the caller can browse, as Jira's PageBeanProject", async () => {
    const asApp = await s.call('GET', '/rest/api/3/project/search?maxResults=1', { as: 'app' });
    expect(asApp.status).toBe(200);
    // The app's user browses every project, the HELP service project included.
    expect(asApp.body).toMatchObject({ startAt: 0, maxResults: 1, total: 3, isLast: false });
    expect(asApp.body.values.map((p: { key: string }) => p.key)).toEqual(['SHOP']);
    const rest = await s.call('GET', '/rest/api/3/project/search?startAt=1', { as: 'app' });
    expect(rest.body).toMatchObject({ total: 3, isLast: true });
    expect(rest.body.values.map((p: { key: string }) => p.key)).toEqual(['OPS', 'HELP']);
    const outsider = await s.call('GET', '/rest/api/3/project/search', { as: 'outsider' });
    expect(outsider.body.values.map((p: { key: string }) => p.key)).toEqual(['OPS']);
  });

  it('narrows to the projects named by key or id, with the properties asked for and no versions', async () => {
    expect((await s.call('PUT', '/rest/api/3/project/SHOP/properties/cs-handoff.gate-index', { as: 'app', body: { schemaVersion: 1 } })).status).toBe(201);
    const shop = await s.call('GET', '/rest/api/3/project/search?keys=SHOP&properties=cs-handoff.gate-index,absent', { as: 'agent' });
    expect(shop.body.values).toEqual([expect.objectContaining({ id: '10000', key: 'SHOP', projectTypeKey: 'software', properties: { 'cs-handoff.gate-index': { schemaVersion: 1 } } })]);
    expect(shop.body.values[0].versions).toBeUndefined();
    const byId = await s.call('GET', '/rest/api/3/project/search?id=10000', { as: 'agent' });
    expect(byId.body.values.map((p: { key: string; properties: unknown }) => [p.key, p.properties])).toEqual([['SHOP', {}]]);
    // A project the caller cannot browse is simply not listed (GET /project/{key} answers 404 for it).
    const outsider = await s.call('GET', '/rest/api/3/project/search?keys=SHOP&properties=cs-handoff.gate-index', { as: 'outsider' });
    expect(outsider.body).toMatchObject({ total: 0, values: [] });
  });
});
