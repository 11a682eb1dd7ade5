import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSite } from '../../../../local-site/site';
import { roundsOf } from '../../../../local-site/jira';
import type { ReleasesOverview } from '#contract';
import { handoffPropertyKey } from '#domain/property-keys';
import { attendeeOf, personOf } from '../../../support';
import { createVersion } from '../../../../bench/fixtures';
import { completeContent, expectError, expectOk, OPS_VERSION, relatedWork, SHOP_VERSION, SOON_VERSION, storedProperty, useStartedSite } from '../helpers';

jest.setTimeout(60_000);

const { site, invoke, jiraCallsSince, markCalls, callsSince } = useStartedSite();

describe('PO writes, CS reads', () => {
  it('saves as the PO and reads the same handoff back', async () => {
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    expect(saved.handoff).toMatchObject({ revision: 1, status: 'draft', readyAt: null, versionId: SHOP_VERSION, projectId: '10000' });
    expect(saved.handoff?.updatedBy.displayName).toBe('Priya Patel');
    expect(saved.state).toBe('draft');
    expect(saved.capabilities).toEqual({ canEdit: true, canAdminister: false });

    const read = expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
    expect(read.handoff).toEqual(saved.handoff);
    expect(read.capabilities.canEdit).toBe(false);
    expect(read.version).toMatchObject({ id: SHOP_VERSION, name: '2027.01 Saved carts', released: false });
  });

  it('lets a CS agent read but not write, and leaves the stored handoff unchanged', async () => {
    const before = await storedProperty(site(), handoffPropertyKey(SHOP_VERSION));
    const refused = expectError(await invoke('cs-agent', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 1, content: completeContent({ whatsNew: 'Hacked' }) }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Edit issues');
    expect(expectError(await invoke('cs-agent', 'setStatus', { versionId: SHOP_VERSION, baseRevision: 1, status: 'ready' })).code).toBe('FORBIDDEN');
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toEqual(before);
  });

  it('refuses someone who cannot browse the project', async () => {
    expect(expectError(await invoke('outsider', 'getHandoff', { versionId: SHOP_VERSION })).code).toBe('FORBIDDEN');
    expect(expectError(await invoke('outsider', 'listReleases', {})).code).toBe('FORBIDDEN');
  });

  it('lists releases with their handoff state from the index', async () => {
    const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
    expect(overview.project.key).toBe('SHOP');
    expect(overview.leadTimeDays).toBe(7);
    const byId = Object.fromEntries(overview.releases.map((r) => [r.version.id, r]));
    // Released without a handoff: the overview says so, never "Released" as if a handoff went out.
    expect(byId['10001']?.state).toBe('no-handoff');
    expect(byId[SOON_VERSION]?.state).toBe('missing');
    expect(byId[SHOP_VERSION]).toMatchObject({ state: 'draft', status: 'draft', revision: 1 });
    expect(byId[OPS_VERSION]).toBeUndefined();
  });
});

describe('concurrent edits', () => {
  it('answers the second save from the same revision with CONFLICT carrying both texts, and writes nothing', async () => {
    const current = expectOk(await invoke('po', 'getHandoff', { versionId: SHOP_VERSION }));
    const base = current.handoff?.revision ?? 0;
    expectOk(await invoke('release-manager', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: base, content: completeContent({ whatsNew: 'Rita was here first.' }) }));
    const stored = await storedProperty(site(), handoffPropertyKey(SHOP_VERSION));

    const mine = completeContent({ whatsNew: 'Priya second.' });
    const conflict = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: base, content: mine }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('Rita Okafor');
    expect(conflict.conflict?.theirs.content.whatsNew).toBe('Rita was here first.');
    expect(conflict.conflict?.yours).toEqual(mine);
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toEqual(stored);
  });
});

