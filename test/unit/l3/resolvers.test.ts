/**
 * The two L3 resolvers against a fake Jira: the exact calls they make, what they return, and that
 * the prefill is exactly what `@forge/jira-bridge`'s CreateIssueModal takes.
 */
import type { CreateIssueModal } from '@forge/jira-bridge';
import type { L3Prefill, L3Summary, Result } from '#contract';
import { createJira } from '#jira';
import { createHandler } from '#resolvers';
import { type StoredHandoff } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { fakeJira, type Answer, type Sent } from '../jira/fake-jira';
import { resolverDepsWith } from '../../support/resolver-deps';

// Compile-time: the prefill is passed to `new CreateIssueModal({ context })` unchanged.
// (The package does not export the context type from its root, so it is read off the class.)
type CreateIssueModalContext = CreateIssueModal['context'];
const asModalContext = (prefill: L3Prefill): CreateIssueModalContext => prefill;

// The context's siteUrl comes from the browser: links must come from Jira's serverInfo instead.
const context = { accountId: 'acc-ana', siteUrl: 'https://evil.example/', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' } } };

const stored: StoredHandoff = {
  schemaVersion: 1,
  versionId: '10002',
  projectId: '10000',
  content: {
    ...emptyContent(),
    whatsNew: 'Gift cards.',
    happyPath: ['Open the cart'],
    limitations: ['Not yet available in Hebrew'],
    escalation: { l1LookUp: 'Admin > Orders', l2Reproduce: '1. Log in\n2. Buy a gift card' },
  },
  status: 'ready',
  readyAt: '2026-06-01T10:00:00.000Z',
  revision: 3,
  updatedAt: '2026-06-01T10:00:00.000Z',
  updatedBy: { accountId: 'acc-po', displayName: 'Priya' },
};

interface World {
  browse: boolean;
  handoff: StoredHandoff | null;
  types: { id: string; name: string; subtask?: boolean }[];
  count: number;
  projectType: string;
}

function respond(world: World) {
  return ({ path }: Sent): Answer => {
    if (path.startsWith('/rest/api/3/mypermissions')) {
      return { status: 200, body: { permissions: { BROWSE_PROJECTS: { havePermission: world.browse }, EDIT_ISSUES: { havePermission: false }, ADMINISTER_PROJECTS: { havePermission: false } } } };
    }
    if (path === '/rest/api/3/project/search?keys=SHOP&maxResults=1') {
      // Jira lists only the projects the person can browse.
      return {
        status: 200,
        body: { startAt: 0, maxResults: 1, total: world.browse ? 1 : 0, isLast: true, values: world.browse ? [{ id: '10000', key: 'SHOP', name: 'Shop', projectTypeKey: world.projectType }] : [] },
      };
    }
    if (path === '/rest/api/3/serverInfo') return { status: 200, body: { baseUrl: 'https://shop.atlassian.net', deploymentType: 'Cloud' } };
    if (path === '/rest/api/3/version/10002') return { status: 200, body: { id: '10002', name: '2026.12 Gift cards', projectId: 10000 } };
    if (path.startsWith('/rest/api/3/project/SHOP/properties/')) {
      return world.handoff ? { status: 200, body: { key: 'k', value: world.handoff } } : { status: 404, body: { errorMessages: ['not found'] } };
    }
    if (path.startsWith('/rest/api/3/issue/createmeta/SHOP/issuetypes')) return { status: 200, body: { issueTypes: world.types, startAt: 0, maxResults: 200, total: world.types.length } };
    if (path === '/rest/api/3/search/approximate-count') return { status: 200, body: { count: world.count } };
    return { status: 404, body: { errorMessages: [`unexpected ${path}`] } };
  };
}

function handlerWith(overrides: Partial<World> = {}) {
  const world: World = {
    browse: true,
    handoff: stored,
    types: [
      { id: '3', name: 'Task' },
      { id: '42', name: 'Bug' },
    ],
    count: 2,
    projectType: 'software',
    ...overrides,
  };
  const jira = fakeJira(respond(world));
  const handler = createHandler(resolverDepsWith(createJira(jira.fetch)));
  const call = <T>(functionKey: string, payload: unknown) => handler({ call: { functionKey, payload }, context }, { principal: { accountId: 'acc-ana' } }) as Promise<Result<T>>;
  return { call, sent: jira.sent };
}

describe('getL3Prefill', () => {
  it('makes 5 calls as the person (and reads the site address as the app) and returns the CreateIssueModal context', async () => {
    const { call, sent } = handlerWith();
    const result = await call<L3Prefill>('getL3Prefill', { versionId: '10002' });
    if (!result.ok) throw new Error(result.error.message);
    const prefill = asModalContext(result.value);
    expect(prefill).toMatchObject({
      projectId: '10000',
      issueTypeId: '42',
      summary: '[L3] 2026.12 Gift cards: ',
      labels: ['chain-shop-v10002-l3'],
      versions: ['10002'],
    });
    expect(prefill.description).toMatchObject({ version: 1, type: 'doc' });
    const json = JSON.stringify(prefill.description);
    expect(json).toContain('https://shop.atlassian.net/jira/software/projects/SHOP/apps/app-1/env-1/version/10002');
    expect(json).toContain('Rollout stage when filed: Not started');
    // The handoff comes from the app's records; one stored before records existed is imported from its
    // property once, as the app (this test's handoff exists only as the property).
    expect(sent.map((s) => `${s.as} ${s.method} ${s.path.split('?')[0]}`).sort()).toEqual([
      'app GET /rest/api/3/project/SHOP/properties/cs-handoff.version.10002',
      'app GET /rest/api/3/serverInfo',
      'user GET /rest/api/3/issue/createmeta/SHOP/issuetypes',
      'user GET /rest/api/3/mypermissions',
      'user GET /rest/api/3/project/search',
      'user GET /rest/api/3/version/10002',
    ]);
  });

  it('adds the item label when filed from an item', async () => {
    const { call } = handlerWith();
    const result = await call<L3Prefill>('getL3Prefill', { versionId: '10002', item: { kind: 'limitation', position: 1 } });
    expect(result.ok && result.value.labels).toEqual(['chain-shop-v10002-l3', 'chain-shop-v10002-limitation-1']);
  });

  it('refuses a bad item before calling Jira, naming the field', async () => {
    const { call, sent } = handlerWith();
    const bad = await call<L3Prefill>('getL3Prefill', { versionId: '10002', item: { kind: 'epic', position: 1 } });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'item.kind': expect.any(String) } });
    const extra = await call<L3Prefill>('getL3Prefill', { versionId: '10002', item: { kind: 'step', position: 0 } });
    expect(!extra.ok && extra.error.fields).toHaveProperty(['item.position']);
    const unknown = await call<L3Prefill>('getL3Prefill', { versionId: '10002', issueTypeId: '1' });
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_INPUT');
    expect(sent).toHaveLength(0);
  });

  it('answers NOT_FOUND without a handoff, and the permission refusal first for an outsider', async () => {
    const none = await handlerWith({ handoff: null }).call<L3Prefill>('getL3Prefill', { versionId: '10002' });
    expect(!none.ok && none.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('No CS handoff for this release yet') });
    const outsider = await handlerWith({ browse: false, handoff: null, types: [] }).call<L3Prefill>('getL3Prefill', { versionId: '10002' });
    expect(!outsider.ok && outsider.error.code).toBe('FORBIDDEN');
  });

  it('explains a project without a Bug type', async () => {
    const result = await handlerWith({ types: [{ id: '3', name: 'Task' }] }).call<L3Prefill>('getL3Prefill', { versionId: '10002' });
    expect(!result.ok && result.error.message).toBe("Project SHOP has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.");
  });
});

