import { PEOPLE } from '../../../local-site/jira';
import { expectJiraError, start, type Running } from './harness';

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

const person = (name: string) => {
  const p = PEOPLE.find((x) => x.displayName === name);
  if (!p) throw new Error(`no seeded ${name}`);
  return p;
};
const ana = person('Ana Silva');
const carlos = person('Carlos Mendes');
const priya = person('Priya Patel');

describe('GET /rest/api/3/user', () => {
  it("answers Jira's User shape; the email only to the person themselves", async () => {
    const other = await s.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(ana.accountId)}`, { as: 'rm' });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      accountId: ana.accountId,
      accountType: 'atlassian',
      displayName: 'Ana Silva',
      active: true,
      timeZone: 'UTC',
      self: `${s.base}/rest/api/3/user?accountId=${encodeURIComponent(ana.accountId)}`,
    });
    expect(Object.keys(other.body.avatarUrls).sort()).toEqual(['16x16', '24x24', '32x32', '48x48']);
    expect(other.body.emailAddress).toBeUndefined();

    const self = await s.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(ana.accountId)}`, { as: 'agent' });
    expect(self.body.emailAddress).toBe('ana@shop.example');

    const asApp = await s.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(ana.accountId)}`, { as: 'app' });
    expect(asApp.status).toBe(200);
    expect(asApp.body.displayName).toBe('Ana Silva');
  });

  it("answers 404 with Jira's error body for an unknown accountId, 400 without one, 401 unauthenticated", async () => {
    const unknown = await s.call('GET', '/rest/api/3/user?accountId=712020:nobody', { as: 'rm' });
    expectJiraError(unknown, 404);
    expect(unknown.body.errorMessages).toEqual(['Specified user does not exist or you do not have required permissions']);
    expectJiraError(await s.call('GET', '/rest/api/3/user', { as: 'rm' }), 400);
    expectJiraError(await s.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(ana.accountId)}`, { as: 'anonymous' }), 401);
  });
});

describe('GET /rest/api/3/user/bulk', () => {
  it('answers a PageBean of the known users, in the order asked, leaving unknown ones out', async () => {
    const q = [carlos.accountId, '712020:nobody', ana.accountId].map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    const res = await s.call('GET', `/rest/api/3/user/bulk?${q}`, { as: 'lead' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startAt: 0, maxResults: 10, total: 2, isLast: true });
    expect(res.body.values.map((u: { displayName: string }) => u.displayName)).toEqual(['Carlos Mendes', 'Ana Silva']);
    expect(res.body.values[0].emailAddress).toBe('carlos@shop.example'); // the caller themselves
    expect(res.body.values[1].emailAddress).toBeUndefined();
  });

  it('pages with startAt/maxResults', async () => {
    const q = [carlos.accountId, ana.accountId, priya.accountId].map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    const first = await s.call('GET', `/rest/api/3/user/bulk?${q}&maxResults=2`, { as: 'rm' });
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(first.body.values).toHaveLength(2);
    expect(first.body.nextPage).toContain('startAt=2');
    const second = await s.call('GET', `/rest/api/3/user/bulk?${q}&maxResults=2&startAt=2`, { as: 'rm' });
    expect(second.body).toMatchObject({ startAt: 2, isLast: true });
    expect(second.body.values.map((u: { displayName: string }) => u.displayName)).toEqual(['Priya Patel']);
  });

  it('answers 400 without an accountId and 401 unauthenticated', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/user/bulk', { as: 'rm' }), 400);
    expectJiraError(await s.call('GET', `/rest/api/3/user/bulk?accountId=${encodeURIComponent(ana.accountId)}`, { as: 'anonymous' }), 401);
  });
});

describe('GET /rest/api/3/user/search', () => {
  const names = (body: Array<{ displayName: string }>) => body.map((u) => u.displayName);

  it('matches the start of a display name (any word) or an email, case-insensitively; answers an array', async () => {
    const byFirst = await s.call('GET', '/rest/api/3/user/search?query=an', { as: 'lead' });
    expect(byFirst.status).toBe(200);
    expect(Array.isArray(byFirst.body)).toBe(true);
    expect(names(byFirst.body)).toEqual(['Ana Silva']);
    expect(names((await s.call('GET', '/rest/api/3/user/search?query=MEND', { as: 'lead' })).body)).toEqual(['Carlos Mendes']);
    expect(names((await s.call('GET', '/rest/api/3/user/search?query=priya%40shop', { as: 'lead' })).body)).toEqual(['Priya Patel']);
    expect((await s.call('GET', '/rest/api/3/user/search?query=zzz', { as: 'lead' })).body).toEqual([]);
    // Not the app's own account: it is not a person.
    expect((await s.call('GET', '/rest/api/3/user/search?query=cs%20handoff', { as: 'lead' })).body).toEqual([]);
  });

  it('caps maxResults at 50 and honours a smaller one', async () => {
    const one = await s.call('GET', '/rest/api/3/user/search?query=shop.example&maxResults=1', { as: 'lead' });
    expect(one.body).toHaveLength(0); // email prefix, not substring
    const all = await s.call('GET', '/rest/api/3/user/search?query=a&maxResults=1', { as: 'lead' });
    expect(all.body).toHaveLength(1);
    const capped = await s.call('GET', '/rest/api/3/user/search?query=a&maxResults=5000', { as: 'lead' });
    expect(capped.status).toBe(200);
    expect(capped.body.length).toBeLessThanOrEqual(50);
  });

  it('answers 400 without a query and 401 unauthenticated', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/user/search', { as: 'lead' }), 400);
    expectJiraError(await s.call('GET', '/rest/api/3/user/search?query=ana', { as: 'anonymous' }), 401);
  });
});