describe('bad input: a clear error naming the field, nothing written', () => {
  let before: unknown;
  beforeAll(async () => {
    before = await storedProperty(site(), handoffPropertyKey(SHOP_VERSION));
  });
  afterEach(async () => {
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toEqual(before);
  });
  const revision = () => (before as { revision: number }).revision;

  it('wrong types', async () => {
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: revision(), content: { ...completeContent(), happyPath: 'one step' } }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'content.happyPath': 'Happy path must be a list of steps' } });
    expect(error.message).toContain('content.happyPath');
    expect(expectError(await invoke('po', 'saveHandoff', { versionId: 10003, baseRevision: 'one', content: completeContent() })).fields).toMatchObject({
      versionId: 'versionId must be a string',
      baseRevision: 'baseRevision must be a number',
    });
  });

  it('huge strings', async () => {
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: revision(), content: completeContent({ whatsNew: 'ש'.repeat(200_000) }) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.['content.whatsNew']).toContain('at most 1500 characters');
  });

  it('a javascript: link', async () => {
    const error = expectError(
      await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: revision(), content: completeContent({ dashboardUrl: 'javascript:alert(document.cookie)' }) }),
    );
    expect(error.fields).toEqual({ 'content.dashboardUrl': 'Dashboard link must be an https:// URL' });
  });

  it('a project key in the payload is refused, not trusted', async () => {
    const error = expectError(await invoke('po', 'getHandoff', { versionId: SHOP_VERSION, projectKey: 'OPS' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('projectKey');
  });

  it('an unknown version id', async () => {
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: '99999', baseRevision: 0, content: completeContent() }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Version 99999 was not found in project SHOP.', fields: { versionId: expect.any(String) } });
    expect(await storedProperty(site(), handoffPropertyKey('99999'))).toBeNull();
  });

  it('a version of project OPS while in SHOP', async () => {
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: OPS_VERSION, baseRevision: 0, content: completeContent() }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: `Version ${OPS_VERSION} was not found in project SHOP.` });
    expect(expectError(await invoke('po', 'getHandoff', { versionId: OPS_VERSION })).code).toBe('NOT_FOUND');
    expect(await storedProperty(site(), handoffPropertyKey(OPS_VERSION))).toBeNull();
    expect(await storedProperty(site(), handoffPropertyKey(OPS_VERSION), 'OPS')).toBeNull();
  });
});

