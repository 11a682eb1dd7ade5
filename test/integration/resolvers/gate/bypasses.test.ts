/**
 * The ways around the release gate, each tried on the local Jira site the way a release manager (or
 * someone in a hurry) would: every one must end with the version unreleased and a decision on record.
 */
import { formatCalendarDate } from '#domain/date-format';
import { completeContent, expectOk, useStartedSite } from '../helpers';
import { personOf } from '../../../support';
import { gateSite, todayPlus } from './gate-helpers';

jest.setTimeout(60_000);
// The release trigger's retry waits, short (read by the app when the site first loads it): 4 tries in all.
process.env.CS_HANDOFF_RETRY_DELAYS_MS = '10,10,10';
// Forge's async events: a "second" of retryAfter is 2 ms here, 4 retries per event (Forge's own limit).
const { site, invoke } = useStartedSite({ queues: { msPerSecond: 2, maxRetries: 4 } });
const gate = gateSite(site);

const principal = (role: string) => ({ kind: 'user' as const, accountId: personOf(site(), role).accountId });
const versionRead = (versionId: string) => `^GET /rest/api/3/version/${versionId}$`;

afterEach(() => {
  site().jira.settings.faults.length = 0;
  site().host.storageSettings.faults.length = 0;
});

test('born released: a version created with released:true is put back and recorded', async () => {
  const created = await gate.rest<{ id: string; released: boolean }>('release-manager', 'POST', '/rest/api/3/version', {
    name: '2030.01 Born released',
    projectId: Number(await gate.shopProjectId()),
    releaseDate: todayPlus(10),
    released: true,
  });
  expect(created.status).toBe(201);
  expect(created.json.released).toBe(true);
  await site().host.idle();
  expect((await gate.versionNow(created.json.id)).released).toBe(false);
  const record = await gate.record(created.json.id);
  expect(record?.blocks).toHaveLength(1);
  expect(record?.blocks[0]?.reason).toContain('has no CS handoff yet');
  expect(record?.decision).toMatchObject({ outcome: 'put-back' });
});

test.each([
  ['one 500', 500, 1],
  ['three 503s', 503, 3],
] as const)('%s on the trigger’s version read does not let the release through', async (_name, status, times) => {
  const versionId = await gate.createVersion(`2030.02 Transient ${status}x${times}`, todayPlus(10));
  site().jira.store.releaseVersion(versionId, principal('release-manager'));
  site().jira.settings.faults.push({ pathPattern: versionRead(versionId), status, times });
  await site().host.idle();
  expect(site().jira.settings.faults).toEqual([]); // the trigger met every injected failure
  expect((await gate.versionNow(versionId)).released).toBe(false);
  expect((await gate.record(versionId))?.decision).toMatchObject({ outcome: 'put-back' });
});

const retryDeliveries = () => site().host.deliveries.filter((d) => d.queueName === 'release-gate-retry');

// Jira's client retries a 503 itself (3 tries per call), a 500 never: 4 trigger tries, then the queue's first try and first retry.
test.each([
  ['500', 500, 4 + 2],
  ['503', 503, (4 + 2) * 3],
] as const)('Jira answering %s on the version read past the trigger’s own retries: the queued retry puts it back, with one decision', async (_name, status, times) => {
  const versionId = await gate.createVersion(`2030.06 Queued retry ${status}`, todayPlus(10));
  const before = retryDeliveries().length;
  site().jira.store.releaseVersion(versionId, principal('release-manager'));
  site().jira.settings.faults.push({ pathPattern: versionRead(versionId), status, times });
  await site().host.idle();
  expect(site().jira.settings.faults).toEqual([]);
  expect(
    retryDeliveries()
      .slice(before)
      .map((d) => [d.attempt, d.status]),
  ).toEqual([
    [1, 'retry-requested'],
    [2, 'retry-requested'],
    [3, 'succeeded'],
  ]);
  expect((await gate.versionNow(versionId)).released).toBe(false);
  const record = await gate.record(versionId);
  expect(record?.decisions?.map((d) => d.outcome)).toEqual(['put-back']);
  expect(record?.blocks).toHaveLength(1);
  expect(record?.undecided).toBeUndefined();
});

test('Jira failing through every retry, the queue’s too: the record says undecided, and the re-check puts it back', async () => {
  const versionId = await gate.createVersion('2030.03 Jira down', todayPlus(10));
  site().jira.store.releaseVersion(versionId, principal('release-manager'));
  site().jira.settings.faults.push({ pathPattern: versionRead(versionId), status: 503, times: 50 });
  await site().host.idle();
  // The consumer asked for a retry every time, never let it through; Forge stopped after its retries.
  expect(retryDeliveries().filter((d) => d.status === 'retry-requested').length).toBeGreaterThanOrEqual(4);
  site().jira.settings.faults.length = 0;
  expect((await gate.versionNow(versionId)).released).toBe(true);
  expect(await gate.record(versionId)).toMatchObject({ undecided: { error: expect.stringContaining('JIRA_UNAVAILABLE') } });
  expect((await gate.record(versionId))?.decision).toBeUndefined();

  await site().host.runScheduledTrigger('release-recheck');
  expect((await gate.versionNow(versionId)).released).toBe(false);
  const record = await gate.record(versionId);
  expect(record?.decision).toMatchObject({ outcome: 'put-back' });
  expect(record?.undecided).toBeUndefined();
});

