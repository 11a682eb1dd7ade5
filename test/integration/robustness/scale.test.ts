/**
 * No size walls: 5,000 handoffs in one project. The overview lists every one of them (the handoffs come
 * from the records' by-project index, 100 per storage page, not from one 32 KB property), a new handoff
 * still saves, and a version id written another way ("010002") is refused rather than becoming a second
 * handoff of the same version.
 */
import { kvs } from '@forge/kvs';
import type { ReleasesOverview } from '../../../src/contract';
import { ENTITIES, versionKey } from '../../../src/store/port';
import { personOf } from '../../support';
import { completeContent, expectError, expectOk, useStartedSite } from '../resolvers/helpers';

jest.setTimeout(300_000);

const HANDOFFS = 5000;
const { site, invoke } = useStartedSite();
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
            schemaVersion: 1, projectId: String(shop.id), versionId: v.id, versionNumber: Number(v.id), revision: 1, writeId: `seed-${v.id}`,
            updatedAt: '2026-07-01T12:00:00.000Z', updatedBy: po, content: completeContent(), status: (i + j) % 40 === 0 ? 'ready' : 'draft', readyAt: (i + j) % 40 === 0 ? '2026-07-01T12:00:00.000Z' : null,
          },
        })),
      );
    }
  });
});

test(`the overview lists all ${HANDOFFS.toLocaleString('en-US')} handoffs of one project, and a new handoff still saves`, async () => {
  const overview = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', {}));
  const withHandoff = overview.releases.filter((r) => r.status !== 'none');
  expect(withHandoff).toHaveLength(HANDOFFS);
  expect(withHandoff.filter((r) => r.status === 'ready')).toHaveLength(HANDOFFS / 40);

  const saved = expectOk(await invoke('po', 'saveHandoff', { versionId: newVersion, baseRevision: 0, content: completeContent() }));
  expect(saved.handoff?.revision).toBe(1);
  const ready = expectOk(await invoke('po', 'setStatus', { versionId: newVersion, baseRevision: 1, status: 'ready' }));
  expect(ready.handoff?.status).toBe('ready');
  const after = expectOk(await invoke<ReleasesOverview>('po', 'listReleases', {}));
  expect(after.releases.filter((r) => r.status !== 'none')).toHaveLength(HANDOFFS + 1);
  expect(after.releases.find((r) => r.version.id === newVersion)?.status).toBe('ready');
});

test('a version id with a leading zero is refused: "010002" is not a second handoff of version 10002', async () => {
  const refused = expectError(await invoke('po', 'saveHandoff', { versionId: '010002', baseRevision: 0, content: completeContent() }));
  expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: { versionId: 'versionId must be a Jira version id (digits only, no leading zero)' } });
  expect(expectError(await invoke('po', 'getHandoff', { versionId: '010002' })).code).toBe('INVALID_INPUT');
});
