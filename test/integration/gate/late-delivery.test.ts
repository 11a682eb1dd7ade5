/**
 * The release gate as Forge delivers product events: late (here 5 s; up to about 3 minutes on Forge) and
 * more than once. The outcome must be the same as with prompt, single delivery.
 */
import { gatePropertyKey } from '../../../src/domain/property-keys';
import type { GateRecord } from '../../../src/domain/gate/rules';
import { personOf, startTestSite, type TestSite } from '../../support';
import { completeContent, expectOk, invoker, SOON_VERSION, storedProperty } from '../resolvers/helpers';

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
const releasedDeliveries = (versionId: string) =>
  site.host.deliveries.filter((d) => d.kind === 'trigger' && d.eventType === 'avi:jira:released:version' && d.versionId === versionId);

/** Rita releases; the event is not delivered yet; once the host is idle, answers whether it is still released. */
async function release(versionId: string): Promise<boolean> {
  const before = releasedDeliveries(versionId).length;
  expect((await rest('PUT', `/rest/api/3/version/${versionId}`, { released: true })).status).toBe(200);
  // Nothing has reached the app yet: on Forge the release stands for a while too.
  expect(await isReleased(versionId)).toBe(true);
  expect(releasedDeliveries(versionId)).toHaveLength(before);
  await site.host.idle();
  // Delivered twice, both handled.
  expect(releasedDeliveries(versionId).slice(before).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
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
});

test('after an override, the late duplicated events let the release stand and record nothing more', async () => {
  expect(expectOk(await invoke<{ state: string }>('release-manager', 'overrideGate', { versionId: SOON_VERSION, reason: 'We briefed CS in person.' })).state).toBe('overridden');
  expect(await release(SOON_VERSION)).toBe(true);
  expect(((await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord).blocks).toHaveLength(1);
});

test('a version whose handoff was ready in time stays released', async () => {
  const shop = (await rest<{ id: string }>('GET', '/rest/api/3/project/SHOP')).json;
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 8);
  const created = await rest<{ id: string }>('POST', '/rest/api/3/version', { name: '2027.08 Late delivery', projectId: Number(shop.id), releaseDate: d.toISOString().slice(0, 10) });
  expect(created.status).toBe(201);
  const versionId = created.json.id;
  const saved = expectOk(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
  expectOk(await invoke('po', 'setStatus', { versionId, baseRevision: saved.handoff?.revision, status: 'ready' }));
  expect(await release(versionId)).toBe(true);
  expect(await storedProperty(site, gatePropertyKey(versionId))).toBeNull();
});
