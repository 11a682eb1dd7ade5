/**
 * L3 escalation against the local Jira site: the prefill a CS agent gets, filing the bug through
 * Jira's REST API with exactly those fields, and the release's L3 count found by one search.
 */
import type { HandoffPage, L3BugType, L3Prefill, L3Summary } from '#contract';
import { l3PrefillOf } from '../../../../static/cs-handoff/src/escalation/l3-context';
import { personOf } from '../../../support';
import { adfErrors } from '../../../unit/adf-errors';
import { completeContent, expectError, expectOk, OPS_VERSION, SOON_VERSION, useStartedSite } from '../helpers';

jest.setTimeout(60_000);

const { site, invoke, jiraCallsSince, markCalls, callsSince } = useStartedSite();

const basic = (email: string) => `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;

/** Jira's REST API as a person, the way a script or the CreateIssueModal would reach it. */
async function jiraAs<T>(email: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${site().url}${path}`, {
    method,
    headers: { authorization: basic(email), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

beforeAll(async () => {
  // A saved and ready handoff on SHOP's gift-card release, written by the PO.
  expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent() }));
  expectOk(await invoke('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: 1, status: 'ready' }));
});

describe('L3 escalation as the CS agent', () => {
  it('pre-fills a Bug with the chain-aware label, the affected version and an ADF description, in one round of 6 calls (5 Jira, 1 storage)', async () => {
    // The Bug type as Jira's own create metadata lists it for Ana (10004 in the seed).
    const meta = await jiraAs<{ issueTypes: { id: string; name: string }[] }>('ana@shop.example', 'GET', '/rest/api/3/issue/createmeta/SHOP/issuetypes');
    const bugTypeId = meta.json.issueTypes.find((t) => t.name === 'Bug')?.id;
    expect(bugTypeId).toBe('10004');

    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    const mark = markCalls();
    let prefill: L3Prefill;
    try {
      prefill = expectOk(await invoke<L3Prefill>('cs-agent', 'getL3Prefill', { versionId: SOON_VERSION }));
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
    // One round: 5 Jira calls (4 as Ana, the site's address as the app), and the handoff's records from the app's storage (1 call).
    const { jira: calls, storage, rounds } = callsSince(mark);
    expect([calls.length, storage.length, rounds]).toEqual([5, 1, 1]);
    const ana = `user:${personOf(site(), 'cs-agent').accountId}`;
    // Everything as Ana, except the site's address for the handoff link (serverInfo, as the app).
    expect(calls.filter((c) => c.principal !== ana).map((c) => `${c.principal} ${c.path}`)).toEqual(['app /rest/api/3/serverInfo']);
    expect(calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
      'GET /rest/api/3/issue/createmeta/SHOP/issuetypes',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/project/search',
      'GET /rest/api/3/serverInfo',
      `GET /rest/api/3/version/${SOON_VERSION}`,
    ]);

    expect(prefill).toEqual({
      projectId: '10000',
      issueTypeId: bugTypeId,
      summary: '[L3] 2026.12 Gift cards: ',
      description: expect.objectContaining({ version: 1, type: 'doc' }),
      labels: ['chain-shop-v10002-l3'],
      versions: [SOON_VERSION],
    });
    expect(adfErrors(prefill.description)).toEqual([]);
    const described = JSON.stringify(prefill.description);
    expect(described).toContain('Log in on two browsers with the same account.');
    expect(described).toContain('Rollout stage when filed: Not started');
    expect(described).toContain(`${site().host.siteUrl}/jira/software/projects/SHOP/apps/${site().host.appId}/${site().host.environmentId}/version/${SOON_VERSION}`);
  });

  it('adds the item label when the bug is filed from a known limitation', async () => {
    const prefill = expectOk(await invoke<L3Prefill>('cs-agent', 'getL3Prefill', { versionId: SOON_VERSION, item: { kind: 'limitation', position: 1 } }));
    expect(prefill.labels).toEqual(['chain-shop-v10002-l3', 'chain-shop-v10002-limitation-1']);
    expect(JSON.stringify(prefill.description)).toContain('Not yet available in Hebrew');
    const missing = expectError(await invoke('cs-agent', 'getL3Prefill', { versionId: SOON_VERSION, item: { kind: 'limitation', position: 9 } }));
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: { 'item.position': 'No known limitation 9' } });
  });

  it('counts the L3 bugs with one search: 0, then 1 after Ana files the prefilled bug, and the JQL lists it', async () => {
    let mark = site().jira.requestLog.length;
    const before = expectOk(await invoke<L3Summary>('cs-agent', 'getL3Summary', { versionId: SOON_VERSION }));
    const calls = jiraCallsSince(mark);
    // permissions and the project (as Ana), the site's address (as the app), the single search.
    expect(calls).toHaveLength(4);
    expect(calls.filter((c) => c.path.startsWith('/rest/api/3/search'))).toEqual([expect.objectContaining({ method: 'POST', path: '/rest/api/3/search/approximate-count', status: 200 })]);
    expect(before).toEqual({
      label: 'chain-shop-v10002-l3',
      count: 0,
      jql: 'project = SHOP AND labels = "chain-shop-v10002-l3" ORDER BY created DESC',
      searchUrl: `${site().host.siteUrl}/issues/?jql=${encodeURIComponent(before.jql)}`,
    });

    // Ana files the bug with exactly the prefill's fields, as the CreateIssueModal would.
    const prefill = expectOk(await invoke<L3Prefill>('cs-agent', 'getL3Prefill', { versionId: SOON_VERSION, item: { kind: 'limitation', position: 1 } }));
    const created = await jiraAs<{ id: string; key: string }>('ana@shop.example', 'POST', '/rest/api/3/issue', {
      fields: {
        project: { id: prefill.projectId },
        issuetype: { id: prefill.issueTypeId },
        summary: `${prefill.summary}gift card balance shows 0 after redeeming`,
        description: prefill.description,
        labels: prefill.labels,
        versions: prefill.versions.map((id) => ({ id })),
      },
    });
    expect(created.status).toBe(201);

    const issue = await jiraAs<{ fields: { issuetype: { name: string }; labels: string[]; versions: { id: string }[] } }>('ana@shop.example', 'GET', `/rest/api/3/issue/${created.json.key}`);
    expect(issue.json.fields).toMatchObject({ issuetype: { name: 'Bug' }, labels: prefill.labels, versions: [{ id: SOON_VERSION }] });

    mark = site().jira.requestLog.length;
    const after = expectOk(await invoke<L3Summary>('cs-agent', 'getL3Summary', { versionId: SOON_VERSION }));
    expect(after.count).toBe(1);
    expect(jiraCallsSince(mark).filter((c) => c.path.startsWith('/rest/api/3/search'))).toHaveLength(1);

    const listed = await jiraAs<{ issues: { key: string }[] }>('ana@shop.example', 'POST', '/rest/api/3/search/jql', { jql: after.jql, fields: ['key'], maxResults: 50 });
    expect(listed.json.issues.map((i) => i.key)).toEqual([created.json.key]);
    // Another release's label does not pick it up.
    expect(expectOk(await invoke<L3Summary>('cs-agent', 'getL3Summary', { versionId: '10003' })).count).toBe(0);
  });

  it('answers NOT_FOUND for a release without a handoff', async () => {
    const error = expectError(await invoke('cs-agent', 'getL3Prefill', { versionId: '10003' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('No CS handoff for this release yet');
  });
});

describe('where L3 bugs cannot be filed', () => {
  it('explains that OPS has no Bug issue type', async () => {
    expectOk(await invoke('po', 'saveHandoff', { versionId: OPS_VERSION, baseRevision: 0, content: completeContent() }, 'OPS'));
    const error = expectError(await invoke('po', 'getL3Prefill', { versionId: OPS_VERSION }, 'OPS'));
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: "Project OPS has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.",
    });
  });

  it('refuses the outsider on SHOP, and says why when they can browse OPS but not create issues there', async () => {
    expect(expectError(await invoke('outsider', 'getL3Prefill', { versionId: SOON_VERSION })).code).toBe('FORBIDDEN');
    expect(expectError(await invoke('outsider', 'getL3Summary', { versionId: SOON_VERSION })).code).toBe('FORBIDDEN');
    const ops = expectError(await invoke('outsider', 'getL3Prefill', { versionId: OPS_VERSION }, 'OPS'));
    expect(ops.code).toBe('FORBIDDEN');
    expect(ops.message).toContain('Create issues');
  });

  it('does not let a version id from another project through', async () => {
    expect(expectError(await invoke('cs-agent', 'getL3Prefill', { versionId: OPS_VERSION })).code).toBe('NOT_FOUND');
  });
});

