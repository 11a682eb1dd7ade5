/**
 * The issue's "Done when" list, end to end on the local Jira site: people release through Jira's REST API
 * (basic auth) or the site's Release button, the app's trigger/validator/scan run in the Forge host.
 */
import { formatCalendarDate } from '#domain/date-format';
import { GATE_INDEX_PROPERTY_KEY } from '#domain/property-keys';
import type { GateIndex } from '#domain/gate/gate-index';
import type { ReleasesOverview } from '#contract';
import type { VersionEvent } from '../../../../local-site/jira/types';
import { roundsOf } from '../../../../local-site/jira';
import { attendeeOf, personOf, startTestSite, type TestSite } from '../../../support';
import { completeContent, expectError, expectOk, invoker, SHOP_VERSION, SOON_VERSION, storedProperty } from '../helpers';
import { gateSite, todayPlus } from './gate-helpers';

jest.setTimeout(60_000);
// The release trigger's retry waits, short (read by the app when the site first loads it).
process.env.CS_HANDOFF_RETRY_DELAYS_MS = '10,10,10';
let site: TestSite;
let invoke: ReturnType<typeof invoker>;
const { rest, createVersion, releaseAsRita, writeReady, backdateReady, record } = gateSite(() => site);
const principal = (role: string) => ({ kind: 'user' as const, accountId: personOf(site, role).accountId });
const gateIndex = async () => (await storedProperty(site, GATE_INDEX_PROPERTY_KEY)) as GateIndex | null;

beforeAll(async () => {
  site = await startTestSite();
  invoke = invoker(site);
});
afterAll(() => site.close());

describe('(a) a release with no handoff is put back, once, with the reason', () => {
  test('through the REST API with basic auth', async () => {
    expect(await releaseAsRita(SOON_VERSION)).toBe(false);
    const r = await record(SOON_VERSION);
    expect(r?.blocks).toHaveLength(1);
    expect(r?.blocks[0]).toMatchObject({ releasedBy: { accountId: personOf(site, 'release-manager').accountId }, gateState: 'overdue' });
    expect(r?.blocks[0]?.reason).toContain('has no CS handoff yet');
    expect(r?.blocks[0]?.reason).toContain('It had to be ready by');
    expect(r?.blocks[0]?.unreleaseFailed).toBeUndefined();
    expect((await gateIndex())?.versions[SOON_VERSION]).toMatchObject({ state: 'overdue', blockedAt: r?.blocks[0]?.at, blockReason: r?.blocks[0]?.reason });
    // The overview says why, from the index alone.
    const overview = expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {}));
    expect(overview.releases.find((x) => x.version.id === SOON_VERSION)?.blockSummary).toEqual({ at: r?.blocks[0]?.at, reason: r?.blocks[0]?.reason, unreleaseFailed: false });
  });

  test("through the site's Release button (store.releaseVersion)", async () => {
    site.jira.store.releaseVersion(SHOP_VERSION, principal('release-manager'));
    await site.host.idle();
    expect(site.jira.store.getVersion({ kind: 'app' }, SHOP_VERSION).released).toBe(false);
    const r = await record(SHOP_VERSION);
    expect(r?.blocks).toHaveLength(1);
    expect(r?.blocks[0]?.reason).toContain('has no CS handoff yet');
    // Released 21 days before its planned date: judged against the day it went out, it is overdue.
    expect(r?.blocks[0]?.gateState).toBe('overdue');
  });

  test('a re-delivered event does not record a second block', async () => {
    const versionId = await createVersion('2027.05 Redelivery', todayPlus(30));
    const events: VersionEvent[] = [];
    site.jira.store.releaseVersion(versionId, principal('release-manager'), events);
    const released = events.find((e) => e.eventType === 'avi:jira:released:version');
    expect(released).toBeDefined();
    // Jira delivers at least once: the same event twice at once, and once more after the app reacted.
    const emit = (site.jira.store as unknown as { emit: (e: VersionEvent) => void }).emit.bind(site.jira.store);
    emit(released as VersionEvent);
    emit(released as VersionEvent);
    await site.host.idle();
    emit(released as VersionEvent);
    await site.host.idle();
    expect(site.jira.store.getVersion({ kind: 'app' }, versionId).released).toBe(false);
    expect((await record(versionId))?.blocks).toHaveLength(1);
  });
});

