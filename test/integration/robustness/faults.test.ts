/**
 * Jira misbehaving under the app, through the emulator's fault injection: rate limits and outages are
 * retried by the Jira layer where that is safe, and a failure between the two writes of a first save
 * (the handoff, then the overview index) loses nothing the person wrote.
 */
import type { HandoffHistory, HandoffView, ReleasesOverview, RevisionDiff } from '../../../src/contract';
import { historyHeadKey } from '../../../src/domain/history/history';
import type { StoredHandoff } from '../../../src/domain/handoff';
import { GATE_INDEX_PROPERTY_KEY, handoffPropertyKey, INDEX_PROPERTY_KEY } from '../../../src/domain/property-keys';
import { completeContent, expectError, expectOk, SHOP_VERSION, SOON_VERSION, storedProperty, useStartedSite } from '../resolvers/helpers';

jest.setTimeout(60_000);

const { site, invoke } = useStartedSite();
const propertyPath = (key: string) => `/rest/api/3/project/SHOP/properties/${key}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

afterEach(() => {
  site().jira.settings.faults = [];
});

describe('retries', () => {
  it('a 429 with Retry-After on the handoff PUT is waited out and the save succeeds', async () => {
    const key = handoffPropertyKey(SHOP_VERSION);
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 429, times: 1, retryAfterSeconds: 1 }];
    const from = site().jira.requestLog.length;
    const started = Date.now();
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After: 1 honoured
    expect(saved.handoff?.revision).toBe(1);
    const puts = site().jira.requestLog.slice(from).filter((e) => e.method === 'PUT' && e.path === propertyPath(key));
    expect(puts.map((e) => e.status)).toEqual([429, 201]) // 201: the property was created by the retry;
    expect(((await storedProperty(site(), key)) as StoredHandoff).revision).toBe(1);
    expect(site().jira.settings.faults).toEqual([]);
  });

  it('a persistent 503 answers JIRA_UNAVAILABLE after 3 attempts, with a clear message, and the stored handoff is unchanged', async () => {
    const key = handoffPropertyKey(SHOP_VERSION);
    const before = await storedProperty(site(), key);
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 503, times: 100 }];
    const from = site().jira.requestLog.length;
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 1, content: completeContent({ whatsNew: 'Never stored.' }) }));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toBe('Jira is unavailable right now (503) — tried 3 times; try again in a minute.');
    expect(error.message).not.toMatch(/ at |\/work\/|node_modules/);
    expect(site().jira.requestLog.slice(from).filter((e) => e.method === 'PUT' && e.path === propertyPath(key)).map((e) => e.status)).toEqual([503, 503, 503]);
    site().jira.settings.faults = [];
    expect(await storedProperty(site(), key)).toEqual(before);
    const view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
    expect(view.handoff?.content.whatsNew).toBe(completeContent().whatsNew);
  });

  it('a 503 on a read is retried and the reader never notices', async () => {
    site().jira.settings.faults = [{ pathPattern: '^GET /rest/api/3/version/', status: 503, times: 2 }];
    const view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
    expect(view.handoff?.revision).toBe(1);
  });

  it('the release-page link (a POST) is not retried on 503: no duplicate link, and the save still succeeds', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site().jira.settings.faults = [{ pathPattern: '^POST /rest/api/3/version/10001/relatedwork$', status: 503, times: 1 }];
    const from = site().jira.requestLog.length;
    expectOk(await invoke('release-manager', 'saveHandoff', { versionId: '10001', baseRevision: 0, content: completeContent() }));
    expect(site().jira.requestLog.slice(from).filter((e) => e.method === 'POST')).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('a history record written for a handoff PUT that failed', () => {
  it('is not shown by listHistory or diffRevisions, and the next save replaces it', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = handoffPropertyKey(SHOP_VERSION);
    const base = ((await storedProperty(site(), key)) as StoredHandoff).revision;
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 503, times: 3 }];
    const failed = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: base, content: completeContent({ whatsNew: 'Never stored.' }) }));
    expect(failed.code).toBe('JIRA_UNAVAILABLE');
    site().jira.settings.faults = [];
    error.mockRestore();
    // The history head DID land (same parallel round), with a record of a revision the handoff never reached.
    const head = (await storedProperty(site(), historyHeadKey(SHOP_VERSION))) as { records: { revision: number; content: { whatsNew: string } }[] };
    expect(head.records.map((r) => r.revision)).toContain(base + 1);
    expect(head.records.find((r) => r.revision === base + 1)?.content.whatsNew).toBe('Never stored.');

    const history = expectOk(await invoke<HandoffHistory>('cs-agent', 'listHistory', { versionId: SHOP_VERSION }));
    expect(history.revisions.map((r) => r.revision)).not.toContain(base + 1);
    expect(history.revisions[0]?.revision).toBe(base);
    expect(expectError(await invoke('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: base, to: base + 1 })).code).toBe('NOT_FOUND');

    // The next save takes that revision number; the history shows its text, not the failed one.
    const saved = expectOk(await invoke<HandoffView>('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: base, content: completeContent({ whatsNew: 'Stored this time.' }) }));
    expect(saved.handoff?.revision).toBe(base + 1);
    const after = expectOk(await invoke<HandoffHistory>('cs-agent', 'listHistory', { versionId: SHOP_VERSION }));
    expect(after.revisions[0]?.revision).toBe(base + 1);
    const diff = expectOk(await invoke<RevisionDiff>('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: base, to: base + 1 }));
    expect(JSON.stringify(diff.changes)).toContain('Stored this time.');
    expect(JSON.stringify(diff.changes)).not.toContain('Never stored.');
  });
});

describe('a failure between writing the handoff and updating the overview index', () => {
  const indexFault = () => [{ pathPattern: `^PUT ${escape(propertyPath(INDEX_PROPERTY_KEY))}$`, status: 503 as const, times: 3 }];
  const overviewRow = async (versionId: string) => {
    const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
    return overview.releases.find((r) => r.version.id === versionId);
  };

  it('keeps the handoff; the overview is stale until the scheduled scan repairs the index', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    site().jira.settings.faults = indexFault();
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent() }));
    expect(saved.handoff?.revision).toBe(1);
    expect(error).toHaveBeenCalledWith('Could not update the handoff index of project SHOP', expect.anything());
    error.mockRestore();

    // The handoff is saved, in full.
    expect(((await storedProperty(site(), handoffPropertyKey(SOON_VERSION))) as StoredHandoff).content).toEqual(completeContent());
    expect(expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SOON_VERSION })).handoff?.revision).toBe(1);
    // The index is stale: the overview does not know about it yet.
    const index = (await storedProperty(site(), INDEX_PROPERTY_KEY)) as { handoffs?: Record<string, unknown> } | null;
    expect(JSON.stringify(index ?? {})).not.toContain(`"${SOON_VERSION}"`);
    expect((await overviewRow(SOON_VERSION))?.status).toBe('none');

    // The scheduled scan (gate-risk-scan) rebuilds the gate index from the per-version properties…
    await site().host.runScheduledTrigger('gate-risk-scan');
    const gateIndex = (await storedProperty(site(), GATE_INDEX_PROPERTY_KEY)) as { versions: Record<string, unknown> };
    expect(gateIndex.versions).toHaveProperty(SOON_VERSION);
    // …and the handoff index the overview's status column reads: repaired.
    const repaired = (await storedProperty(site(), INDEX_PROPERTY_KEY)) as { versions: Record<string, unknown[]> };
    expect(repaired.versions[SOON_VERSION]).toEqual(['d', null, 1, expect.any(Number)]);
    expect((await overviewRow(SOON_VERSION))?.status).toBe('draft');
    // Entries of other versions are kept.
    expect(repaired.versions).toHaveProperty(SHOP_VERSION);

    // A status change keeps it current as before.
    expectOk(await invoke<HandoffView>('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: 1, status: 'ready' }));
    expect((await overviewRow(SOON_VERSION))?.status).toBe('ready');
  });
});
