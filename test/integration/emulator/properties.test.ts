import { expectJiraError, start, type Running } from './harness';

let s: Running;
beforeEach(async () => {
  s = await start();
});
afterEach(() => s.stop());

const path = (key: string): string => `/rest/api/3/project/SHOP/properties/${key}`;
/** A JSON string literal whose serialized form is exactly `bytes` bytes long. */
const stringOfBytes = (bytes: number): string => 'a'.repeat(bytes - 2);

describe('project properties', () => {
  it('creates with 201, updates with 200, reads, lists and deletes', async () => {
    expect((await s.call('PUT', path('cs-handoff-10002'), { as: 'app', body: { v: 1 } })).status).toBe(201);
    expect((await s.call('PUT', path('cs-handoff-10002'), { as: 'app', body: { v: 2 } })).status).toBe(200);
    const got = await s.call('GET', path('cs-handoff-10002'), { as: 'agent' });
    expect(got.body).toEqual({ key: 'cs-handoff-10002', value: { v: 2 } });
    const keys = await s.call('GET', '/rest/api/3/project/10000/properties', { as: 'agent' });
    expect(keys.body).toEqual({ keys: [{ self: `${s.base}/rest/api/3/project/10000/properties/cs-handoff-10002`, key: 'cs-handoff-10002' }] });
    expect((await s.call('DELETE', path('cs-handoff-10002'), { as: 'app' })).status).toBe(204);
    expectJiraError(await s.call('GET', path('cs-handoff-10002')), 404);
    expectJiraError(await s.call('DELETE', path('cs-handoff-10002')), 404);
  });

  it('refuses a CS agent write with 403 and an outsider read with 404', async () => {
    const res = await s.call('PUT', path('x'), { as: 'agent', body: { a: 1 } });
    expectJiraError(res, 403);
    expectJiraError(await s.call('GET', path('x'), { as: 'outsider' }), 404);
  });

  it('accepts exactly 32,768 bytes and refuses one more, storing nothing', async () => {
    const atLimit = await s.call('PUT', path('big'), { body: stringOfBytes(32768) });
    expect(atLimit.status).toBe(201);
    const back = await s.call('GET', path('big'));
    expect((back.body.value as string).length).toBe(32766);

    const over = await s.call('PUT', path('big'), { body: stringOfBytes(32769) });
    expectJiraError(over, 400);
    expect(over.body.errorMessages[0]).toMatch(/32768/);
    const unchanged = await s.call('GET', path('big'));
    expect((unchanged.body.value as string).length).toBe(32766);

    const fresh = await s.call('PUT', path('fresh'), { body: stringOfBytes(32769) });
    expect(fresh.status).toBe(400);
    expectJiraError(await s.call('GET', path('fresh')), 404);
  });

  it('counts bytes, not characters', async () => {
    // 'é' is two bytes in UTF-8: 16,383 of them plus quotes is 32,768 bytes; one more is over.
    expect((await s.call('PUT', path('utf8'), { body: 'é'.repeat(16383) })).status).toBe(201);
    expect((await s.call('PUT', path('utf8'), { body: 'é'.repeat(16384) })).status).toBe(400);
  });

  it('refuses an empty body, malformed JSON and a key over 255 characters', async () => {
    expectJiraError(await s.call('PUT', path('empty'), { rawBody: '' }), 400);
    expectJiraError(await s.call('PUT', path('bad'), { rawBody: '{"a":' }), 400);
    expectJiraError(await s.call('PUT', path('k'.repeat(256)), { body: 1 }), 400);
    expect((await s.call('PUT', path('k'.repeat(255)), { body: 1 })).status).toBe(201);
  });
});

describe('persistence', () => {
  it('keeps properties, versions and issues across close and reopen', async () => {
    await s.call('PUT', path('kept'), { body: { saved: true } });
    await s.call('PUT', '/rest/api/3/version/10003', { body: { description: 'edited before restart' } });
    const issue = await s.call('POST', '/rest/api/3/issue', {
      as: 'agent',
      body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'Survives restarts' } },
    });
    const dataDir = s.dataDir;
    await s.stop(false);

    s = await start({ dataDir });
    expect((await s.call('GET', path('kept'))).body.value).toEqual({ saved: true });
    expect((await s.call('GET', '/rest/api/3/version/10003')).body.description).toBe('edited before restart');
    expect((await s.call('GET', `/rest/api/3/issue/${issue.body.key}`)).body.fields.summary).toBe('Survives restarts');
    // Not re-seeded: still exactly three SHOP versions, same people and ids.
    expect((await s.call('GET', '/rest/api/3/project/SHOP/versions')).body).toHaveLength(3);
    expect((await s.call('GET', '/rest/api/3/myself', { as: 'agent' })).body.accountId).toBe(s.site.people.find((p) => p.role === 'cs-agent')?.accountId);
  });
});
