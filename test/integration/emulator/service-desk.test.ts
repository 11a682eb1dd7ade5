import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expectJiraError, start, type Running } from './harness';

let s: Running;
let bugKey: string;
let taskKey: string;
beforeAll(async () => {
  s = await start();
  const bug = await s.call('POST', '/rest/api/3/issue', {
    as: 'po',
    body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'Refund lands on a gift card' } },
  });
  const task = await s.call('POST', '/rest/api/3/issue', {
    as: 'po',
    body: { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Explain refunds in the handoff' } },
  });
  expect([bug.status, task.status]).toEqual([201, 201]);
  bugKey = bug.body.key;
  taskKey = task.body.key;
});
afterAll(() => s.stop());

const linksOf = async (key: string, as: 'support' | 'po' | 'rm' = 'support'): Promise<any[]> => {
  const res = await s.call('GET', `/rest/api/3/issue/${key}?fields=issuelinks`, { as });
  expect(res.status).toBe(200);
  return res.body.fields.issuelinks;
};

describe('the HELP service project and the support agent', () => {
  it('is a service_desk project the support agent browses, with customer requests', async () => {
    const project = await s.call('GET', '/rest/api/3/project/HELP', { as: 'support' });
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ key: 'HELP', projectTypeKey: 'service_desk' });
    const found = await s.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HELP ORDER BY key')}&fields=summary,description,reporter,issuetype`, { as: 'support' });
    expect(found.status).toBe(200);
    expect(found.body.issues).toHaveLength(6);
    const first = found.body.issues[0];
    expect(first.key).toBe('HELP-1');
    expect(first.fields.issuetype.name).toBe('Service request');
    expect(first.fields.reporter.displayName).toBe('Dana Reyes');
    expect(first.fields.description).toMatchObject({
      type: 'doc',
      version: 1,
      content: expect.arrayContaining([{ type: 'paragraph', content: [{ type: 'text', text: expect.stringContaining('refund') }] }]),
    });
    expect(found.body.issues.map((i: any) => i.fields.summary).join(' ')).toMatch(/gift card/i);
  });

  it('hides HELP from people outside it (404, as Jira)', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/project/HELP', { as: 'agent' }), 404);
    expectJiraError(await s.call('GET', '/rest/api/3/issue/HELP-1', { as: 'po' }), 404);
  });

  it('lets the support agent browse SHOP, but not edit its issues or versions', async () => {
    const perms = await s.call('GET', '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,LINK_ISSUES,ADMINISTER_PROJECTS', { as: 'support' });
    expect(perms.status).toBe(200);
    const have = Object.fromEntries(Object.entries(perms.body.permissions).map(([k, v]: [string, any]) => [k, v.havePermission]));
    expect(have).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, LINK_ISSUES: true, ADMINISTER_PROJECTS: false });
    expectJiraError(await s.call('PUT', '/rest/api/3/version/10003', { as: 'support', body: { name: 'Renamed by support' } }), 400);
    expect((await s.call('GET', '/rest/api/3/version/10003', { as: 'support' })).body.name).toBe('2027.01 Saved carts');
  });

  it('puts the support agent in the person picker, and never the customer', () => {
    const names = s.site.people.map((p) => `${p.displayName}:${p.role}`);
    expect(names).toContain('Sam Support:support-agent');
    expect(names.some((n) => n.startsWith('Dana Reyes'))).toBe(false);
  });
});

