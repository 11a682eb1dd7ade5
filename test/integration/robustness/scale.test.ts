/**
 * No size walls: 5,000 handoffs in one project. The overview shows them a page at a time (one Jira
 * call for the page's versions, the page's records by key), so its Jira calls do not grow with the
 * project; page 2, a name search and the release filter are Jira's own filters. A new handoff still
 * saves, and a version id written another way ("010002") is refused rather than becoming a second
 * handoff of the same version.
 */
import { kvs } from '@forge/kvs';
import type { ReleasesOverview } from '#contract';
import { ENTITIES, versionKey } from '#store/port';
import { roundsOf } from '../../../local-site/jira';
import { personOf } from '../../support';
import { OVERVIEW_PAGE_SIZE } from '#contract';
import { completeContent, expectError, expectOk, useStartedSite } from '../resolvers/helpers';

jest.setTimeout(300_000);

const HANDOFFS = 5000;
const { site, invoke, markCalls, callsSince } = useStartedSite();
let newVersion = '';

beforeAll(async () => {
  const rita = { kind: 'user' as const, accountId: personOf(site(), 'release-manager').accountId };
  const shop = site().jira.store.findProject('SHOP');
  if (!shop) throw new Error('no SHOP project');
  // Straight into the emulator's store (no HTTP per version), then one content record per version.
  const versions = Array.from({ length: HANDOFFS + 1 }, (_, i) => site().jira.store.createVersion(rita, { projectId: String(shop.id), name: `Scale ${i + 1}`, releaseDate: '2099-06-01' }));
  newVersion = versions.pop()!.id;
  const po = { accountId: personOf(site(), 'po').accountId, displayName: 'Priya Patel' };
  await site().host.runAsApp(async () => {
    for (let i = 0; i < versions.length; i += 20) {
      await kvs.batchSet(
        versions.slice(i, i + 20).map((v, j) => ({
          entityName: ENTITIES.content,
          key: versionKey(String(shop.id), v.id),
          value: {
            schemaVersion: 1,
            projectId: String(shop.id),
            versionId: v.id,
            versionNumber: Number(v.id),
            revision: 1,
            writeId: `seed-${v.id}`,
            updatedAt: '2026-07-01T12:00:00.000Z',
            updatedBy: po,
            content: completeContent(),
            status: (i + j) % 40 === 0 ? 'ready' : 'draft',
            readyAt: (i + j) % 40 === 0 ? '2026-07-01T12:00:00.000Z' : null,
          },
        })),
      );
    }
  });
});

test(`the overview at ${HANDOFFS.toLocaleString('en-US')} versions: one page in 3 Jira calls in one round; page 2, search and filter`, async () => {
  // Each Jira and storage call takes 30 ms, so calls made one after another show as separate rounds.
  site().jira.settings.latencyMs = 30;
  site().host.storageSettings.latencyMs = 30;
  // (The seeded versions' own events may still be making app calls in the background, so the app's
  // calls are counted by what the overview asks: its own permissions.)
  const overviewCalls = (calls: ReturnType<typeof callsSince>) => calls.jira.filter((c) => c.principal !== 'app' || c.path === '/rest/api/3/mypermissions');
  // The first open of the hour also asks Jira about the app's own permissions (the health line), after access is checked.
  const cold = markCalls();
  expectOk(await invoke<ReleasesOverview>('po', 'listReleases', {}));
  const coldCalls = overviewCalls(callsSince(cold));
  expect(coldCalls.filter((c) => c.principal === 'app')).toHaveLength(1);
  expect(coldCalls.filter((c) => c.principal !== 'app')).toHaveLength(3);
  const mark = markCalls();
  const first = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', {}));
  const calls = callsSince(mark);
  site().jira.settings.latencyMs = 0;
  site().host.storageSettings.latencyMs = 0;
  // As the person: permissions, the project (the gate index among its properties, no versions), one
  // page of versions; the app's health answer is kept in storage. None per version, one round.
  const jira = overviewCalls(calls);
  expect(jira.map((c) => c.path).sort()).toEqual(['/rest/api/3/mypermissions', '/rest/api/3/project/SHOP/version', '/rest/api/3/project/search']);
  expect(jira.every((c) => c.principal !== 'app')).toBe(true);
  expect(roundsOf(jira)).toBe(1);
  // Storage: the kept health answer beside the Jira round, then the page's handoff, walkthrough and
  // support records by key: three batch gets of 25, whatever the project holds.
  expect(calls.storage.length).toBeLessThanOrEqual(4);
  expect(roundsOf([...jira, ...calls.storage])).toBeLessThanOrEqual(2);
  expect(first.releases).toHaveLength(OVERVIEW_PAGE_SIZE);
  expect(first.page).toEqual({ number: 1, size: OVERVIEW_PAGE_SIZE, total: HANDOFFS + 4 });
  expect(first.releases.every((r) => r.status !== 'none' || !r.version.name.startsWith('Scale'))).toBe(true);

  const second = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', { page: 2 }));
  expect(second.releases).toHaveLength(OVERVIEW_PAGE_SIZE);
  const firstIds = new Set(first.releases.map((r) => r.version.id));
  expect(second.releases.some((r) => firstIds.has(r.version.id))).toBe(false);

  // "Scale 4321" and nothing else that contains it (there are 5,000 "Scale n" versions).
  const found = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', { search: 'scale 4321' }));
  expect(found.releases.map((r) => r.version.name)).toEqual(['Scale 4321']);
  const index = 4320; // "Scale 4321" is the 4,321st version: every 40th is ready.
  expect(found.releases[0]?.status).toBe(index % 40 === 0 ? 'ready' : 'draft');
  expect(found.page.total).toBe(1);
  const released = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', { status: 'released', search: 'scale' }));
  expect(released.page.total).toBe(0);
  const beyond = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', { page: 1000 }));
  expect(beyond.releases).toEqual([]);
  expect(expectError(await invoke('po', 'listReleases', { page: 0 }))).toMatchObject({ code: 'INVALID_INPUT' });
});

test('a new handoff in a project of 5,000 still saves and shows on its page', async () => {
  const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: newVersion, baseRevision: 0, content: completeContent() }));
  expect(saved.handoff?.revision).toBe(1);
  const ready = expectOk(await invoke('po', 'setStatus', { versionId: newVersion, baseRevision: 1, status: 'ready' }));
  expect(ready.handoff?.status).toBe('ready');
  const after = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', { search: `Scale ${HANDOFFS + 1}` }));
  expect(after.releases.find((r) => r.version.id === newVersion)?.status).toBe('ready');
});

test('a version id with a leading zero is refused: "010002" is not a second handoff of version 10002', async () => {
  const refused = expectError(await invoke('po', 'saveHandoff', { versionId: '010002', baseRevision: 0, content: completeContent() }));
  expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: { versionId: 'versionId must be a Jira version id (digits only, no leading zero)' } });
  expect(expectError(await invoke('po', 'getHandoff', { versionId: '010002' })).code).toBe('INVALID_INPUT');
});