describe('the handoff page builds the pre-fill itself, asking only for the Bug type', () => {
  const createmeta = (calls: { path: string }[]) => calls.filter((c) => c.path.includes('/createmeta/'));

  it('keeps the Bug type per project: the first ask reads Jira and keeps it, the next ones make no issue-type call', async () => {
    // Latency on every call, so the rounds are told apart.
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    try {
      let mark = markCalls();
      expect(expectOk(await invoke<L3BugType>('cs-agent', 'getL3BugType', {}))).toEqual({ issueTypeId: '10004' });
      let calls = callsSince(mark);
      // The access check beside the kept record's read, then Jira's create metadata, then the type kept.
      expect(createmeta(calls.jira)).toHaveLength(1);
      expect([calls.storage.length, calls.rounds]).toEqual([2, 3]);

      mark = markCalls();
      // Another person, same project: the type belongs to the project's scheme, not to whoever asked first.
      expect(expectOk(await invoke<L3BugType>('cs-lead', 'getL3BugType', {}))).toEqual({ issueTypeId: '10004' });
      calls = callsSince(mark);
      expect(createmeta(calls.jira)).toEqual([]);
      // Only the access check (permissions, the project) and the storage read, in one round.
      expect(calls.jira.map((c) => c.path).sort()).toEqual(['/rest/api/3/mypermissions', '/rest/api/3/project/search']);
      expect([calls.storage.length, calls.rounds]).toEqual([1, 1]);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });

  it('gives exactly the context the resolver built, with and without an item, from getHandoffPage and the Bug type', async () => {
    const page = expectOk(await invoke<HandoffPage>('cs-agent', 'getHandoffPage', { versionId: SOON_VERSION }));
    const { issueTypeId } = expectOk(await invoke<L3BugType>('cs-agent', 'getL3BugType', {}));
    const data = { view: page.handoff, handoffUrl: page.handoffUrl };
    for (const item of [undefined, { kind: 'limitation', position: 1 } as const, { kind: 'step', position: 2 } as const]) {
      const server = expectOk(await invoke<L3Prefill>('cs-agent', 'getL3Prefill', item ? { versionId: SOON_VERSION, item } : { versionId: SOON_VERSION }));
      expect(expectOk(l3PrefillOf(data, issueTypeId, item))).toEqual(server);
    }
  });

  it('says clearly that OPS has no Bug type, keeps nothing, and refuses whoever cannot browse', async () => {
    const message = "Project OPS has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.";
    expect(expectError(await invoke('po', 'getL3BugType', {}, 'OPS'))).toEqual({ code: 'NOT_FOUND', message });
    // Nothing was kept: the next ask reads Jira again, so an admin's fix shows at once.
    const mark = markCalls();
    expect(expectError(await invoke('po', 'getL3BugType', {}, 'OPS')).message).toBe(message);
    expect(createmeta(callsSince(mark).jira)).toHaveLength(1);
    expect(expectError(await invoke('outsider', 'getL3BugType', {})).code).toBe('FORBIDDEN');
    const ops = expectError(await invoke('outsider', 'getL3BugType', {}, 'OPS'));
    expect(ops.code).toBe('FORBIDDEN');
    expect(ops.message).toContain('Create issues');
  });
});