describe('(b, c) on time, late, and late made on time by moving the date', () => {
  test('a handoff ready 8 days before the release day releases fine, and the decision says why', async () => {
    const versionId = await createVersion('2027.06 On time', todayPlus(0));
    await writeReady(versionId);
    await backdateReady(versionId, 8);
    expect(await releaseAsRita(versionId)).toBe(true);
    expect(await record(versionId)).toMatchObject({ blocks: [], decision: { outcome: 'allowed', gateState: 'ok', why: expect.stringContaining('Released through the gate') } });
    // Released: it leaves the gate index, which tracks unreleased versions.
    expect((await gateIndex())?.versions[versionId]).toBeUndefined();
  });

  test('ready 2 days before is blocked as late; moving the date out clears the plan, but releasing before that date is still late', async () => {
    const versionId = await createVersion('2027.07 Late', todayPlus(2));
    await writeReady(versionId);
    expect(await releaseAsRita(versionId)).toBe(false);
    const blocked = await record(versionId);
    expect(blocked?.blocks[0]?.gateState).toBe('late');
    expect(blocked?.blocks[0]?.reason).toContain('is late');

    const moved = await rest('release-manager', 'PUT', `/rest/api/3/version/${versionId}`, { releaseDate: todayPlus(8) });
    expect(moved.status).toBe(200);
    await site.host.idle();
    expect(expectOk(await invoke('po', 'getHandoff', { versionId })).gate.state).toBe('ok');
    // Going out today, it is judged against today, not the moved date.
    expect(await releaseAsRita(versionId)).toBe(false);
    expect((await record(versionId))?.blocks).toHaveLength(2);
    // Had it become ready 7 days before today, today's release would be on time.
    await backdateReady(versionId, 7);
    expect(await releaseAsRita(versionId)).toBe(true);
  });
});

describe('(d) overrides', () => {
  let versionId: string;
  beforeAll(async () => {
    versionId = await createVersion('2027.08 Override', todayPlus(3));
    expect(await releaseAsRita(versionId)).toBe(false);
  });

  test('a CS agent and a PO cannot override or withdraw; nothing is recorded', async () => {
    const before = await record(versionId);
    for (const role of ['cs-agent', 'po']) {
      for (const fn of ['overrideGate', 'withdrawOverride']) {
        const payload = fn === 'overrideGate' ? { versionId, reason: 'We briefed CS in person.' } : { versionId };
        const refused = expectError(await invoke(role, fn, payload));
        expect(refused.code).toBe('FORBIDDEN');
        expect(refused.message).toContain('Only a project admin can');
        expect(refused.message).toContain('Administer projects');
      }
    }
    expect(await record(versionId)).toEqual(before);
  });

  test("Rita's override lets the release through and is recorded with who, when and why; withdrawing closes the gate again", async () => {
    const rita = personOf(site, 'release-manager');
    const before = Date.now();
    const gate = expectOk(await invoke<{ state: string }>('release-manager', 'overrideGate', { versionId, reason: 'CS was briefed in person on Monday.' }));
    expect(gate.state).toBe('overridden');
    // The overview shows it at once, without waiting for the daily scan.
    const overview = expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {}));
    expect(overview.releases.find((r) => r.version.id === versionId)?.gate.state).toBe('overridden');
    expect((await gateIndex())?.versions[versionId]?.state).toBe('overridden');

    const r = await record(versionId);
    expect(r?.override).toMatchObject({ by: { accountId: rita.accountId, displayName: rita.displayName }, reason: 'CS was briefed in person on Monday.' });
    expect(Date.parse(r?.override?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);

    const withdrawn = expectOk(await invoke<{ state: string; override: unknown }>('release-manager', 'withdrawOverride', { versionId }));
    expect(withdrawn).toMatchObject({ state: 'overdue', override: null });
    expect((await gateIndex())?.versions[versionId]?.state).toBe('overdue');
    expect(await releaseAsRita(versionId)).toBe(false);

    expectOk(await invoke('release-manager', 'overrideGate', { versionId, reason: 'CS was briefed in person on Monday.' }));
    expect(await releaseAsRita(versionId)).toBe(true);
    expect((await record(versionId))?.blocks).toHaveLength(2);
  });
});

