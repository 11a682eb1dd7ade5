/**
 * Jira misbehaving under the app, through the emulator's fault injection: rate limits and outages are
 * retried by the Jira layer where that is safe, and a publish that fails after the commit loses nothing
 * (the record is committed; the next read or the daily scan publishes it).
 */
import type { HandoffHistory, HandoffView, ReleasesOverview, RevisionDiff } from '#contract';
import type { StoredHandoff } from '#domain/handoff';
import { GATE_INDEX_PROPERTY_KEY, handoffPropertyKey } from '#domain/property-keys';
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
    const puts = site()
      .jira.requestLog.slice(from)
      .filter((e) => e.method === 'PUT' && e.path === propertyPath(key));
    expect(puts.map((e) => e.status)).toEqual([429, 201]); // 201: the property was created by the retry;
    expect(((await storedProperty(site(), key)) as StoredHandoff).revision).toBe(1);
    expect(site().jira.settings.faults).toEqual([]);
  });

  it('a persistent 503 on the publish: the save is committed and answered "saved", and the next read publishes it', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = handoffPropertyKey(SHOP_VERSION);
    const before = (await storedProperty(site(), key)) as StoredHandoff;
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 503, times: 100 }];
    const from = site().jira.requestLog.length;
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: before.revision, content: completeContent({ whatsNew: 'Committed first.' }) }));
    expect(saved.handoff).toMatchObject({ revision: before.revision + 1, content: { whatsNew: 'Committed first.' } });
    expect(
      site()
        .jira.requestLog.slice(from)
        .filter((e) => e.method === 'PUT' && e.path === propertyPath(key))
        .map((e) => e.status),
    ).toEqual([503, 503, 503]);
    expect(error).toHaveBeenCalledWith(`Could not publish the content of version ${SHOP_VERSION} to Jira (the next read or the daily scan publishes it again)`, expect.anything());
    error.mockRestore();
    site().jira.settings.faults = [];
    // Jira still holds the older revision…
    expect(await storedProperty(site(), key)).toEqual(before);
    // …until someone reads the handoff: the record is newer, so it is published again.
    const view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
    expect(view.handoff?.content.whatsNew).toBe('Committed first.');
    expect(await storedProperty(site(), key)).toMatchObject({ revision: before.revision + 1, content: { whatsNew: 'Committed first.' } });
  });

  it('a 503 on a read is retried and the reader never notices', async () => {
    site().jira.settings.faults = [{ pathPattern: '^GET /rest/api/3/version/', status: 503, times: 2 }];
    const from = site().jira.requestLog.length;
    const view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
    expect(view.handoff?.revision).toBe(2);
    expect(
      site()
        .jira.requestLog.slice(from)
        .filter((e) => e.path === `/rest/api/3/version/${SHOP_VERSION}`)
        .map((e) => e.status),
    ).toEqual([503, 503, 200]);
  });

  it('the release-page link (a POST) is not retried on 503: no duplicate link, and the save still succeeds', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site().jira.settings.faults = [{ pathPattern: '^POST /rest/api/3/version/10001/relatedwork$', status: 503, times: 1 }];
    const from = site().jira.requestLog.length;
    expectOk(await invoke('release-manager', 'saveHandoff', { versionId: '10001', baseRevision: 0, content: completeContent() }));
    expect(
      site()
        .jira.requestLog.slice(from)
        .filter((e) => e.method === 'POST'),
    ).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('the walkthrough published late', () => {
  it('a walkthrough whose publish failed is committed, and the daily scan publishes it', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = `cs-handoff.walkthrough.${SHOP_VERSION}`;
    const current = expectOk(await invoke('cs-lead', 'getHandoff', { versionId: SHOP_VERSION }));
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 503, times: 3 }];
    const saved = expectOk(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId: SHOP_VERSION,
        baseRevision: current.revisions.walkthrough,
        walkthrough: { heldAt: '2026-07-01T14:00:00Z', attendees: [], questions: [{ text: 'Published late?', settlement: null }] },
      }),
    );
    error.mockRestore();
    expect(saved.walkthrough?.questions.map((q) => q.text)).toEqual(['Published late?']);
    expect(await storedProperty(site(), key)).toBeNull();
    await site().host.runScheduledTrigger('gate-risk-scan');
    expect(await storedProperty(site(), key)).toMatchObject({ revision: saved.revisions.walkthrough, walkthrough: { questions: [{ text: 'Published late?' }] } });
    // History lists the walkthrough change as the walkthrough's own; the content's revisions were never touched by it.
    const history = expectOk(await invoke<HandoffHistory>('cs-agent', 'listHistory', { versionId: SHOP_VERSION }));
    expect(history.revisions[0]).toMatchObject({ record: 'walkthrough', revision: saved.revisions.walkthrough });
    expect(history.revisions.find((r) => r.record === 'content')?.revision).toBe(current.revisions.content);
    expect(expectError(await invoke('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: 0, to: current.revisions.content + 1 })).code).toBe('NOT_FOUND');
    expect(expectOk(await invoke<RevisionDiff>('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: 0, to: current.revisions.content })).changes.length).toBeGreaterThan(0);
  });
});

describe('a failure between committing a first save and publishing it', () => {
  const overviewRow = async (versionId: string) => {
    const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
    return overview.releases.find((r) => r.version.id === versionId);
  };

  it('the overview shows the handoff at once (it lists the records, not a property), and the scan publishes it', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = handoffPropertyKey(SOON_VERSION);
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 503, times: 3 }];
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent() }));
    expect(saved.handoff?.revision).toBe(1);
    error.mockRestore();
    expect(await storedProperty(site(), key)).toBeNull();
    expect((await overviewRow(SOON_VERSION))?.status).toBe('draft');

    // The scheduled scan (gate-risk-scan) rebuilds the gate index and publishes what is behind.
    await site().host.runScheduledTrigger('gate-risk-scan');
    const gateIndex = (await storedProperty(site(), GATE_INDEX_PROPERTY_KEY)) as { versions: Record<string, unknown> };
    expect(gateIndex.versions).toHaveProperty(SOON_VERSION);
    expect(((await storedProperty(site(), key)) as StoredHandoff).content).toEqual(completeContent());
    // No overview index property is written any more.
    expect(await storedProperty(site(), 'cs-handoff.index')).toBeNull();

    expectOk(await invoke<HandoffView>('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: 1, status: 'ready' }));
    expect((await overviewRow(SOON_VERSION))?.status).toBe('ready');
  });
});

describe('a publish Jira refuses the app', () => {
  it('Jira refusing the app its copy: the save and the status change are both committed and both say what the app needs', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = handoffPropertyKey(SHOP_VERSION);
    const before = (await storedProperty(site(), key)) as StoredHandoff;
    site().jira.settings.faults = [{ pathPattern: `^PUT ${escape(propertyPath(key))}$`, status: 403, times: 100 }];
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: before.revision, content: completeContent({ whatsNew: 'Refused copy.' }) }));
    expect(saved.handoff?.revision).toBe(before.revision + 1);
    expect(saved.notice).toMatch(/^Saved in CS Handoff, but Jira's copy is not updated yet: CS Handoff \(the app\) cannot save its data in SHOP/);
    const status = saved.handoff?.status === 'ready' ? 'draft' : 'ready';
    const changed = expectOk(await invoke('po', 'setStatus', { versionId: SHOP_VERSION, baseRevision: before.revision + 1, status }));
    expect(changed.handoff).toMatchObject({ revision: before.revision + 2, status });
    expect(changed.notice).toMatch(/^Saved in CS Handoff, but Jira's copy is not updated yet:/);
    error.mockRestore();
    site().jira.settings.faults = [];
  });
});
