import { createJira } from '#jira';
import { fakeJira, type Sent } from './fake-jira';

const versionJson = (id: number, extra: Record<string, unknown> = {}) => ({
  self: `https://x/rest/api/3/version/${id}`,
  id: String(id),
  name: `v${id}`,
  archived: false,
  released: false,
  projectId: 10000,
  ...extra,
});

describe('versions', () => {
  it('maps a version, with defaults for what Jira leaves out', async () => {
    const { fetch, sent } = fakeJira(() => ({ status: 200, body: versionJson(10002, { releaseDate: '2026-07-08', description: 'Gift cards' }) }));
    expect(await createJira(fetch).getVersion('10002')).toEqual({
      id: '10002',
      name: 'v10002',
      description: 'Gift cards',
      releaseDate: '2026-07-08',
      released: false,
      archived: false,
      projectId: '10000',
    });
    expect(sent).toEqual([{ as: 'user', method: 'GET', path: '/rest/api/3/version/10002', body: undefined }]);
    const bare = fakeJira(() => ({ status: 200, body: { id: '1', name: 'n', projectId: '7' } }));
    expect(await createJira(bare.fetch).getVersion('1')).toMatchObject({ description: '', releaseDate: null, released: false, projectId: '7' });
  });

  it('follows pages until isLast', async () => {
    const all = Array.from({ length: 230 }, (_, i) => versionJson(20000 + i));
    const { fetch, sent } = fakeJira(({ path }) => {
      const query = new URL(path, 'https://x').searchParams;
      const startAt = Number(query.get('startAt'));
      const max = Math.min(Number(query.get('maxResults')), 100);
      const values = all.slice(startAt, startAt + max);
      return { status: 200, body: { startAt, maxResults: max, total: all.length, isLast: startAt + max >= all.length, values } };
    });
    const versions = await createJira(fetch).listProjectVersions('SHOP');
    expect(versions.map((v) => v.id)).toEqual(all.map((v) => v.id));
    expect(sent.map((s) => s.path)).toEqual([
      '/rest/api/3/project/SHOP/version?startAt=0&maxResults=100',
      '/rest/api/3/project/SHOP/version?startAt=100&maxResults=100',
      '/rest/api/3/project/SHOP/version?startAt=200&maxResults=100',
    ]);
  });

  it('with total, asks for every remaining page at once (2 rounds); without total, follows isLast', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => versionJson(30000 + i));
    let inFlight = 0;
    let maxInFlight = 0;
    const page =
      (withTotal: boolean) =>
      async ({ path }: { path: string }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        const startAt = Number(new URL(path, 'https://x').searchParams.get('startAt'));
        const values = all.slice(startAt, startAt + 100);
        return { status: 200, body: { startAt, maxResults: 100, ...(withTotal ? { total: all.length } : {}), isLast: startAt + 100 >= all.length, values } };
      };
    const parallel = fakeJira(page(true));
    expect((await createJira(parallel.fetch).listProjectVersions('SHOP')).map((v) => v.id)).toEqual(all.map((v) => v.id));
    expect(parallel.sent).toHaveLength(10);
    expect(maxInFlight).toBe(9);
    maxInFlight = 0;
    const walk = fakeJira(page(false));
    expect(await createJira(walk.fetch).listProjectVersions('SHOP')).toHaveLength(1000);
    expect(walk.sent).toHaveLength(10);
    expect(maxInFlight).toBe(1);
  });

  it('stops on an empty page even without isLast', async () => {
    const { fetch, sent } = fakeJira(() => ({ status: 200, body: { values: [], isLast: false } }));
    expect(await createJira(fetch).listProjectVersions('SHOP')).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});

describe('project properties', () => {
  it('reads the value as the user, and null when absent', async () => {
    const { fetch, sent } = fakeJira(({ path }) =>
      path.endsWith('.10002') ? { status: 200, body: { key: 'cs-handoff.version.10002', value: { a: 1 } } } : { status: 404, body: { errorMessages: ['not found'] } },
    );
    const jira = createJira(fetch);
    expect(await jira.getProjectProperty('SHOP', 'cs-handoff.version.10002')).toEqual({ a: 1 });
    expect(await jira.getProjectProperty('SHOP', 'cs-handoff.version.10003')).toBeNull();
    expect(sent[0]).toMatchObject({ as: 'user', path: '/rest/api/3/project/SHOP/properties/cs-handoff.version.10002' });
  });

  it('writes the value as the app', async () => {
    const { fetch, sent } = fakeJira(() => ({ status: 201 }));
    await createJira(fetch).putProjectProperty('SHOP', 'cs-handoff.index', { schemaVersion: 1, versions: {} });
    expect(sent).toEqual([{ as: 'app', method: 'PUT', path: '/rest/api/3/project/SHOP/properties/cs-handoff.index', body: { schemaVersion: 1, versions: {} } }]);
  });

  it('refuses a path-manipulating key before calling Jira', async () => {
    const { fetch, sent } = fakeJira(() => ({ status: 200 }));
    await expect(createJira(fetch).getProjectProperty('SHOP', '../../myself')).rejects.toThrow();
    expect(sent).toHaveLength(0);
  });
});

describe('permissions, myself, related work', () => {
  it("asks for the caller's own permissions in the project", async () => {
    const { fetch, sent } = fakeJira(() => ({
      status: 200,
      body: { permissions: { BROWSE_PROJECTS: { havePermission: true }, EDIT_ISSUES: { havePermission: false }, ADMINISTER_PROJECTS: { key: 'x' } } },
    }));
    expect(await createJira(fetch).getMyPermissions('SHOP')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, ADMINISTER_PROJECTS: false });
    expect(sent[0]).toMatchObject<Partial<Sent>>({
      as: 'user',
      path: '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES%2CADMINISTER_PROJECTS',
    });
  });

  it('reads who the caller is', async () => {
    const { fetch } = fakeJira(() => ({ status: 200, body: { accountId: 'acc-1', displayName: 'Priya Patel', active: true } }));
    expect(await createJira(fetch).getMyself()).toEqual({ accountId: 'acc-1', displayName: 'Priya Patel' });
  });

  it('creates a related-work link as the app', async () => {
    const { fetch, sent } = fakeJira(({ body }) => ({ status: 201, body: { ...(body as object), relatedWorkId: 'uuid-1' } }));
    const link = { category: 'Communications', title: 'CS Handoff', url: 'https://site/x' };
    expect(await createJira(fetch).createRelatedWork('10002', link)).toEqual({ ...link, relatedWorkId: 'uuid-1' });
    expect(sent[0]).toEqual({ as: 'app', method: 'POST', path: '/rest/api/3/version/10002/relatedwork', body: link });
  });
});