describe('(e) the workflow validator', () => {
  async function issueWith(fixVersionId: string | null): Promise<string> {
    const fields = {
      project: { key: 'SHOP' },
      issuetype: { id: '10001' },
      summary: `Release ticket ${fixVersionId ?? 'none'}`,
      ...(fixVersionId ? { fixVersions: [{ id: fixVersionId }] } : {}),
    };
    const created = await rest<{ key: string }>('po', 'POST', '/rest/api/3/issue', { fields });
    expect(created.status).toBe(201);
    return created.json.key;
  }
  const validate = async (key: string) => (await site.host.runWorkflowValidator('cs-handoff-validator', { issue: { key } })) as { result: boolean; errorMessage?: string };

  test('missing, late, ok, overridden, and no fix version', async () => {
    const missing = await createVersion('2027.09 Missing', todayPlus(20));
    const missingResult = await validate(await issueWith(missing));
    expect(missingResult.result).toBe(false);
    expect(missingResult.errorMessage).toContain('Fix version 2027.09 Missing is blocked by CS Handoff');
    expect(missingResult.errorMessage).toContain('has no CS handoff yet');
    expect(missingResult.errorMessage).toContain('Write the handoff and mark it ready');

    const late = await createVersion('2027.10 Late', todayPlus(2));
    await writeReady(late);
    const lateResult = await validate(await issueWith(late));
    expect(lateResult.result).toBe(false);
    expect(lateResult.errorMessage).toContain('is late');
    expect(lateResult.errorMessage).toContain(`Move the release date to ${formatCalendarDate(todayPlus(7))} or later`);

    const ok = await createVersion('2027.11 Ok', todayPlus(10));
    await writeReady(ok);
    expect(await validate(await issueWith(ok))).toEqual({ result: true });

    expectOk(await invoke('release-manager', 'overrideGate', { versionId: late, reason: 'Walkthrough held, CS is ready.' }));
    expect(await validate(await issueWith(late))).toEqual({ result: true });

    expect(await validate(await issueWith(null))).toEqual({ result: true });

    // Several fix versions: only the blocked one is named.
    const both = await rest<{ key: string }>('po', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SHOP' }, issuetype: { id: '10001' }, summary: 'Release train', fixVersions: [{ id: ok }, { id: missing }] },
    });
    const bothResult = await validate(both.json.key);
    expect(bothResult.result).toBe(false);
    expect(bothResult.errorMessage).toContain('Fix version 2027.09 Missing');
    expect(bothResult.errorMessage).not.toContain('2027.11 Ok');
  });
});

describe('(f) Jira refuses the un-release', () => {
  test('the block entry says so and the gate index flags it', async () => {
    const versionId = await createVersion('2027.12 Refused', todayPlus(4));
    // The person's release goes through; only then does Jira start refusing the app's PUT.
    site.jira.store.releaseVersion(versionId, principal('release-manager'));
    // More refusals than the trigger's retries (4 tries of 3 attempts each).
    site.jira.settings.faults.push({ pathPattern: '^PUT /rest/api/3/version/', status: 503, times: 100 });
    try {
      await site.host.idle();
    } finally {
      site.jira.settings.faults.length = 0;
    }
    expect(site.jira.store.getVersion({ kind: 'app' }, versionId).released).toBe(true);
    const block = (await record(versionId))?.blocks[0];
    expect(block?.unreleaseFailed).toContain('Jira refused to put the version back to unreleased');
    expect(block?.unreleaseFailed).toContain('Un-release it by hand');
    expect((await record(versionId))?.decision).toMatchObject({ outcome: 'could-not-put-back', why: expect.stringContaining('Jira refused to put the version back') });
    expect((await gateIndex())?.versions[versionId]).toMatchObject({ unreleaseFailed: true });
    // The daily scan keeps the flag while the version stays released.
    await site.host.runScheduledTrigger('gate-risk-scan');
    expect((await gateIndex())?.versions[versionId]).toMatchObject({ unreleaseFailed: true });
  });
});

