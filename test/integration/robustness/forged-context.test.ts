/**
 * Forge vouches only for license, accountId, accountType and installContext in a resolver's context:
 * the project and siteUrl come from the page, so a hostile page can send anything. Every resolver of
 * the contract is called here with such a context, as the release manager (who may do everything in
 * both seeded projects, so only the forgery can be what is refused):
 *
 * - another project's id (OPS) beside this project's key (SHOP), about an OPS version: refused before
 *   anything is written (no write in Jira's request log, stored properties unchanged, no issue created),
 *   and nothing of OPS comes back;
 * - the genuine project with a hostile siteUrl: every link the app builds (the release page's related
 *   work, the brief gap task's ADF description, export and L3 links, returned URLs) is on the site Jira
 *   names in serverInfo, never on the hostile host.
 */
import * as contract from '#contract';
import type { HandoffView, Result } from '#contract';
import { createVersion, rest } from '../../../bench/fixtures';
import { handoffPropertyKey } from '#domain/property-keys';
import type { InvocationContext } from '../../../local-site/forge-host/host';
import { personOf } from '../../support';
import { completeContent, expectOk, OPS_VERSION, relatedWork, storedProperty, useStartedSite } from '../resolvers/helpers';
import { isWrite, ISSUE_PAGE_RESOLVERS, resolverPayloads } from './resolver-payloads';

jest.setTimeout(120_000);

const HOSTILE = 'https://evil.example';
const { site, invoke } = useStartedSite();
const RESOLVERS = Object.keys(contract.RESOLVERS).filter((n) => !ISSUE_PAGE_RESOLVERS.includes(n));

function invokeWith<T>(tamper: (c: InvocationContext) => InvocationContext, resolver: string, payload: unknown, projectKey = 'SHOP'): Promise<Result<T>> {
  return site().host.invoke<Result<T>>(personOf(site(), 'release-manager').accountId, resolver, payload, { projectKey, tamper });
}

describe("another project's id beside this project's key", () => {
  let opsProjectId: string;
  let opsVersionName: string;
  const OPS_PAYLOADS = () => resolverPayloads(invoke, OPS_VERSION, 'OPS');

  beforeAll(async () => {
    opsProjectId = (await site().host.project('OPS')).id;
    opsVersionName = ((await rest(site(), 'app', 'GET', `/rest/api/3/version/${OPS_VERSION}`)).json as { name: string }).name;
    // A real OPS handoff, so every payload below is one the OPS page itself could send.
    expectOk(await invoke('release-manager', 'saveHandoff', { versionId: OPS_VERSION, baseRevision: 0, content: completeContent({ whatsNew: 'OPS secret rollout notes.' }) }, 'OPS'));
  });

  const payloads = OPS_PAYLOADS();
  test.each(RESOLVERS)('%s is refused, writes nothing and shows nothing of the other project', async (resolver) => {
    const payload = await payloads[resolver]?.();
    expect(payload).toBeDefined();
    const shopBefore = await storedProperty(site(), handoffPropertyKey(OPS_VERSION), 'SHOP');
    const opsBefore = await storedProperty(site(), handoffPropertyKey(OPS_VERSION), 'OPS');
    const mark = site().jira.requestLog.length;

    const forged = (c: InvocationContext): InvocationContext => ({ ...c, siteUrl: HOSTILE, extension: { ...c.extension, project: { id: opsProjectId, key: 'SHOP', type: 'software' } } });
    const result = await invokeWith<unknown>(forged, resolver, payload);

    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    expect(site().jira.requestLog.slice(mark).filter(isWrite)).toEqual([]);
    expect(await storedProperty(site(), handoffPropertyKey(OPS_VERSION), 'SHOP')).toEqual(shopBefore);
    expect(await storedProperty(site(), handoffPropertyKey(OPS_VERSION), 'OPS')).toEqual(opsBefore);
    const answer = JSON.stringify(result);
    for (const leak of ['OPS secret rollout notes', opsVersionName, 'evil.example']) expect(answer).not.toContain(leak);
  });

  test('the check is the forgery, not the person: the same calls from the genuine SHOP page are answered', async () => {
    const genuine = await invokeWith<unknown>((c) => c, 'listReleases', {});
    expect(genuine.ok).toBe(true);
    const swapped = await invokeWith<unknown>((c) => ({ ...c, extension: { ...c.extension, project: { ...c.extension.project, key: 'OPS' } } }), 'listReleases', {});
    expect(swapped.ok ? 'ok' : swapped.error.code).toBe('FORBIDDEN');
  });
});

