import { expectJiraError, start, type Running } from './harness';

let s: Running;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.stop());

describe('fault injection', () => {
  it('fails matching requests with 429 and Retry-After, then succeeds once the rule is spent', async () => {
    s.site.settings.faults.push({ pathPattern: '^PUT /rest/api/3/project/.*/properties/', status: 429, times: 2, retryAfterSeconds: 3 });
    const put = () => s.call('PUT', '/rest/api/3/project/SHOP/properties/k', { as: 'app', body: { n: 1 } });
    for (let i = 0; i < 2; i++) {
      const res = await put();
      expectJiraError(res, 429);
      expect(res.headers.get('retry-after')).toBe('3');
    }
    expect((await s.call('GET', '/rest/api/3/project/SHOP/properties/k')).status).toBe(404); // nothing was written
    expect((await put()).status).toBe(201);
    expect(s.site.settings.faults).toEqual([]);
  });

  it('only affects matching requests and can delay', async () => {
    s.site.settings.faults.push({ pathPattern: '^GET /rest/api/3/version/10002$', status: 503, times: 1, delayMs: 80 });
    expect((await s.call('GET', '/rest/api/3/version/10001')).status).toBe(200);
    const t0 = Date.now();
    expectJiraError(await s.call('GET', '/rest/api/3/version/10002'), 503);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(75);
    expect((await s.call('GET', '/rest/api/3/version/10002')).status).toBe(200);
  });

  it('is configurable over HTTP, validated', async () => {
    const put = await fetch(`${s.base}/_local/jira/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ pathPattern: '^GET /rest/api/3/myself$', status: 500, times: 1 }] }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ latencyMs: 0, faults: [{ pathPattern: '^GET /rest/api/3/myself$', status: 500, times: 1 }] });
    expectJiraError(await s.call('GET', '/rest/api/3/myself'), 500);
    expect((await s.call('GET', '/rest/api/3/myself')).status).toBe(200);

    const bad = await fetch(`${s.base}/_local/jira/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ pathPattern: '(', status: 418, times: 1 }] }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('latency and request log', () => {
  it('adds latencyMs to every /rest call', async () => {
    await fetch(`${s.base}/_local/jira/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 60 }) });
    expect(s.site.settings.latencyMs).toBe(60);
    const t0 = Date.now();
    await s.call('GET', '/rest/api/3/myself');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
  });

  it('logs every /rest call in order and clears over HTTP', async () => {
    await s.call('GET', '/rest/api/3/myself', { as: 'agent' });
    await s.call('GET', '/rest/api/3/project/SHOP', { as: 'app' });
    await s.call('GET', '/rest/api/3/project/SHOP', { as: 'anonymous' });
    const log = await (await fetch(`${s.base}/_local/jira/request-log`)).json();
    const ana = s.site.people.find((p) => p.role === 'cs-agent');
    expect(log.map((e: { method: string; path: string; principal: string; status: number }) => [e.method, e.path, e.principal, e.status])).toEqual([
      ['GET', '/rest/api/3/myself', `user:${ana?.accountId}`, 200],
      ['GET', '/rest/api/3/project/SHOP', 'app', 200],
      ['GET', '/rest/api/3/project/SHOP', 'anonymous', 401],
    ]);
    for (const e of log) expect(e.endedAt).toBeGreaterThanOrEqual(e.startedAt);
    expect((await fetch(`${s.base}/_local/jira/request-log`, { method: 'DELETE' })).status).toBe(204);
    expect(s.site.requestLog).toHaveLength(0);
  });
});