describe('(g) the daily scan', () => {
  test('repairs a deleted gate index and marks due-soon and overdue versions', async () => {
    const dueSoon = await createVersion('2028.01 Due soon', todayPlus(8));
    const overdue = await createVersion('2028.02 Overdue', todayPlus(3));
    const deleted = await rest('release-manager', 'DELETE', `/rest/api/3/project/SHOP/properties/${GATE_INDEX_PROPERTY_KEY}`);
    expect(deleted.status).toBe(204);
    expect(await gateIndex()).toBeNull();

    await site.host.runScheduledTrigger('gate-risk-scan');
    const index = await gateIndex();
    expect(index?.scannedAt).toEqual(expect.any(String));
    expect(index?.versions[dueSoon]).toMatchObject({ state: 'due-soon', deadline: todayPlus(1) });
    expect(index?.versions[overdue]).toMatchObject({ state: 'overdue', deadline: todayPlus(-4) });
    const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
    expect(overview.releases.find((r) => r.version.id === dueSoon)?.gate.state).toBe('due-soon');
    expect(overview.releases.find((r) => r.version.id === overdue)?.gate.state).toBe('overdue');
  });
});

describe('the project lead time, everywhere', () => {
  test('saveHandoff, setStatus, getHandoff and listReleases use the setting; saveSettings updates the gate index', async () => {
    const versionId = await createVersion('2028.03 Lead time', todayPlus(9));
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
    expect(saved.leadTimeDays).toBe(7);
    const ready = expectOk(await invoke('po', 'setStatus', { versionId, baseRevision: saved.handoff?.revision, status: 'ready' }));
    expect(ready).toMatchObject({ state: 'ready', gate: { state: 'ok', deadline: todayPlus(2) } });
    // Marking ready refreshed this version's gate-index entry at once.
    expect((await gateIndex())?.versions[versionId]).toMatchObject({ state: 'ok', deadline: todayPlus(2) });

    const refused = expectError(await invoke('po', 'saveSettings', { leadTimeDays: 10 }));
    expect(refused.code).toBe('FORBIDDEN');
    expectOk(await invoke('release-manager', 'saveSettings', { leadTimeDays: 10 }));
    const index = await gateIndex();
    expect(index?.settings).toEqual({ leadTimeDays: 10, walkthroughGate: false });
    expect(index?.versions[versionId]).toMatchObject({ state: 'late', deadline: todayPlus(-1) });
    expect(await storedProperty(site, 'cs-handoff.settings')).toEqual({ leadTimeDays: 10, walkthroughGate: false });

    const view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId }));
    expect(view).toMatchObject({ leadTimeDays: 10, state: 'late', gate: { state: 'late', deadline: todayPlus(-1) } });
    const again = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: view.handoff?.revision, content: completeContent({ whatsNew: 'Edited.' }) }));
    expect(again).toMatchObject({ leadTimeDays: 10, state: 'late', gate: { state: 'late' } });
    const draft = expectOk(await invoke('po', 'setStatus', { versionId, baseRevision: again.handoff?.revision, status: 'draft' }));
    expect(draft).toMatchObject({ leadTimeDays: 10, state: 'draft', gate: { state: 'overdue', deadline: todayPlus(-1) } });
    const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
    expect(overview.leadTimeDays).toBe(10);
    expect(overview.releases.find((r) => r.version.id === versionId)).toMatchObject({ state: 'draft' });

    expectOk(await invoke('release-manager', 'saveSettings', { leadTimeDays: 7 }));
    expect((await gateIndex())?.settings?.leadTimeDays).toBe(7);
  });
});

