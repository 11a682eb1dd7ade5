/**
 * A content save reads the gate record, the project settings and the site's time zone in its records'
 * storage call. Where storage holds none of them yet (an install from before they were records), the
 * save reads their properties once, shows the same gate, and imports them: the next save reads no gate
 * property, no settings property, no gate index and no serverInfo, and still shows the same gate.
 */
import { content as baseContent } from '../../../bench/fixtures';
import { fakeWorld, PO, PROJECT, VERSION_ID } from '../../support/fake-world';

test('a save shows the gate from legacy properties, imports them, and the next save reads them from storage only', async () => {
  const world = fakeWorld();
  world.versions.set(VERSION_ID, { ...world.versions.get(VERSION_ID)!, releaseDate: '2026-07-20' });
  world.siteTimeZone = 'America/Los_Angeles';
  world.properties.set(`${PROJECT.key}/cs-handoff.settings`, { leadTimeDays: 14, walkthroughGate: false });
  world.properties.set(`${PROJECT.key}/cs-handoff.gate.${VERSION_ID}`, {
    schemaVersion: 1,
    versionId: VERSION_ID,
    blocks: [],
    override: { by: PO, at: '2026-06-30T10:00:00.000Z', reason: 'CS briefed in person' },
  });
  const labels: string[] = [];
  world.gate = async (label) => {
    labels.push(label);
  };

  const first = await world.call(PO, 'saveHandoff', { versionId: VERSION_ID, baseRevision: 0, content: baseContent() });
  if (!first.ok) throw new Error(first.error.message);
  // 14 days before 20 Jul, and the override the property held.
  expect(first.value.gate).toMatchObject({ deadline: '2026-07-06', state: 'overridden' });
  expect(first.value.timeZone).toBe('America/Los_Angeles');
  expect(labels).toEqual(expect.arrayContaining([`jira:get cs-handoff.gate.${VERSION_ID}`, 'jira:get cs-handoff.settings', 'jira:server-info']));

  labels.length = 0;
  const second = await world.call(PO, 'saveHandoff', { versionId: VERSION_ID, baseRevision: first.value.handoff!.revision, content: { ...baseContent(), whatsNew: 'Second' } });
  if (!second.ok) throw new Error(second.error.message);
  expect(second.value.gate).toEqual(first.value.gate);
  expect(second.value.timeZone).toBe('America/Los_Angeles');
  expect(labels.filter((l) => l.startsWith('jira:get') || l === 'jira:server-info')).toEqual([]);
  expect(labels.filter((l) => l.startsWith('store:'))).toEqual(['store:getMany', 'store:commit']);
});