describe('issue link types and issue links', () => {
  it('lists the link types with Jira’s shape, Relates among them', async () => {
    const res = await s.call('GET', '/rest/api/3/issueLinkType', { as: 'support' });
    expect(res.status).toBe(200);
    expect(res.body.issueLinkTypes).toContainEqual({ id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to', self: `${s.base}/rest/api/3/issueLinkType/10003` });
    for (const t of res.body.issueLinkTypes) expect(Object.keys(t).sort()).toEqual(['id', 'inward', 'name', 'outward', 'self']);
    expectJiraError(await s.call('GET', '/rest/api/3/issueLinkType', { as: 'anonymous' }), 401);
  });

  it('links a request to a bug: 201 with no body, each side sees the other, the "from" issue as outward', async () => {
    const res = await s.call('POST', '/rest/api/3/issueLink', {
      as: 'support',
      body: { type: { name: 'Blocks' }, outwardIssue: { key: bugKey }, inwardIssue: { key: 'HELP-1' } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toBeUndefined();
    const onBug = await linksOf(bugKey);
    expect(onBug).toEqual([
      {
        id: expect.any(String),
        self: expect.stringContaining('/rest/api/3/issueLink/'),
        type: expect.objectContaining({ name: 'Blocks', outward: 'blocks' }),
        outwardIssue: expect.objectContaining({ key: 'HELP-1', fields: expect.objectContaining({ summary: expect.any(String) }) }),
      },
    ]);
    const onRequest = await linksOf('HELP-1');
    expect(onRequest).toEqual([expect.objectContaining({ id: onBug[0].id, inwardIssue: expect.objectContaining({ key: bugKey }) })]);
    // A duplicate is answered as created and adds nothing.
    expect((await s.call('POST', '/rest/api/3/issueLink', { as: 'support', body: { type: { id: '10000' }, outwardIssue: { key: bugKey }, inwardIssue: { key: 'HELP-1' } } })).status).toBe(201);
    expect(await linksOf('HELP-1')).toHaveLength(1);
  });

  it('leaves links to issues the reader cannot browse out of issuelinks', async () => {
    expect(await linksOf(bugKey, 'po')).toEqual([]);
  });

  it('returns issuelinks with every field by default', async () => {
    const res = await s.call('GET', '/rest/api/3/issue/HELP-1', { as: 'support' });
    expect(res.body.fields.issuelinks).toHaveLength(1);
  });

  it('refuses, with 404 and nothing written, a person who cannot browse one of the issues', async () => {
    const before = await linksOf(taskKey, 'rm');
    // Priya may link in SHOP but cannot browse HELP; Ana cannot browse HELP either.
    for (const as of ['po', 'agent'] as const) {
      expectJiraError(await s.call('POST', '/rest/api/3/issueLink', { as, body: { type: { name: 'Relates' }, outwardIssue: { key: taskKey }, inwardIssue: { key: 'HELP-2' } } }), 404);
    }
    expect(await linksOf(taskKey, 'rm')).toEqual(before);
    expect(await linksOf('HELP-2')).toEqual([]);
  });

  it('refuses, with 404 and nothing written, a person without Link Issues on the outward issue’s project', async () => {
    // Carlos browses SHOP but may not link there.
    const res = await s.call('POST', '/rest/api/3/issueLink', { as: 'lead', body: { type: { name: 'Relates' }, outwardIssue: { key: taskKey }, inwardIssue: { key: bugKey } } });
    expectJiraError(res, 404);
    expect(res.body.errorMessages[0]).toBe(`No Link Issue Permission for issue '${taskKey}'.`);
    expect(await linksOf(taskKey, 'rm')).toEqual([]);
  });

  it('names what is wrong with a bad link request', async () => {
    const bad = async (body: unknown, status: number, text: RegExp): Promise<void> => {
      const res = await s.call('POST', '/rest/api/3/issueLink', { as: 'support', body });
      expectJiraError(res, status);
      expect(JSON.stringify(res.body)).toMatch(text);
    };
    await bad({ type: { name: 'Causes' }, outwardIssue: { key: 'HELP-1' }, inwardIssue: { key: bugKey } }, 404, /No issue link type with name 'Causes'/);
    await bad({ outwardIssue: { key: 'HELP-1' }, inwardIssue: { key: bugKey } }, 400, /link type is required/);
    await bad({ type: { name: 'Relates' }, outwardIssue: { key: 'HELP-1' } }, 400, /inwardIssue/);
    await bad({ type: { name: 'Relates' }, outwardIssue: { key: 'HELP-1' }, inwardIssue: { key: 'HELP-1' } }, 400, /itself/);
    await bad({ type: { name: 'Relates' }, outwardIssue: { key: 'HELP-999' }, inwardIssue: { key: 'HELP-1' } }, 404, /does not exist/);
    expect(await linksOf('HELP-1')).toHaveLength(1);
  });
});

describe('issue entity properties', () => {
  const path = (key: string, prop = 'cs-handoff.release'): string => `/rest/api/3/issue/${key}/properties/${prop}`;

  it('creates (201), replaces (200), reads, lists and deletes a property', async () => {
    const value = { versionId: '10003', versionName: '2027.01 Saved carts', projectKey: 'SHOP', stage: '5%' };
    expect((await s.call('PUT', path('HELP-3'), { as: 'support', body: value })).status).toBe(201);
    expect((await s.call('PUT', path('HELP-3'), { as: 'support', body: { ...value, stage: '25%' } })).status).toBe(200);
    const got = await s.call('GET', path('HELP-3'), { as: 'support' });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ key: 'cs-handoff.release', value: { ...value, stage: '25%' } });
    const keys = await s.call('GET', '/rest/api/3/issue/HELP-3/properties', { as: 'support' });
    expect(keys.body).toEqual({ keys: [{ key: 'cs-handoff.release', self: `${s.base}${path('HELP-3')}` }] });
    expect((await s.call('DELETE', path('HELP-3'), { as: 'support' })).status).toBe(204);
    expectJiraError(await s.call('GET', path('HELP-3'), { as: 'support' }), 404);
    expectJiraError(await s.call('DELETE', path('HELP-3'), { as: 'support' }), 404);
  });

  it('answers 404 to someone who cannot browse the issue, and 403 to someone who cannot edit it, writing nothing', async () => {
    expect((await s.call('PUT', path('HELP-4'), { as: 'support', body: { stage: '1%' } })).status).toBe(201);
    expectJiraError(await s.call('GET', path('HELP-4'), { as: 'po' }), 404);
    expectJiraError(await s.call('PUT', path('HELP-4'), { as: 'po', body: { stage: 'x' } }), 404);
    expectJiraError(await s.call('DELETE', path('HELP-4'), { as: 'po' }), 404);
    // Sam browses SHOP but cannot edit its issues.
    expectJiraError(await s.call('PUT', path(bugKey), { as: 'support', body: { stage: '1%' } }), 403);
    expectJiraError(await s.call('GET', path(bugKey), { as: 'rm' }), 404);
    expect((await s.call('GET', path('HELP-4'), { as: 'support' })).body.value).toEqual({ stage: '1%' });
  });

  it('refuses a value over 32,768 bytes and an empty body', async () => {
    const big = await s.call('PUT', path('HELP-5'), { as: 'support', body: { text: 'x'.repeat(32_800) } });
    expectJiraError(big, 400);
    expect(big.body.errorMessages[0]).toMatch(/too large/);
    expectJiraError(await s.call('PUT', path('HELP-5'), { as: 'support' }), 400);
    expectJiraError(await s.call('GET', path('HELP-5'), { as: 'support' }), 404);
  });
});

describe('JQL on indexed issue properties', () => {
  const jql = async (query: string, as: 'support' | 'po' = 'support'): Promise<{ status: number; keys: string[]; body: any }> => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { as, body: { jql: query, fields: ['summary'] } });
    return { status: res.status, keys: res.status === 200 ? res.body.issues.map((i: any) => i.key).sort() : [], body: res.body };
  };

  beforeAll(async () => {
    s.site.store.indexedIssueProperties = [
      { propertyKey: 'cs-handoff.release', path: 'versionId', type: 'string', searchAlias: 'csHandoffVersion' },
      { propertyKey: 'cs-handoff.release', path: 'stage', type: 'string', searchAlias: 'csHandoffStage' },
      { propertyKey: 'cs-handoff.release', path: 'order', type: 'number' },
    ];
    const put = (key: string, value: unknown) => s.call('PUT', `/rest/api/3/issue/${key}/properties/cs-handoff.release`, { as: 'support', body: value });
    for (const [key, value] of [
      ['HELP-1', { versionId: '10003', stage: '5%', order: 1, note: 'unindexed' }],
      ['HELP-2', { versionId: '10003', stage: '25%', order: 2 }],
      ['HELP-6', { versionId: '10002', stage: '5%', order: 3 }],
    ] as const)
      expect((await put(key, value)).status).toBeLessThan(300);
  });

  it('finds requests by issue.property[key].path, per stage', async () => {
    expect((await jql('issue.property[cs-handoff.release].versionId = 10003')).keys).toEqual(['HELP-1', 'HELP-2']);
    expect((await jql('issue.property[cs-handoff.release].versionId = "10003" AND issue.property[cs-handoff.release].stage = "5%"')).keys).toEqual(['HELP-1']);
    expect((await jql('issue.property[cs-handoff.release].stage in ("5%", "25%") AND project = HELP')).keys).toEqual(['HELP-1', 'HELP-2', 'HELP-6']);
    // HELP-4 is at 1% since the properties test above; requests without the property are not "!=".
    expect((await jql('issue.property[cs-handoff.release].stage != "5%"')).keys).toEqual(['HELP-2', 'HELP-4']);
  });

  it('finds them by the declared alias too, and compares number paths as numbers', async () => {
    expect((await jql('csHandoffVersion = 10002')).keys).toEqual(['HELP-6']);
    expect((await jql('csHandoffStage = "25%"')).keys).toEqual(['HELP-2']);
    expect((await jql('issue.property[cs-handoff.release].order = 2.0')).keys).toEqual(['HELP-2']);
  });

  it('matches nothing on a path no app declared (Jira indexes only declared paths)', async () => {
    const res = await jql('issue.property[cs-handoff.release].note = unindexed');
    expect(res.status).toBe(200);
    expect(res.keys).toEqual([]);
  });

  it('refuses an alias nobody declared, naming the field', async () => {
    const res = await jql('csHandoffNothing = 1');
    expectJiraError({ status: res.status, body: res.body }, 400);
    expect(res.body.errorMessages[0]).toMatch(/csHandoffNothing/);
  });

  it('shows nobody requests in a project they cannot browse', async () => {
    expect((await jql('issue.property[cs-handoff.release].versionId = 10003', 'po')).keys).toEqual([]);
  });
});

describe('the service-desk seed on restart', () => {
  it('adds nothing twice when the site starts again on the same data folder, and keeps what people wrote', async () => {
    const first = await start();
    try {
      expect((await first.call('PUT', '/rest/api/3/issue/HELP-2/properties/note', { as: 'support', body: { kept: true } })).status).toBe(201);
    } finally {
      await first.stop(false);
    }
    const again = await start({ dataDir: first.dataDir });
    try {
      const found = await again.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HELP')}`, { as: 'support' });
      expect(found.body.issues).toHaveLength(6);
      expect((await again.call('GET', '/rest/api/3/issue/HELP-2/properties/note', { as: 'support' })).body.value).toEqual({ kept: true });
      expect(again.site.people.filter((p) => p.role === 'support-agent')).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });

  it('adds HELP, Sam and the link grants to a data folder made before they existed', async () => {
    const old = await start();
    await old.stop(false);
    // What a data folder from before the service desk holds: no HELP, no Sam, no customer, no Link issues grants.
    const db = new Database(join(old.dataDir, 'jira.sqlite'));
    db.exec(`DELETE FROM issues WHERE project_id = 10020; DELETE FROM project_issue_types WHERE project_id = 10020; DELETE FROM grants WHERE project_id = 10020 OR permission = 'LINK_ISSUES';
      DELETE FROM grants WHERE account_id IN (SELECT account_id FROM people WHERE role IN ('support-agent', 'customer')); DELETE FROM projects WHERE id = 10020;
      DELETE FROM people WHERE role IN ('support-agent', 'customer');`);
    db.close();
    const upgraded = await start({ dataDir: old.dataDir });
    try {
      expect((await upgraded.call('GET', '/rest/api/3/project/HELP', { as: 'support' })).body.projectTypeKey).toBe('service_desk');
      const perms = await upgraded.call('GET', '/rest/api/3/mypermissions?projectKey=SHOP&permissions=LINK_ISSUES', { as: 'po' });
      expect(perms.body.permissions.LINK_ISSUES.havePermission).toBe(true);
    } finally {
      await upgraded.stop();
    }
  });
});