describe('the walkthrough gate (project setting)', () => {
  test('on: a ready, on-time handoff with an unsettled walkthrough question is blocked; settling it lets the release through', async () => {
    const versionId = await createVersion('2028.04 Walkthrough gate', todayPlus(20));
    const saved = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
    let view = expectOk(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId,
        baseRevision: saved.revisions.walkthrough,
        walkthrough: {
          heldAt: '2026-07-01T14:00:00Z',
          attendees: [attendeeOf('cs-lead')],
          questions: [
            { text: 'Is the export limited to admins?', settlement: { kind: 'brief-gap', note: 'The brief does not say who can export.' } },
            { text: 'Does the export include archived items?', settlement: null },
          ],
        },
      }),
    );
    view = expectOk(await invoke('po', 'setStatus', { versionId, baseRevision: view.handoff?.revision, status: 'ready' }));
    // Released today, long before its planned date: on time only if it was ready a lead time before today.
    await backdateReady(versionId, 7);
    // Setting off (the default): on time, the gate is open, the walkthrough only warns.
    expect(view.gate).toMatchObject({ state: 'ok', walkthroughWarning: expect.stringContaining('1 question from the CS walkthrough is not settled') });

    // Only an admin may turn it on; the lead time stays as it was.
    expect(expectError(await invoke('po', 'saveSettings', { walkthroughGate: true })).code).toBe('FORBIDDEN');
    expect(expectOk(await invoke<{ settings: unknown }>('release-manager', 'saveSettings', { walkthroughGate: true })).settings).toEqual({ leadTimeDays: 7, walkthroughGate: true });
    try {
      view = expectOk(await invoke('cs-agent', 'getHandoff', { versionId }));
      expect(view.gate.state).toBe('missing');
      expect(view.gate.walkthroughWarning).toContain('1 question from the CS walkthrough is not settled');
      expect(view.gate.clearBy[0]).toContain('settle every question');
      const overview = expectOk(await invoke<ReleasesOverview>('cs-lead', 'listReleases', {}));
      expect(overview.releases.find((r) => r.version.id === versionId)?.gate.state).toBe('missing');

      expect(await releaseAsRita(versionId)).toBe(false);
      const blocked = await record(versionId);
      expect(blocked?.blocks).toHaveLength(1);
      expect(blocked?.blocks[0]?.reason).toContain('walkthrough gate is on: 1 question from the CS walkthrough is not settled');

      // Settling the question (a CS reader may) refreshes the gate-index entry and opens the gate.
      const question = view.walkthrough?.questions.find((q) => q.settlement === null);
      view = expectOk(
        await invoke('cs-lead', 'settleQuestion', {
          versionId,
          baseRevision: view.revisions.walkthrough,
          questionId: question?.id,
          settlement: { kind: 'brief-gap', note: 'Archived items: not in the brief.' },
        }),
      );
      expect(view.gate).toMatchObject({ state: 'ok', walkthroughWarning: null });
      expect((await gateIndex())?.versions[versionId]).toMatchObject({ state: 'ok' });
      expect(await releaseAsRita(versionId)).toBe(true);
      expect((await record(versionId))?.blocks).toHaveLength(1);
    } finally {
      expectOk(await invoke('release-manager', 'saveSettings', { walkthroughGate: false }));
    }
  });
});

describe('(i) who released it, by name', () => {
  test("the block entry carries the releaser's Jira name, looked up as the app in the trigger's first round", async () => {
    const versionId = await createVersion('2028.05 Named', todayPlus(5));
    const mark = site.jira.requestLog.length;
    // With some latency, calls of one parallel round overlap in the request log.
    site.jira.settings.latencyMs = 30;
    try {
      expect(await releaseAsRita(versionId)).toBe(false);
    } finally {
      site.jira.settings.latencyMs = 0;
    }
    const calls = site.jira.requestLog.slice(mark).filter((e) => e.path.startsWith('/rest/api/3/') && e.principal === 'app');
    const lookup = calls.find((e) => e.path === '/rest/api/3/user');
    expect(lookup).toBeDefined();
    // Same round as the version read: it started before the version read answered.
    const versionRead = calls.find((e) => e.method === 'GET' && e.path === `/rest/api/3/version/${versionId}`);
    expect(versionRead).toBeDefined();
    expect(roundsOf([lookup!, versionRead!])).toBe(1);
    expect((await record(versionId))?.blocks[0]?.releasedBy).toEqual({ accountId: personOf(site, 'release-manager').accountId, displayName: 'Rita Okafor' });
    const view = expectOk(await invoke('release-manager', 'getHandoff', { versionId }));
    expect(view.gate.latestBlock?.releasedBy.displayName).toBe('Rita Okafor');
  });

  test('a failed lookup leaves the name out and still blocks the release', async () => {
    const versionId = await createVersion('2028.06 Nameless', todayPlus(5));
    site.jira.settings.faults.push({ pathPattern: '^GET /rest/api/3/user$', status: 500, times: 5 });
    try {
      expect(await releaseAsRita(versionId)).toBe(false);
    } finally {
      site.jira.settings.faults.length = 0;
    }
    const block = (await record(versionId))?.blocks[0];
    expect(block?.releasedBy).toEqual({ accountId: personOf(site, 'release-manager').accountId });
    expect(block?.reason).toContain('has no CS handoff yet');
  });
});
