import { expectJiraError, start, type Running } from './harness';

let s: Running;
beforeAll(async () => {
  s = await start();
  const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const make = (summary: string, extra: Record<string, unknown> = {}, project = 'SHOP', type = 'Bug') =>
    s.call('POST', '/rest/api/3/issue', { as: 'po', body: { fields: { project: { key: project }, issuetype: { name: type }, summary, ...extra } } });
  await make('Gift card balance wrong', { labels: ['cs-l3', 'gift-cards'], fixVersions: [{ id: '10002' }], description: adf('Balance shows 0') });
  await make('Gift card email late', { labels: ['cs-l3'], fixVersions: [{ id: '10002' }], versions: [{ id: '10001' }] });
  await make('Saved cart lost', { labels: ['carts'], fixVersions: [{ id: '10003' }] });
  await make('Ops chore', { labels: ['cs-l3'] }, 'OPS', 'Task');
});
afterAll(() => s.stop());

describe('POST /rest/api/3/issue', () => {
  it('creates SHOP-n keys and stores the fields', async () => {
    const res = await s.call('POST', '/rest/api/3/issue', {
      as: 'agent',
      body: { fields: { project: { id: '10000' }, issuetype: { id: '10004' }, summary: 'From an agent', labels: ['cs-l3'], priority: { name: 'High' } } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/), key: 'SHOP-4', self: `${s.base}/rest/api/3/issue/${res.body.id}` });
    const issue = await s.call('GET', '/rest/api/3/issue/SHOP-4', { as: 'agent' });
    expect(issue.body.fields).toMatchObject({
      summary: 'From an agent',
      labels: ['cs-l3'],
      issuetype: { id: '10004', name: 'Bug' },
      project: { key: 'SHOP' },
      status: { name: 'To Do' },
      priority: { name: 'High' },
      created: '2026-06-15T10:00:00.000+0000',
      reporter: { displayName: 'Ana Silva' },
    });
    const first = await s.call('GET', '/rest/api/3/issue/SHOP-1?fields=description,fixVersions');
    expect(Object.keys(first.body.fields).sort()).toEqual(['description', 'fixVersions']);
    expect(first.body.fields.description.type).toBe('doc');
    expect(first.body.fields.fixVersions[0]).toMatchObject({ id: '10002', name: '2026.12 Gift cards' });
  });

  it('answers 400 with field errors', async () => {
    const noSummary = await s.call('POST', '/rest/api/3/issue', { body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' } } } });
    expectJiraError(noSummary, 400);
    expect(noSummary.body.errors).toHaveProperty('summary');
    const bad = await s.call('POST', '/rest/api/3/issue', {
      body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'x'.repeat(256), labels: ['has space'], description: 'plain text' } },
    });
    expect(Object.keys(bad.body.errors).sort()).toEqual(['description', 'labels', 'summary']);
    const noBugInOps = await s.call('POST', '/rest/api/3/issue', { body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Bug' }, summary: 'x' } } });
    expect(noBugInOps.body.errors).toHaveProperty('issuetype');
    const foreignVersion = await s.call('POST', '/rest/api/3/issue', { body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x', fixVersions: [{ id: '10002' }] } } });
    expect(foreignVersion.body.errors).toHaveProperty('fixVersions');
    const hidden = await s.call('POST', '/rest/api/3/issue', { as: 'outsider', body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'x' } } });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors).toHaveProperty('project');
  });

  it('hides issues of unbrowsable projects', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/issue/SHOP-1', { as: 'outsider' }), 404);
  });
});

describe('enhanced JQL search', () => {
  const keys = (body: { issues: { key: string }[] }): string[] => body.issues.map((i) => i.key);

  it('returns only ids unless fields are requested', async () => {
    const res = await s.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SHOP')}`);
    expect(res.status).toBe(200);
    expect(res.body.isLast).toBe(true);
    for (const issue of res.body.issues) expect(Object.keys(issue)).toEqual(['id']);
  });

  it('supports project, labels, fixVersion, affectedVersion, issuetype and ORDER BY', async () => {
    const q = async (jql: string) => (await s.call('POST', '/rest/api/3/search/jql', { body: { jql, fields: ['summary'] } })).body;
    expect(keys(await q('project = SHOP AND labels = "cs-l3" ORDER BY created ASC'))).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-4']);
    expect(keys(await q('labels in ("carts", "gift-cards") ORDER BY key ASC'))).toEqual(['SHOP-1', 'SHOP-3']);
    expect(keys(await q('fixVersion = 10002 ORDER BY key DESC'))).toEqual(['SHOP-2', 'SHOP-1']);
    expect(keys(await q('fixVersion = "2027.01 Saved carts"'))).toEqual(['SHOP-3']);
    expect(keys(await q('affectedVersion = 10001'))).toEqual(['SHOP-2']);
    expect(keys(await q('project = OPS AND issuetype = Task'))).toEqual(['OPS-1']);
    expect(keys(await q('project = 10000 AND issuetype = Bug AND labels != carts ORDER BY key ASC'))).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-4']);
  });

  it('pages with nextPageToken', async () => {
    const jql = 'project = SHOP ORDER BY key ASC';
    const first = await s.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&maxResults=3&fields=summary`);
    expect(keys(first.body)).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3']);
    expect(first.body).toMatchObject({ isLast: false, nextPageToken: expect.any(String) });
    const second = await s.call('POST', '/rest/api/3/search/jql', { body: { jql, maxResults: 3, fields: ['summary'], nextPageToken: first.body.nextPageToken } });
    expect(keys(second.body)).toEqual(['SHOP-4']);
    expect(second.body.isLast).toBe(true);
    expect(second.body).not.toHaveProperty('nextPageToken');
    expectJiraError(await s.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = OPS', nextPageToken: first.body.nextPageToken } }), 400);
  });

  it('only finds issues in projects the caller can browse', async () => {
    const outsider = await s.call('POST', '/rest/api/3/search/jql', { as: 'outsider', body: { jql: 'labels = cs-l3', fields: ['summary'] } });
    expect(keys(outsider.body)).toEqual(['OPS-1']);
    const named = await s.call('POST', '/rest/api/3/search/jql', { as: 'outsider', body: { jql: 'project = SHOP' } });
    expectJiraError(named, 400);
    expect(named.body.errorMessages[0]).toBe("The value 'SHOP' does not exist for the field 'project'.");
  });

  it('refuses unsupported or unbounded JQL with a message naming the problem', async () => {
    const msg = async (jql: string) => {
      const res = await s.call('POST', '/rest/api/3/search/jql', { body: { jql } });
      expectJiraError(res, 400);
      return res.body.errorMessages[0] as string;
    };
    expect(await msg('project = SHOP OR project = OPS')).toMatch(/'OR' is not supported/);
    expect(await msg('summary ~ "gift"')).toMatch(/Field 'summary' does not exist/);
    expect(await msg('project ~ SHOP')).toMatch(/operator '~'/);
    expect(await msg('project = SHOP ORDER BY rank')).toMatch(/rank/);
    expect(await msg('')).toMatch(/Unbounded JQL/);
    expect(await msg('labels = "unterminated')).toMatch(/has not been completed/);
    expect(await msg('fixVersion = 424242')).toMatch(/The value '424242' does not exist for the field 'fixVersion'/);
  });

  it('counts with approximate-count', async () => {
    const res = await s.call('POST', '/rest/api/3/search/approximate-count', { body: { jql: 'labels = cs-l3' } });
    expect(res.body).toEqual({ count: 4 });
  });
});
