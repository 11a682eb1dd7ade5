import { EMAIL, expectJiraError, start, TODAY, type Running } from './harness';

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

describe('authentication and visibility', () => {
  it('answers 401 with Jira error body when no credentials are sent', async () => {
    const res = await s.call('GET', '/rest/api/3/project/SHOP', { as: 'anonymous' });
    expectJiraError(res, 401);
  });

  it('answers 401 for an unknown basic-auth user and for a wrong app secret', async () => {
    const stranger = `Basic ${Buffer.from('nobody@example.com:x').toString('base64')}`;
    expectJiraError(await s.call('GET', '/rest/api/3/myself', { as: { header: stranger } }), 401);
    expectJiraError(await s.call('GET', '/rest/api/3/myself', { as: { header: 'ForgeApp not-the-secret' } }), 401);
  });

  it('serves serverInfo anonymously, with the site time zone', async () => {
    const res = await s.call('GET', '/rest/api/3/serverInfo', { as: 'anonymous' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ baseUrl: s.base, deploymentType: 'Cloud', serverTimeZone: 'UTC' });
  });

  it("serves serverInfo to the app with Jira's shape: the app builds every link from its baseUrl", async () => {
    const res = await s.call('GET', '/rest/api/3/serverInfo', { as: 'app' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      baseUrl: s.base,
      displayUrl: s.base,
      version: expect.any(String),
      versionNumbers: [expect.any(Number), expect.any(Number), expect.any(Number)],
      deploymentType: 'Cloud',
      buildNumber: expect.any(Number),
      buildDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/),
      serverTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/),
      serverTimeZone: 'UTC',
      scmInfo: expect.any(String),
      serverTitle: expect.any(String),
      defaultLocale: { locale: 'en_US' },
    });
    expect(new URL(String(res.body.baseUrl)).pathname).toBe('/');
  });

  it('identifies basic auth, ForgeUser, ForgeApp and the person cookie', async () => {
    const carlos = s.site.people.find((p) => p.role === 'cs-lead');
    expect(carlos).toBeDefined();
    const me = await s.call('GET', '/rest/api/3/myself', { as: 'agent' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: 'Ana Silva', emailAddress: 'ana@shop.example', accountType: 'atlassian', timeZone: 'UTC' });

    const asUser = await s.call('GET', '/rest/api/3/myself', { as: { header: `ForgeUser ${s.site.appSecret} ${carlos?.accountId}` } });
    expect(asUser.body.accountId).toBe(carlos?.accountId);

    const asApp = await s.call('GET', '/rest/api/3/myself', { as: 'app' });
    expect(asApp.body).toMatchObject({ accountId: s.site.appAccountId, accountType: 'app', displayName: 'CS Handoff (app)' });

    const byCookie = await s.call('GET', '/rest/api/3/myself', { as: 'anonymous', headers: { cookie: `local-site-person=${carlos?.accountId}` } });
    expect(byCookie.body.accountId).toBe(carlos?.accountId);
  });

  it('refuses a cookie-authenticated form post (XSRF check)', async () => {
    const rita = s.site.people.find((p) => p.role === 'release-manager');
    const res = await s.call('POST', '/rest/api/3/version', {
      as: 'anonymous',
      rawBody: 'name=x',
      headers: { cookie: `local-site-person=${rita?.accountId}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectJiraError(res, 403);
  });

  it('answers 404, not 403, when the outsider asks for SHOP', async () => {
    const res = await s.call('GET', '/rest/api/3/project/SHOP', { as: 'outsider' });
    expectJiraError(res, 404);
    expect(res.body.errorMessages[0]).toBe("No project could be found with key 'SHOP'.");
    const version = await s.call('GET', '/rest/api/3/version/10002', { as: 'outsider' });
    expectJiraError(version, 404);
    const ops = await s.call('GET', '/rest/api/3/project/OPS', { as: 'outsider' });
    expect(ops.status).toBe(200);
  });

  it('principalOf maps requests to principals', () => {
    const req = { headers: { authorization: `ForgeApp ${s.site.appSecret}` } } as never;
    expect(s.site.principalOf(req)).toEqual({ kind: 'app' });
    expect(s.site.principalOf({ headers: {} } as never)).toEqual({ kind: 'anonymous' });
  });
});

describe('routing and malformed input', () => {
  it('answers 404 with Jira body for unknown /rest/api/3 paths', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/nope'), 404);
  });

  it('answers 405 for GET /rest/api/3/version', async () => {
    const res = await s.call('GET', '/rest/api/3/version');
    expectJiraError(res, 405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('leaves other paths to the caller', async () => {
    const res = await fetch(`${s.base}/index.html`);
    expect(res.status).toBe(418);
  });

  it('answers 400 for malformed JSON and 415 for a non-JSON body', async () => {
    const res = await s.call('PUT', '/rest/api/3/version/10002', { rawBody: '{"released": tru' });
    expectJiraError(res, 400);
    expect(res.body.errorMessages[0]).toMatch(/Invalid request payload/);
    const form = await s.call('PUT', '/rest/api/3/version/10002', { rawBody: 'released=true', headers: { 'content-type': 'text/plain' } });
    expectJiraError(form, 415);
  });

  it('answers 413 for a body over the request limit', async () => {
    const res = await s.call('POST', '/rest/api/3/issue', { rawBody: JSON.stringify({ x: 'a'.repeat(6 * 1024 * 1024) }) });
    expectJiraError(res, 413);
  });
});

describe('project and version shapes', () => {
  it('returns the project with issue types and versions', async () => {
    const res = await s.call('GET', '/rest/api/3/project/10000');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '10000', key: 'SHOP', name: 'Shop', projectTypeKey: 'software' });
    expect(res.body.issueTypes.map((t: { name: string }) => t.name).sort()).toEqual(['Bug', 'Story', 'Task']);
    expect(res.body.versions).toHaveLength(3);
  });

  it('returns Jira version JSON', async () => {
    const res = await s.call('GET', '/rest/api/3/version/10001', { as: 'agent' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      self: `${s.base}/rest/api/3/version/10001`,
      id: '10001',
      name: '2026.10 Checkout',
      description: expect.any(String),
      archived: false,
      released: true,
      releaseDate: '2026-05-16',
      userReleaseDate: '16/May/2026',
      overdue: false,
      projectId: 10000,
    });
    const gift = await s.call('GET', '/rest/api/3/version/10002');
    expect(gift.body).toMatchObject({ releaseDate: '2026-06-18', released: false, overdue: false });
  });

  it('answers 404 for an unknown version with Jira message', async () => {
    const res = await s.call('GET', '/rest/api/3/version/99999');
    expectJiraError(res, 404);
    expect(res.body.errorMessages).toEqual(["Could not find version for id '99999'"]);
  });

  it('has no Bug type in OPS createmeta', async () => {
    const shop = await s.call('GET', '/rest/api/3/issue/createmeta/SHOP/issuetypes', { as: 'po' });
    expect(shop.body).toMatchObject({ startAt: 0, maxResults: 50, total: 3 });
    expect(shop.body.issueTypes.map((t: { name: string }) => t.name)).toContain('Bug');
    const ops = await s.call('GET', '/rest/api/3/issue/createmeta/OPS/issuetypes', { as: 'po' });
    expect(ops.body.issueTypes.map((t: { id: string; name: string }) => [t.id, t.name])).toEqual([['10001', 'Task']]);
  });

  it('refuses createmeta maxResults over 200 (the spec maximum) instead of clamping it', async () => {
    expect((await s.call('GET', '/rest/api/3/issue/createmeta/SHOP/issuetypes?maxResults=200', { as: 'po' })).body).toMatchObject({ maxResults: 200, total: 3 });
    const over = await s.call('GET', '/rest/api/3/issue/createmeta/SHOP/issuetypes?maxResults=201', { as: 'po' });
    expectJiraError(over, 400);
    expect(over.body.errorMessages).toEqual(['maxResults must be 200 or less.']);
  });
});

describe('version writes', () => {
  it('validates required fields on create (400 with errors.name)', async () => {
    const res = await s.call('POST', '/rest/api/3/version', { body: { projectId: 10000 } });
    expectJiraError(res, 400);
    expect(res.body.errors.name).toBeDefined();
    const dup = await s.call('POST', '/rest/api/3/version', { body: { projectId: 10000, name: '2026.10 checkout' } });
    expect(dup.status).toBe(400);
    expect(dup.body.errors.name).toMatch(/already exists/);
  });

  it('refuses version edits without ADMINISTER_PROJECTS and bad dates, both with 400 as Jira does', async () => {
    // Jira's spec: PUT /version/{id} answers 400 when "the user does not have the required permissions".
    const refused = await s.call('PUT', '/rest/api/3/version/10003', { as: 'po', body: { name: 'x' } });
    expectJiraError(refused, 400);
    expect(refused.body.errorMessages).toEqual(['You must have global or project administrator rights in order to modify versions.']);
    expect((await s.call('GET', '/rest/api/3/version/10003')).body.name).not.toBe('x');
    const bad = await s.call('PUT', '/rest/api/3/version/10003', { body: { releaseDate: '2026-02-30' } });
    expectJiraError(bad, 400);
    expect(bad.body.errors.releaseDate).toBeDefined();
  });

  it('creates, updates and deletes a version', async () => {
    const created = await s.call('POST', '/rest/api/3/version', { body: { project: 'SHOP', name: '2027.03 Wishlists', releaseDate: '2026-06-01' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '2027.03 Wishlists', projectId: 10000, released: false, overdue: true });
    const id = created.body.id as string;
    const updated = await s.call('PUT', `/rest/api/3/version/${id}`, { body: { description: 'Later', releaseDate: null } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ description: 'Later', overdue: false });
    expect(updated.body.releaseDate).toBeUndefined();
    expect((await s.call('DELETE', `/rest/api/3/version/${id}`)).status).toBe(204);
    expect((await s.call('GET', `/rest/api/3/version/${id}`)).status).toBe(404);
  });

  it('sets releaseDate to today when released without one', async () => {
    const created = await s.call('POST', '/rest/api/3/version', { body: { projectId: 10010, name: 'Ops undated' } });
    const released = await s.call('PUT', `/rest/api/3/version/${created.body.id}`, { body: { released: true } });
    expect(released.body).toMatchObject({ released: true, releaseDate: TODAY });
  });
});

describe('related work', () => {
  /** The seed has nobody but the app with Resolve Issues; grant it to see that Jira wants both permissions. */
  const grant = (as: 'po' | 'lead', permission: string) => {
    const accountId = s.site.people.find((p) => p.emailAddress === EMAIL[as])?.accountId;
    (s.site.store as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): void } } }).db
      .prepare('INSERT INTO grants (account_id, project_id, permission) VALUES (?, ?, ?)')
      .run(accountId, 10000, permission);
  };

  it('needs Resolve Issues and Edit Issues (Jira spec), not either, not Administer Projects', async () => {
    const body = { category: 'Docs', title: 'CS handoff', url: 'https://example.test/handoff/10002' };
    // Agent: neither. Rita: Edit + Administer Projects, no Resolve. Priya: Edit only.
    for (const as of ['agent', 'rm', 'po'] as const) {
      const refused = await s.call('POST', '/rest/api/3/version/10002/relatedwork', { as, body });
      expectJiraError(refused, 403);
    }
    grant('lead', 'RESOLVE_ISSUES'); // Resolve only
    expectJiraError(await s.call('POST', '/rest/api/3/version/10002/relatedwork', { as: 'lead', body }), 403);
    grant('po', 'RESOLVE_ISSUES'); // now both
    const created = await s.call('POST', '/rest/api/3/version/10002/relatedwork', { as: 'po', body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...body, relatedWorkId: expect.any(String) });
  });

  it('creates and lists related work as the app; a missing category is a 400', async () => {
    const body = { category: 'Docs', title: 'CS handoff (app)', url: 'https://example.test/handoff/10003' };
    const missing = await s.call('POST', '/rest/api/3/version/10003/relatedwork', { as: 'app', body: { title: 'x', url: 'https://x.test' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.category).toBeDefined();
    const created = await s.call('POST', '/rest/api/3/version/10003/relatedwork', { as: 'app', body });
    expect(created.status).toBe(201);
    const list = await s.call('GET', '/rest/api/3/version/10003/relatedwork', { as: 'agent' });
    expect(list.body).toEqual([created.body]);
  });
});

describe('mypermissions', () => {
  it('requires the permissions parameter', async () => {
    expectJiraError(await s.call('GET', '/rest/api/3/mypermissions?projectKey=SHOP'), 400);
  });

  it('answers per project and person', async () => {
    const agent = await s.call('GET', '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER_PROJECTS', { as: 'agent' });
    expect(agent.status).toBe(200);
    expect(agent.body.permissions.BROWSE_PROJECTS).toEqual({
      id: '10',
      key: 'BROWSE_PROJECTS',
      name: 'Browse Projects',
      type: 'PROJECT',
      description: expect.any(String),
      havePermission: true,
    });
    expect(agent.body.permissions.EDIT_ISSUES.havePermission).toBe(false);
    const rm = await s.call('GET', '/rest/api/3/mypermissions?projectId=10000&permissions=ADMINISTER_PROJECTS', { as: 'rm' });
    expect(rm.body.permissions.ADMINISTER_PROJECTS.havePermission).toBe(true);
    expectJiraError(await s.call('GET', '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS', { as: 'outsider' }), 404);
  });
});