describe("another project's id beside this project's key, on a handoff stored only as its property", () => {
  // An install from before records existed: the handoff is only SHOP's property, imported into Forge
  // storage (keyed by the page's project id) on first access. The forged OPS id must not get that far.
  let stored: Record<string, unknown>;
  let opsProjectId: string;

  beforeAll(async () => {
    opsProjectId = (await site().host.project('OPS')).id;
    const source = await createVersion(site(), 'Legacy source', '2099-06-01');
    expectOk(await invoke('release-manager', 'saveHandoff', { versionId: source, baseRevision: 0, content: completeContent() }));
    stored = (await storedProperty(site(), handoffPropertyKey(source))) as Record<string, unknown>;
  });

  /** A new SHOP version whose handoff is only its property (each test its own: the first access imports it). */
  async function legacyOnly(name: string): Promise<string> {
    const versionId = await createVersion(site(), name, '2099-06-02');
    const put = await rest(site(), 'app', 'PUT', `/rest/api/3/project/SHOP/properties/${handoffPropertyKey(versionId)}`, { ...stored, versionId });
    expect(put.status).toBeLessThan(300);
    return versionId;
  }

  const PAYLOADS: Record<string, (versionId: string) => object> = {
    exportHandoff: (versionId) => ({ versionId, format: 'markdown' }),
    getL3Prefill: (versionId) => ({ versionId, item: { kind: 'step', position: 1 } }),
    overrideGate: (versionId) => ({ versionId, reason: 'CS was briefed in person on Monday.' }),
    withdrawOverride: (versionId) => ({ versionId }),
  };
  const storageWritesSince = (mark: number) =>
    site()
      .host.storageLog.slice(mark)
      .filter((c) => !/\/(get|query)$/.test(c.path));

  test.each(Object.keys(PAYLOADS))('%s is refused before the legacy handoff is imported: no Forge storage write', async (resolver) => {
    const payload = PAYLOADS[resolver]?.(await legacyOnly(`Legacy ${resolver}`));
    const mark = site().host.storageLog.length;
    const forged = (c: InvocationContext): InvocationContext => ({ ...c, extension: { ...c.extension, project: { id: opsProjectId, key: 'SHOP', type: 'software' } } });
    const result = await invokeWith<unknown>(forged, resolver, payload);
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    // Reads (get, query) beside the check are fine; nothing else.
    expect(storageWritesSince(mark)).toEqual([]);
  });

  test('the same export from the genuine page imports the handoff (so the refusals above had something to import)', async () => {
    const payload = PAYLOADS.exportHandoff?.(await legacyOnly('Legacy genuine'));
    const mark = site().host.storageLog.length;
    expectOk(await invokeWith<unknown>((c) => c, 'exportHandoff', payload));
    expect(storageWritesSince(mark).length).toBeGreaterThan(0);
  });
});

describe('a hostile siteUrl on the genuine project', () => {
  const hostile = (c: InvocationContext): InvocationContext => ({ ...c, siteUrl: HOSTILE });
  const answers: string[] = [];
  let versionId: string;

  beforeAll(async () => {
    // A new version, so the first save links the release page to the handoff.
    versionId = await createVersion(site(), 'Forged site check', '2099-05-01');
    const first = await invokeWith<HandoffView>(hostile, 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() });
    answers.push(JSON.stringify(first));
    expectOk(first);
  });

  test('every resolver answers without a link to the hostile host', async () => {
    const payloads = resolverPayloads(invoke, versionId);
    for (const resolver of RESOLVERS) {
      const result = await invokeWith<unknown>(hostile, resolver, await payloads[resolver]?.());
      answers.push(JSON.stringify(result));
      // Each resolver really ran (a refusal would prove nothing about its links).
      expect({ resolver, ok: result.ok ? true : result.error }).toEqual({ resolver, ok: true });
    }
    for (const answer of answers) expect(answer).not.toContain('evil.example');
    // The links that are returned point at the site Jira names.
    const summary = answers.find((a) => a.includes('searchUrl')) ?? '';
    expect(summary).toContain(`"searchUrl":"${site().url}/issues/?jql=`);
  });

  test("the release page's link and the filed task's description are on the site Jira names", async () => {
    const pagePrefix = `${site().url}/jira/software/projects/SHOP/apps/${site().host.appId}/${site().host.environmentId}/version/${versionId}`;
    const links = await relatedWork(site(), versionId);
    expect(links.map((l) => l.url)).toEqual([pagePrefix]);

    const filed = answers.map((a) => /"issueKey":"(SHOP-\d+)"/.exec(a)?.[1]).find(Boolean);
    expect(filed).toBeDefined();
    const issue = await rest(site(), 'app', 'GET', `/rest/api/3/issue/${filed}`);
    const description = JSON.stringify((issue.json as { fields: { description: unknown } }).fields.description);
    expect(description).toContain(pagePrefix);
    expect(description).not.toContain('evil.example');
    expect(JSON.stringify(await storedProperty(site(), handoffPropertyKey(versionId)))).not.toContain('evil.example');
  });
});