describe('related work and readiness', () => {
  it('links the release page on the first save only', async () => {
    expect(await relatedWork(site(), SOON_VERSION)).toEqual([]);
    const first = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent({ whatsNew: '' }) }));
    expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: first.handoff?.revision ?? 0, content: completeContent({ whatsNew: '' }) }));
    const links = await relatedWork(site(), SOON_VERSION);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      title: 'CS Handoff',
      category: 'Communications',
      url: `${site().host.siteUrl}/jira/software/projects/SHOP/apps/${site().host.appId}/${site().host.environmentId}/version/${SOON_VERSION}`,
    });
  });

  it('refuses to mark ready with missing parts, naming them', async () => {
    const current = expectOk(await invoke('po', 'getHandoff', { versionId: SOON_VERSION }));
    expect(current.missingForReady).toEqual(["A what's-new paragraph"]);
    const error = expectError(await invoke('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: current.handoff?.revision, status: 'ready' }));
    expect(error.code).toBe('NOT_READY');
    expect(error.message).toContain("A what's-new paragraph");
    expect(error.fields).toEqual({ 'content.whatsNew': "A what's-new paragraph" });
    expect(((await storedProperty(site(), handoffPropertyKey(SOON_VERSION))) as { status: string }).status).toBe('draft');
  });

  it('marks a complete handoff ready (late: 3 days before release), updates the overview, and back to draft', async () => {
    const current = expectOk(await invoke('po', 'getHandoff', { versionId: SOON_VERSION }));
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: current.handoff?.revision, content: completeContent() }));
    const ready = expectOk(await invoke('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: saved.handoff?.revision, status: 'ready' }));
    expect(ready.handoff?.status).toBe('ready');
    expect(ready.handoff?.readyAt).toEqual(expect.any(String));
    expect(ready.state).toBe('late');

    const overview = expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {}));
    expect(overview.releases.find((r) => r.version.id === SOON_VERSION)).toMatchObject({ state: 'late', status: 'ready', readyAt: ready.handoff?.readyAt });

    const draft = expectOk(await invoke('po', 'setStatus', { versionId: SOON_VERSION, baseRevision: ready.handoff?.revision, status: 'draft' }));
    expect(draft.handoff).toMatchObject({ status: 'draft', readyAt: null });
    expect(draft.state).toBe('draft');
  });

  it('refuses a status change on a version without a handoff', async () => {
    const error = expectError(await invoke('release-manager', 'setStatus', { versionId: '10001', baseRevision: 0, status: 'ready' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('calls per action (budget: 1 round to read, 3 to write)', () => {
  it('getHandoff: 7 Jira + 1 storage call in one round; listReleases: 3 Jira calls in one round + 4 storage in two', async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    try {
      let mark = markCalls();
      expectOk(await invoke('po', 'getHandoff', { versionId: SHOP_VERSION }));
      // permissions, the project (checked against the page's claim), version, the published handoff (import/repair),
      // gate record, gate index, the site's time zone (serverInfo: days counted in its calendar); the records: one round.
      let calls = callsSince(mark);
      expect([calls.jira.length, calls.storage.length, calls.rounds]).toEqual([7, 1, 1]);

      // An open earlier this hour found the app's own permissions sufficient (kept in storage: the health line).
      expectOk(await invoke('po', 'listReleases', {}));
      mark = markCalls();
      expectOk(await invoke('po', 'listReleases', {}));
      // Round 1: permissions, the project with the gate index (and the settings) among its properties, one
      // version page (Jira), and the kept health answer (storage). Round 2 (storage): the page's content,
      // walkthrough and support records by key, once Jira has named the page's versions: no per-version
      // reads, whatever the project's size.
      calls = callsSince(mark);
      expect([calls.jira.length, calls.storage.length, calls.rounds]).toEqual([3, 4, 2]);
      expect(roundsOf(calls.jira)).toBe(1);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });

  it("save: at most 6 calls (Jira and storage) in 3 rounds; the gate, settings and site zone come from the records' storage call", async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    const jiraCalls = (calls: ReturnType<typeof callsSince>) => calls.jira.map((e) => `${e.method} ${e.principal === 'app' ? 'app ' : ''}${e.path.split('?')[0]}`);
    try {
      const versionId = await createVersion(site(), 'Six calls', '2099-08-01');
      // A version with no gate record in storage yet (as before the first import): its property is read once
      // (one more round, before anything is written) and imported in the publish round.
      let mark = markCalls();
      const first = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
      expect(jiraCalls(callsSince(mark))).toContain(`GET app /rest/api/3/project/SHOP/properties/cs-handoff.gate.${versionId}`);
      mark = markCalls();
      const second = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: first.handoff?.revision, content: completeContent({ whatsNew: 'Second' }) }));
      const calls = callsSince(mark);
      // Round 1: permissions, the project, version (Jira) + the records, the person's kept name, the gate record,
      // the settings and the kept site zone (one storage call); round 2: the compare-and-set transaction; round 3:
      // the content published to its property (as the app). No gate property, no gate index, no serverInfo.
      expect(jiraCalls(calls)).toEqual([
        'GET /rest/api/3/mypermissions',
        'GET /rest/api/3/project/search',
        `GET /rest/api/3/version/${versionId}`,
        `PUT app /rest/api/3/project/SHOP/properties/cs-handoff.version.${versionId}`,
      ]);
      expect(calls.storage.map((e) => e.path)).toEqual(['/api/v1/batch/get', '/api/v1/transaction']);
      expect(calls.jira.length + calls.storage.length).toBeLessThanOrEqual(6);
      expect(calls.rounds).toBe(3);
      expect(second.handoff?.content.whatsNew).toBe('Second');
      // Days are counted in the site's calendar, as getHandoff (which asks serverInfo) counts them.
      const read = expectOk(await invoke('po', 'getHandoff', { versionId }));
      expect(second.timeZone).toBe(read.timeZone);
      expect(second.gate).toEqual(read.gate);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });
});

describe('who is changing the handoff', () => {
  it("a person's first change asks Jira who they are and keeps the name; their next change does not ask", async () => {
    const walkthrough = { heldAt: '2026-07-01T14:00:00Z', attendees: [attendeeOf('cs-lead')], questions: [] };
    const versionId = await createVersion(site(), 'Who is changing', '2099-07-01');
    const before = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
    const myselfCalls = (mark: number) => jiraCallsSince(mark).filter((c) => c.path === '/rest/api/3/myself');

    let mark = site().jira.requestLog.length;
    const first = expectOk(await invoke('cs-lead', 'saveWalkthrough', { versionId, baseRevision: before.revisions.walkthrough, walkthrough }));
    expect(myselfCalls(mark).map((c) => c.principal)).toEqual([`user:${personOf(site(), 'cs-lead').accountId}`]);
    const published = async () => (await storedProperty(site(), `cs-handoff.walkthrough.${versionId}`)) as { revision: number; updatedBy: unknown };
    expect(await published()).toMatchObject({ revision: first.revisions.walkthrough, updatedBy: { accountId: personOf(site(), 'cs-lead').accountId, displayName: 'Carlos Mendes' } });

    mark = site().jira.requestLog.length;
    const second = expectOk(await invoke('cs-lead', 'saveWalkthrough', { versionId, baseRevision: first.revisions.walkthrough, walkthrough: { ...walkthrough, heldAt: '2026-07-02T14:00:00Z' } }));
    expect(myselfCalls(mark)).toEqual([]);
    expect(await published()).toMatchObject({ revision: second.revisions.walkthrough, updatedBy: { accountId: personOf(site(), 'cs-lead').accountId, displayName: 'Carlos Mendes' } });
  });
});

describe('restart', () => {
  it('keeps a saved handoff across a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-restart-'));
    try {
      const first = await startLocalSite({ dataDir, quiet: true, port: 0 });
      const po = first.jira.people.find((p) => p.role === 'po')?.accountId ?? '';
      const saved = await first.host.invoke<{ ok: boolean; value: { handoff: unknown } }>(
        po,
        'saveHandoff',
        { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() },
        { projectKey: 'SHOP' },
      );
      expect(saved.ok).toBe(true);
      await first.close();

      const second = await startLocalSite({ dataDir, quiet: true, port: 0 });
      try {
        const read = await second.host.invoke<{ ok: boolean; value: { handoff: unknown } }>(po, 'getHandoff', { versionId: SHOP_VERSION }, { projectKey: 'SHOP' });
        expect(read.ok).toBe(true);
        expect(read.value.handoff).toEqual(saved.value.handoff);
        const overview = await second.host.invoke<{ value: ReleasesOverview }>(po, 'listReleases', {}, { projectKey: 'SHOP' });
        expect(overview.value.releases.find((r) => r.version.id === SHOP_VERSION)?.state).toBe('draft');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('published property', () => {
  it('holds the latest committed content, readable by any Jira REST client', async () => {
    const view = expectOk(await invoke('po', 'getHandoff', { versionId: SHOP_VERSION }));
    const published = (await storedProperty(site(), `cs-handoff.version.${SHOP_VERSION}`)) as { revision: number; content: unknown; walkthrough?: unknown };
    expect(published).toMatchObject({ revision: view.handoff?.revision, content: view.handoff?.content });
    expect(published.walkthrough).toBeUndefined();
  });
});