test('an update to a released version nobody decided on yet is checked (a lost release event)', async () => {
  const versionId = await gate.createVersion('2030.04 Lost event', todayPlus(10));
  site().jira.store.releaseVersion(versionId, principal('release-manager'));
  site().jira.settings.faults.push({ pathPattern: versionRead(versionId), status: 503, times: 50 });
  await site().host.idle();
  site().jira.settings.faults.length = 0;
  expect((await gate.versionNow(versionId)).released).toBe(true);
  expect(await gate.putVersionAsRita(versionId, { description: 'Release notes updated' })).toBe(false);
});

describe('the date trick: lateness is judged against the day it went out', () => {
  test('set the date to 2099, release, set it back', async () => {
    const versionId = await gate.createVersion('2030.05 Trick in steps', todayPlus(2));
    await gate.writeReady(versionId); // ready 2 days before the planned date: late
    expect(await gate.putVersionAsRita(versionId, { releaseDate: '2099-01-01' })).toBe(false);
    expect(await gate.releaseAsRita(versionId)).toBe(false);
    const record = await gate.record(versionId);
    expect(record?.blocks[0]).toMatchObject({ gateState: 'late' });
    expect(record?.blocks[0]?.reason).toContain(`release date ${formatCalendarDate(todayPlus(0))}`);
    // Setting the date back afterwards changes nothing: still unreleased, still one block.
    expect(await gate.putVersionAsRita(versionId, { releaseDate: todayPlus(2) })).toBe(false);
    expect((await gate.record(versionId))?.blocks).toHaveLength(1);
  });

  test('release with releaseDate 2099 in the same PUT', async () => {
    const versionId = await gate.createVersion('2030.06 Trick in one', todayPlus(2));
    await gate.writeReady(versionId);
    expect(await gate.putVersionAsRita(versionId, { released: true, releaseDate: '2099-01-01' })).toBe(false);
    expect((await gate.record(versionId))?.blocks[0]).toMatchObject({ gateState: 'late' });
  });

  test('an on-time release is not undone by moving its date afterwards', async () => {
    const versionId = await gate.createVersion('2030.07 On time', todayPlus(0));
    await gate.writeReady(versionId);
    await gate.backdateReady(versionId, 10);
    expect(await gate.releaseAsRita(versionId)).toBe(true);
    expect(await gate.putVersionAsRita(versionId, { releaseDate: todayPlus(-30) })).toBe(true);
    expect((await gate.record(versionId))?.decision).toMatchObject({ outcome: 'allowed' });
  });
});

test('emptied handoff: saving a ready handoff without its required parts moves it back to draft and the release is blocked', async () => {
  const versionId = await gate.createVersion('2030.08 Emptied', todayPlus(0));
  const revision = await gate.writeReady(versionId);
  await gate.backdateReady(versionId, 10);
  const emptied = completeContent({ whatsNew: '', happyPath: [], questions: [] });
  const saved = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: revision, content: emptied }));
  expect(saved.handoff).toMatchObject({ status: 'draft', readyAt: null });
  expect(saved.state).toBe('draft');
  expect(saved.notice).toContain('moved back to draft');
  expect(saved.notice).toContain("A what's-new paragraph");
  expect(await gate.releaseAsRita(versionId)).toBe(false);
  expect((await gate.record(versionId))?.blocks[0]?.reason).toContain('is still a draft');
});

// The block record is a compare-and-set transaction in Forge storage: a failed commit must neither let the
// release through nor leave the version put back with no entry saying why, nor record the attempt twice.
test.each([
  ['once', 1],
  ['five times in a row', 5],
] as const)('a failed record write (the gate record’s commit failing %s): put back, with one block and one decision', async (_name, times) => {
  const versionId = await gate.createVersion(`2030.05 Record write fails ${times}`, todayPlus(10));
  site().host.storageSettings.faults.push({ pathPattern: '^/api/v1/transaction$', status: 500, times });
  site().jira.store.releaseVersion(versionId, principal('release-manager'));
  await site().host.idle();
  expect(site().host.storageSettings.faults).toEqual([]); // the gate met every injected failure
  expect((await gate.versionNow(versionId)).released).toBe(false);
  const record = await gate.record(versionId);
  expect(record?.blocks).toHaveLength(1);
  expect(record?.blocks[0]?.reason).toContain('has no CS handoff yet');
  expect(record?.decisions?.map((d) => d.outcome)).toEqual(['put-back']);
});
