/**
 * The release gate as Forge delivers product events: late (here 5 s; up to about 3 minutes on Forge) and
 * more than once. The outcome must be the same as with prompt, single delivery.
 */
import { gatePropertyKey } from '#domain/property-keys';
import type { GateRecord } from '#domain/gate/rules';
import { personOf, startTestSite, type TestSite } from '../../../support';
import { completeContent, expectOk, invoker, SOON_VERSION, storedProperty } from '../helpers';
import { gateSite } from './gate-helpers';

const DELAY_MS = 5_000;
jest.setTimeout(90_000);
let site: TestSite;
let invoke: ReturnType<typeof invoker>;

const basic = (email: string) => `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;

async function rest<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${site.url}${path}`, {
    method,
    headers: { authorization: basic(personOf(site, 'release-manager').emailAddress), 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
}

const isReleased = async (versionId: string) => (await rest<{ released: boolean }>('GET', `/rest/api/3/version/${versionId}`)).json.released;
const releasedDeliveries = (versionId: string) => site.host.deliveries.filter((d) => d.kind === 'trigger' && d.eventType === 'avi:jira:released:version' && d.versionId === versionId);

/** Rita releases; the event is not delivered yet; once the host is idle, answers whether it is still released. */
async function release(versionId: string): Promise<boolean> {
  const before = releasedDeliveries(versionId).length;
  expect((await rest('PUT', `/rest/api/3/version/${versionId}`, { released: true })).status).toBe(200);
  // Nothing has reached the app yet: on Forge the release stands for a while too.
  expect(await isReleased(versionId)).toBe(true);
  expect(releasedDeliveries(versionId)).toHaveLength(before);
  await site.host.idle();
  // Delivered twice, both handled.
  expect(
    releasedDeliveries(versionId)
      .slice(before)
      .map((d) => d.status),
  ).toEqual(['succeeded', 'succeeded']);
  return isReleased(versionId);
}

beforeAll(async () => {
  site = await startTestSite({ eventDelivery: { delayMs: DELAY_MS, duplicates: true } });
  invoke = invoker(site);
});
afterAll(() => site.close());

test('a release with no handoff is put back once the late events arrive, with exactly one block entry', async () => {
  expect(await release(SOON_VERSION)).toBe(false);
  const record = (await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord;
  expect(record.blocks).toHaveLength(1);
  expect(record.blocks[0]).toMatchObject({ gateState: 'overdue', releasedBy: { accountId: personOf(site, 'release-manager').accountId } });
  expect(record.blocks[0]?.reason).toContain('has no CS handoff yet');
  // One release attempt, two late deliveries: exactly one decision.
  expect(record.decisions?.map((d) => d.outcome)).toEqual(['put-back']);
});

test('after an override, the late duplicated events let the release stand and record nothing more', async () => {
  expect(expectOk(await invoke<{ state: string }>('release-manager', 'overrideGate', { versionId: SOON_VERSION, reason: 'We briefed CS in person.' })).state).toBe('overridden');
  expect(await release(SOON_VERSION)).toBe(true);
  const record = (await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord;
  expect(record.blocks).toHaveLength(1);
  // Two attempts so far (blocked, then allowed under the override): one decision each.
  expect(record.decisions?.map((d) => d.outcome)).toEqual(['put-back', 'allowed']);
  expect(record.decision?.why).toContain('override');
});

test('a version whose handoff was ready in time stays released', async () => {
  const shop = (await rest<{ id: string }>('GET', '/rest/api/3/project/SHOP')).json;
  // Released on its planned day (today), with a handoff ready 8 days before it.
  const created = await rest<{ id: string }>('POST', '/rest/api/3/version', { name: '2027.08 Late delivery', projectId: Number(shop.id), releaseDate: new Date().toISOString().slice(0, 10) });
  expect(created.status).toBe(201);
  const versionId = created.json.id;
  const saved = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
  expectOk(await invoke('po', 'setStatus', { versionId, baseRevision: saved.handoff?.revision, status: 'ready' }));
  await gateSite(() => site).backdateReady(versionId, 8);
  expect(await release(versionId)).toBe(true);
  expect(((await storedProperty(site, gatePropertyKey(versionId))) as GateRecord).decisions?.map((d) => d.outcome)).toEqual(['allowed']);
});

test('the hourly re-check racing the late, duplicated deliveries: one decision per attempt, and the override lands beside the block', async () => {
  const versionId = await gateSite(() => site).createVersion('2027.09 Re-check race', null);
  expect((await rest('PUT', `/rest/api/3/version/${versionId}`, { released: true })).status).toBe(200);
  // The re-check runs while both deliveries are still on their way, and an admin overrides at the same time.
  const [, override] = await Promise.all([
    site.host.runScheduledTrigger('release-recheck'),
    invoke<{ state: string }>('release-manager', 'overrideGate', { versionId, reason: 'Briefed CS on the call today.' }),
  ]);
  expectOk(override);
  await site.host.idle();
  expect(releasedDeliveries(versionId).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  let record = (await storedProperty(site, gatePropertyKey(versionId))) as GateRecord;
  expect(record.override?.reason).toBe('Briefed CS on the call today.');
  expect(record.decisions).toHaveLength(1);
  // Whichever came first decided; the version is what that decision says.
  expect(await isReleased(versionId)).toBe(record.decision?.outcome === 'allowed');
  expect(record.blocks).toHaveLength(record.decision?.outcome === 'allowed' ? 0 : 1);

  // Released again (put back before, or a second attempt anyway): the override lets it through, one more decision.
  if (!(await isReleased(versionId))) {
    expect(await release(versionId)).toBe(true);
    record = (await storedProperty(site, gatePropertyKey(versionId))) as GateRecord;
    expect(record.decisions?.map((d) => d.outcome)).toEqual(['put-back', 'allowed']);
  }
});