describe('handoff links', () => {
  it("links the handoff with the project's real type from Jira, not a hard-coded software", async () => {
    const { call } = handlerWith({ projectType: 'business' });
    const result = await call<L3Prefill>('getL3Prefill', { versionId: '10002' });
    if (!result.ok) throw new Error(result.error.message);
    const json = JSON.stringify(result.value.description);
    expect(json).toContain('https://shop.atlassian.net/jira/core/projects/SHOP/apps/app-1/env-1/version/10002');
    expect(json).not.toContain('/jira/software/');
  });
});

describe('getL3Summary', () => {
  it('makes 4 calls, one of them the single search, and links to Jira issue search on the site Jira names', async () => {
    const { call, sent } = handlerWith({ count: 5 });
    const result = await call<L3Summary>('getL3Summary', { versionId: '10002' });
    const jql = 'project = SHOP AND labels = "chain-shop-v10002-l3" ORDER BY created DESC';
    expect(result).toEqual({
      ok: true,
      value: { label: 'chain-shop-v10002-l3', count: 5, jql, searchUrl: `https://shop.atlassian.net/issues/?jql=${encodeURIComponent(jql)}` },
    });
    expect(sent).toHaveLength(4);
    expect(JSON.stringify(result)).not.toContain('evil.example');
    expect(sent.filter((s) => s.path.startsWith('/rest/api/3/search'))).toEqual([{ as: 'user', method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } }]);
  });

  it('refuses someone who cannot browse the project', async () => {
    const result = await handlerWith({ browse: false }).call<L3Summary>('getL3Summary', { versionId: '10002' });
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });
});
