/**
 * A customer's request in the HELP service project, worked by Sam (support agent): linking it to its
 * release (an issue property indexed for JQL, with the rollout stage at that moment) and filing its L3
 * bug (today's pre-fill plus the customer's words, then linked to the request), each refused as the
 * person's own Jira rights say before anything is written.
 */
import type { HandoffView, L3Prefill, RequestBugLink, RequestReleaseLink } from '#contract';
import { roundsOf } from '../../../../local-site/jira';
import { personOf } from '../../../support';
import { completeContent, expectError, expectOk, SHOP_VERSION, SOON_VERSION, useStartedSite } from '../helpers';

jest.setTimeout(60_000);

const { site, invoke, markCalls, callsSince } = useStartedSite();

const SHOP = { id: '10000', key: 'SHOP' };
const release = (versionId: string) => ({ versionId, project: SHOP });
const basic = (email: string) => `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;
const SAM = 'sam@shop.example';

async function jira<T>(email: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${site().url}${path}`, {
    method,
    headers: { authorization: basic(email), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
}

const search = async (jql: string, email = SAM): Promise<string[]> => {
  const res = await jira<{ issues: { key: string }[] }>(email, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=summary`);
  expect(res.status).toBe(200);
  return res.json.issues.map((i) => i.key).sort();
};
const propertyOf = async (key: string) => await jira<{ value: unknown }>(SAM, 'GET', `/rest/api/3/issue/${key}/properties/cs-handoff.release`);
const linksOf = async (key: string, email = SAM) =>
  (await jira<{ fields: { issuelinks: { type: { name: string }; inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] } }>(email, 'GET', `/rest/api/3/issue/${key}?fields=issuelinks`)).json
    .fields.issuelinks;

let rolloutRevision = 0;
beforeAll(async () => {
  // Saved carts (10003): a handoff whose rollout the PO moves; gift cards (10002): a handoff with a URL in a limitation.
  let view = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
  rolloutRevision = view.revisions.rollout;
  view = expectOk(
    await invoke('po', 'saveHandoff', {
      versionId: SOON_VERSION,
      baseRevision: 0,
      content: completeContent({ limitations: ['Refunds to gift cards: see https://shop.example/help/refunds before answering'] }),
    }),
  );
  expect(view.handoff).toBeTruthy();
});

const moveTo = async (to: '1' | '5'): Promise<void> => {
  const view = expectOk(await invoke<HandoffView>('po', 'moveRollout', { versionId: SHOP_VERSION, baseRevision: rolloutRevision, to, learned: '' }));
  rolloutRevision = view.revisions.rollout;
};

describe('linking a request to its release', () => {
  it('records the release and the stage at that moment as the person, and JQL on the indexed property lists the requests per stage', async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    const mark = markCalls();
    let first: RequestReleaseLink;
    try {
      first = expectOk(await invoke<RequestReleaseLink>('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-4', release: release(SHOP_VERSION) }, 'HELP'));
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
    expect(first).toMatchObject({
      requestKey: 'HELP-4',
      versionId: SHOP_VERSION,
      versionName: '2027.01 Saved carts',
      projectKey: 'SHOP',
      projectId: '10000',
      stage: 'not-started',
      stageLabel: 'Not started',
    });
    expect(first.linkedBy).toBe(personOf(site(), 'support-agent').accountId);
    // Two rounds: the reads (5 Jira calls, 1 storage call) in parallel, then the property, written as Sam.
    const sam = `user:${personOf(site(), 'support-agent').accountId}`;
    // Everything the resolver asks Jira is asked as Sam (the host's own project lookup for the context aside).
    const { jira: all, storage } = callsSince(mark);
    const calls = all.filter((c) => !(c.principal === 'app' && c.path === '/rest/api/3/project/HELP'));
    expect(calls.every((c) => c.principal === sam)).toBe(true);
    expect([calls.length, storage.length, roundsOf([...calls, ...storage])]).toEqual([6, 1, 2]);
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /rest/api/3/issue/HELP-4/properties/cs-handoff.release']);
    expect((await propertyOf('HELP-4')).json.value).toEqual(first);

    await moveTo('1');
    expectOk(await invoke('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-5', release: release(SHOP_VERSION) }, 'HELP'));
    await moveTo('5');
    const at5 = expectOk(await invoke<RequestReleaseLink>('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-6', release: release(SHOP_VERSION) }, 'HELP'));
    expect([at5.stage, at5.stageLabel]).toEqual(['5', '5%']);

    const about = 'issue.property[cs-handoff.release].versionId = 10003';
    expect(await search(about)).toEqual(['HELP-4', 'HELP-5', 'HELP-6']);
    expect(await search(`${about} AND issue.property[cs-handoff.release].stage = "not-started"`)).toEqual(['HELP-4']);
    expect(await search(`${about} AND issue.property[cs-handoff.release].stage = "1"`)).toEqual(['HELP-5']);
    expect(await search('csHandoffRelease = 10003 AND csHandoffStage = "5"')).toEqual(['HELP-6']);
    // Relinking at a later stage moves the request to that stage.
    expectOk(await invoke('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-4', release: release(SHOP_VERSION) }, 'HELP'));
    expect(await search(`${about} AND csHandoffStage = "5"`)).toEqual(['HELP-4', 'HELP-6']);
  });

  it('refuses someone who cannot edit the request, and someone who cannot see it, writing nothing', async () => {
    const before = (await propertyOf('HELP-2')).status;
    expect(before).toBe(404);
    // Sam may not edit issues in SHOP: a SHOP issue as the "request" is refused before any write.
    const created = await jira<{ key: string }>('priya@shop.example', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'A SHOP task' } });
    const cannotEdit = expectError(await invoke('support-agent', 'linkRequestToRelease', { requestKey: created.json.key, release: release(SHOP_VERSION) }, 'HELP'));
    expect(cannotEdit).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Edit issues permission in project SHOP') });
    expect((await jira('rita@shop.example', 'GET', `/rest/api/3/issue/${created.json.key}/properties/cs-handoff.release`)).status).toBe(404);
    // Ana cannot browse HELP at all.
    const hidden = expectError(await invoke('cs-agent', 'linkRequestToRelease', { requestKey: 'HELP-2', release: release(SHOP_VERSION) }, 'SHOP'));
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('HELP-2') });
    expect((await propertyOf('HELP-2')).status).toBe(404);
  });

  it('refuses a release in a project the person cannot browse, and a version that is not in the named project', async () => {
    const ops = expectError(await invoke('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-2', release: { versionId: '10011', project: { id: '10010', key: 'OPS' } } }, 'HELP'));
    expect(ops.code).toBe('FORBIDDEN');
    const wrong = expectError(await invoke('support-agent', 'linkRequestToRelease', { requestKey: 'HELP-2', release: { versionId: '10011', project: SHOP } }, 'HELP'));
    expect(wrong.code).toBe('NOT_FOUND');
    expect((await propertyOf('HELP-2')).status).toBe(404);
  });

  it('names the bad field of a malformed payload', async () => {
    const bad = expectError(await invoke('support-agent', 'linkRequestToRelease', { requestKey: 'help 2', release: release(SHOP_VERSION) }, 'HELP'));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('requestKey') });
  });
});

/** Any ADF node, as the tests walk it. */
interface AdfNode {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: { href?: string } }[];
  content?: AdfNode[];
}

/** Every inline node of the document (text, cards, breaks). */
function inlineNodes(doc: { content: unknown[] }): AdfNode[] {
  const out: AdfNode[] = [];
  const walk = (n: AdfNode): void => {
    if (n.type === 'text' || n.type === 'hardBreak' || n.type === 'inlineCard') out.push(n);
    n.content?.forEach(walk);
  };
  (doc.content as AdfNode[]).forEach(walk);
  return out;
}

describe('filing the L3 bug from a request', () => {
  it("pre-fills today's bug in the release's project plus the request's summary and the customer's words as plain text", async () => {
    const prefill = expectOk(
      await invoke<L3Prefill>('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-3', release: release(SOON_VERSION), item: { kind: 'limitation', position: 1 } }, 'HELP'),
    );
    expect(prefill).toMatchObject({ projectId: '10000', issueTypeId: '10004', versions: [SOON_VERSION] });
    expect(prefill.labels).toEqual(expect.arrayContaining(['chain-shop-v10002-l3']));
    expect(prefill.summary).toBe('[L3] 2026.12 Gift cards: Charged twice at checkout, please refund one');

    const content = prefill.description.content as unknown as AdfNode[];
    const texts = inlineNodes(prefill.description)
      .filter((n) => n.type === 'text')
      .map((n) => n.text ?? '');
    // The customer's words, with their https URL, are text nodes with no mark at all.
    const customer = inlineNodes(prefill.description).filter((n) => /shop\.example\/orders\/48190|pressed Pay twice/.test(n.text ?? ''));
    expect(customer).toHaveLength(2);
    for (const node of customer) expect(node).toEqual({ type: 'text', text: expect.any(String) });
    // The handoff's limitation, with its URL, is text too (em at most), never a link.
    const limitation = inlineNodes(prefill.description).filter((n) => (n.text ?? '').includes('shop.example/help/refunds'));
    expect(limitation).toHaveLength(1);
    expect(limitation[0]?.type).toBe('text');
    expect((limitation[0]?.marks ?? []).map((m) => m.type)).not.toContain('link');
    // The only link is the app's own handoff page; nothing the customer or the PO wrote is a card or a link.
    const links = inlineNodes(prefill.description).filter((n) => (n.marks ?? []).some((m) => m.type === 'link'));
    expect(links.map((n) => n.text)).toEqual(['2026.12 Gift cards handoff']);
    expect(inlineNodes(prefill.description).some((n) => n.type === 'inlineCard')).toBe(false);
    expect(texts).toContain('HELP-3: Charged twice at checkout, please refund one');
    expect(content[0]).toMatchObject({ type: 'heading', content: [{ type: 'text', text: 'What the customer saw, in their words, and when' }] });
  });

  it('keeps a customer’s link, card and mention as plain text in the bug (never a link mark or a card)', async () => {
    const created = await jira<{ key: string }>(SAM, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'HELP' },
        issuetype: { name: 'Service request' },
        summary: 'Gift card page broken',
        description: {
          version: 1,
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'See ', marks: [{ type: 'strong' }] },
                { type: 'text', text: 'https://evil.example/x', marks: [{ type: 'link', attrs: { href: 'https://evil.example/x' } }] },
              ],
            },
            { type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: 'https://shop.example/giftcards' } }, { type: 'hardBreak' }, { type: 'mention', attrs: { id: 'x', text: '@Sam' } }] },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    const prefill = expectOk(await invoke<L3Prefill>('support-agent', 'getRequestL3Prefill', { requestKey: created.json.key, release: release(SOON_VERSION) }, 'HELP'));
    const customer = inlineNodes(prefill.description).filter((n) => /evil\.example|shop\.example\/giftcards/.test(n.text ?? ''));
    expect(customer).toEqual([
      { type: 'text', text: 'See https://evil.example/x' },
      { type: 'text', text: 'https://shop.example/giftcards @Sam' },
    ]);
    expect(inlineNodes(prefill.description).some((n) => n.type === 'inlineCard' || (n.marks ?? []).some((m) => m.attrs?.href?.includes('evil')))).toBe(false);
  });

  it('creates the bug with that pre-fill, then links it to the request with "Relates": each side shows the other', async () => {
    const prefill = expectOk(await invoke<L3Prefill>('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-1', release: release(SOON_VERSION) }, 'HELP'));
    // What the CreateIssueModal submits as Sam.
    const created = await jira<{ id: string; key: string }>(SAM, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { id: prefill.projectId },
        issuetype: { id: prefill.issueTypeId },
        summary: prefill.summary,
        description: prefill.description,
        labels: prefill.labels,
        versions: prefill.versions.map((id) => ({ id })),
      },
    });
    expect(created.status).toBe(201);
    const linked = expectOk(await invoke<RequestBugLink>('support-agent', 'linkRequestBug', { requestKey: 'HELP-1', bugIssueId: created.json.id }, 'HELP'));
    expect(linked).toEqual({ requestKey: 'HELP-1', bugKey: created.json.key, linkType: 'Relates' });
    expect(await linksOf('HELP-1')).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Relates' }), outwardIssue: expect.objectContaining({ key: created.json.key }) })]);
    expect(await linksOf(created.json.key)).toEqual([expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'HELP-1' }) })]);
    // The developer (Priya, who cannot browse HELP) sees the bug, and no link to a request she cannot see.
    expect(await linksOf(created.json.key, 'priya@shop.example')).toEqual([]);
  });

  it('refuses, before anything is created, someone who cannot see the request, link from it, or create in the release’s project', async () => {
    const hidden = expectError(await invoke('cs-agent', 'getRequestL3Prefill', { requestKey: 'HELP-2', release: release(SOON_VERSION) }, 'SHOP'));
    expect(hidden.code).toBe('NOT_FOUND');
    // Without Link issues in HELP, Sam is told before the dialog opens.
    site().jira.store.setPermission(personOf(site(), 'support-agent').accountId, 10020, 'LINK_ISSUES', false);
    try {
      const cannotLink = expectError(await invoke('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-2', release: release(SOON_VERSION) }, 'HELP'));
      expect(cannotLink).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Link issues permission in project HELP') });
      const bug = await jira<{ id: string }>('priya@shop.example', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'Filed elsewhere' } });
      const noLink = expectError(await invoke('support-agent', 'linkRequestBug', { requestKey: 'HELP-2', bugIssueId: bug.json.id }, 'HELP'));
      expect(noLink.code).toBe('FORBIDDEN');
      expect(await linksOf('HELP-2')).toEqual([]);
    } finally {
      site().jira.store.setPermission(personOf(site(), 'support-agent').accountId, 10020, 'LINK_ISSUES', true);
    }
    // Without Create issues in SHOP, the Bug type cannot be found for Sam: refused too.
    site().jira.store.setPermission(personOf(site(), 'support-agent').accountId, 10000, 'CREATE_ISSUES', false);
    try {
      const cannotCreate = expectError(await invoke('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-2', release: release(SOON_VERSION) }, 'HELP'));
      expect(cannotCreate).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Create issues permission') });
    } finally {
      site().jira.store.setPermission(personOf(site(), 'support-agent').accountId, 10000, 'CREATE_ISSUES', true);
    }
  });

  it('a refused filing writes nothing: without Create issues in the release’s project, or Link issues on the request, no bug, link or property appears', async () => {
    const sam = personOf(site(), 'support-agent').accountId;
    const shopIssues = async () => (await search('project = SHOP', 'priya@shop.example')).length;
    const before = { issues: await shopIssues(), links: await linksOf('HELP-5'), property: (await propertyOf('HELP-5')).json };
    const unchanged = async () => {
      expect(await shopIssues()).toBe(before.issues);
      expect(await linksOf('HELP-5')).toEqual(before.links);
      expect((await propertyOf('HELP-5')).json).toEqual(before.property);
    };
    // No Create issues in SHOP: refused before the dialog, and Jira would refuse the dialog's create too.
    site().jira.store.setPermission(sam, Number(SHOP.id), 'CREATE_ISSUES', false);
    try {
      const refused = expectError(await invoke('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-5', release: release(SOON_VERSION) }, 'HELP'));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Create issues permission') });
      const direct = await jira(SAM, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'Through the dialog anyway' } });
      expect(direct.status).toBeGreaterThanOrEqual(400);
      await unchanged();
    } finally {
      site().jira.store.setPermission(sam, Number(SHOP.id), 'CREATE_ISSUES', true);
    }
    // No Link issues on the request (HELP, the link's "from" side, where Jira checks it): refused before the dialog,
    // and a bug filed meanwhile is not linked.
    site().jira.store.setPermission(sam, 10020, 'LINK_ISSUES', false);
    try {
      const refused = expectError(await invoke('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-5', release: release(SOON_VERSION) }, 'HELP'));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Link issues permission in project HELP') });
      await unchanged();
      const bug = await jira<{ id: string }>(SAM, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: 'Filed while the link was refused' } });
      expect(bug.status).toBe(201);
      expect(expectError(await invoke('support-agent', 'linkRequestBug', { requestKey: 'HELP-5', bugIssueId: bug.json.id }, 'HELP')).code).toBe('FORBIDDEN');
      expect(await linksOf('HELP-5')).toEqual(before.links);
      expect(await linksOf(bug.json.id)).toEqual([]);
    } finally {
      site().jira.store.setPermission(sam, 10020, 'LINK_ISSUES', true);
    }
    // Link issues in the release's project is not Jira's check (the bug is the "to" side): filing still links.
    site().jira.store.setPermission(sam, Number(SHOP.id), 'LINK_ISSUES', false);
    try {
      const prefill = expectOk(await invoke<L3Prefill>('support-agent', 'getRequestL3Prefill', { requestKey: 'HELP-5', release: release(SOON_VERSION) }, 'HELP'));
      const bug = await jira<{ id: string; key: string }>(SAM, 'POST', '/rest/api/3/issue', {
        fields: { project: { id: prefill.projectId }, issuetype: { id: prefill.issueTypeId }, summary: prefill.summary },
      });
      expect(expectOk(await invoke<RequestBugLink>('support-agent', 'linkRequestBug', { requestKey: 'HELP-5', bugIssueId: bug.json.id }, 'HELP')).bugKey).toBe(bug.json.key);
    } finally {
      site().jira.store.setPermission(sam, Number(SHOP.id), 'LINK_ISSUES', true);
    }
  });

  it('does not link a bug the person cannot see', async () => {
    const ops = await jira<{ id: string }>('rita@shop.example', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'OPS work' } });
    expect(ops.status).toBe(201);
    const hidden = expectError(await invoke('support-agent', 'linkRequestBug', { requestKey: 'HELP-2', bugIssueId: ops.json.id }, 'HELP'));
    expect(hidden.code).toBe('NOT_FOUND');
    expect(await linksOf('HELP-2')).toEqual([]);
  });
});
