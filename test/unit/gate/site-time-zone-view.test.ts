/**
 * The handoff page counts days in the site's time zone (Jira serverInfo), as the release gate does, not
 * in UTC: at 23:30 in Los Angeles on the deadline day the handoff is still due (today), not overdue, and
 * the page says which calendar it counts in. Without a site time zone it falls back to UTC.
 */
import type { HandoffView } from '#contract';
import { dayTimeZone } from '#domain/state';
import { content as baseContent } from '../../../bench/fixtures';
import { fakeWorld, PO, PROJECT, VERSION_ID } from '../../support/fake-world';

// Release on 8 Jul with the default 7-day lead time: ready by 1 Jul.
const RELEASE_DATE = '2026-07-08';
// 23:30 on 1 Jul in Los Angeles (PDT, UTC−7) is already 2 Jul in UTC.
const LA_2330_ON_DEADLINE_DAY = new Date('2026-07-02T06:30:00Z');

async function pageAt(siteTimeZone: string | null): Promise<HandoffView> {
  const world = fakeWorld();
  world.versions.set(VERSION_ID, { ...world.versions.get(VERSION_ID)!, releaseDate: RELEASE_DATE });
  world.now = LA_2330_ON_DEADLINE_DAY;
  world.siteTimeZone = siteTimeZone;
  const view = await world.call(PO, 'getHandoff', { versionId: VERSION_ID });
  if (!view.ok) throw new Error(view.error.message);
  return view.value;
}

test('at 23:30 in Los Angeles on the deadline day, a site in Los Angeles shows the deadline as today, not overdue', async () => {
  const view = await pageAt('America/Los_Angeles');
  expect(view.timeZone).toBe('America/Los_Angeles');
  expect(view.gate).toMatchObject({ deadline: '2026-07-01', state: 'due-soon' });
  expect(view.gate.clearBy[0]).toContain('by 1 Jul 2026');
});

test('the same moment on a site that names no time zone is counted in UTC: already overdue', async () => {
  const view = await pageAt(null);
  expect(view.timeZone).toBe('UTC');
  expect(view.gate).toMatchObject({ deadline: '2026-07-01', state: 'overdue' });
});

test('the time-zone rule: the site, else the person who marked it ready, else UTC', () => {
  expect(dayTimeZone('America/Los_Angeles', 'Asia/Tokyo')).toBe('America/Los_Angeles');
  expect(dayTimeZone(null, 'Asia/Tokyo')).toBe('Asia/Tokyo');
  expect(dayTimeZone(null, null)).toBe('UTC');
});

test('a handoff change counts in the site time zone, read from Jira at most once a day and kept in storage (no gate-index read)', async () => {
  const world = fakeWorld();
  world.versions.set(VERSION_ID, { ...world.versions.get(VERSION_ID)!, releaseDate: RELEASE_DATE });
  world.now = LA_2330_ON_DEADLINE_DAY;
  world.siteTimeZone = 'America/Los_Angeles';
  // The index's old copy of the zone is not what a save counts in any more.
  world.properties.set(`${PROJECT.key}/cs-handoff.gate-index`, { schemaVersion: 1, scannedAt: null, timeZone: 'Asia/Tokyo', versions: {} });
  const saved = await world.call(PO, 'saveHandoff', { versionId: VERSION_ID, baseRevision: 0, content: baseContent() });
  if (!saved.ok) throw new Error(saved.error.message);
  expect(saved.value.timeZone).toBe('America/Los_Angeles');
  expect(saved.value.gate).toMatchObject({ deadline: '2026-07-01', state: 'due-soon' });
  // Within the day the kept zone serves: Jira naming none now changes nothing yet.
  world.siteTimeZone = null;
  const again = await world.call(PO, 'saveHandoff', { versionId: VERSION_ID, baseRevision: saved.value.handoff!.revision, content: { ...baseContent(), whatsNew: 'Again' } });
  if (!again.ok) throw new Error(again.error.message);
  expect(again.value.timeZone).toBe('America/Los_Angeles');
  expect(again.value.gate).toMatchObject({ deadline: '2026-07-01', state: 'due-soon' });
});

describe('a site that names no time zone: days in the zone of who marked the handoff ready', () => {
  const PO_IN_LA = { ...PO, timeZone: 'America/Los_Angeles' };
  const READY_DAY_LA = new Date('2026-07-01T18:00:00Z');

  async function markedReadyBy(person: typeof PO_IN_LA | typeof PO) {
    const world = fakeWorld();
    world.versions.set(VERSION_ID, { ...world.versions.get(VERSION_ID)!, releaseDate: RELEASE_DATE });
    world.siteTimeZone = null;
    world.now = READY_DAY_LA;
    const saved = await world.call(person, 'saveHandoff', { versionId: VERSION_ID, baseRevision: 0, content: baseContent() });
    if (!saved.ok) throw new Error(saved.error.message);
    // Marked ready at 23:30 in Los Angeles on the deadline day: already 2 Jul in UTC.
    world.now = LA_2330_ON_DEADLINE_DAY;
    const ready = await world.call(person, 'setStatus', { versionId: VERSION_ID, baseRevision: saved.value.handoff!.revision, status: 'ready' });
    if (!ready.ok) throw new Error(ready.error.message);
    return { world, view: ready.value };
  }

  test('marked ready by a person in Los Angeles: their calendar counts, so it is on time', async () => {
    const { view } = await markedReadyBy(PO_IN_LA);
    expect(view.timeZone).toBe('America/Los_Angeles');
    expect(view.state).toBe('ready');
  });

  test('marked ready by a person whose profile names no zone: UTC, so it is late', async () => {
    const { view } = await markedReadyBy(PO);
    expect(view.timeZone).toBe('UTC');
    expect(view.state).toBe('late');
  });

  test('back to draft forgets the zone with readyAt; a site zone, once named, wins over the person', async () => {
    const { world, view } = await markedReadyBy(PO_IN_LA);
    const draft = await world.call(PO_IN_LA, 'setStatus', { versionId: VERSION_ID, baseRevision: view.revisions.content, status: 'draft' });
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.handoff?.readyTimeZone).toBeUndefined();
    world.siteTimeZone = 'Asia/Tokyo';
    world.now = new Date('2026-07-03T00:00:00Z');
    const again = await world.call(PO_IN_LA, 'setStatus', { versionId: VERSION_ID, baseRevision: draft.value.revisions.content, status: 'ready' });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.handoff?.readyTimeZone).toBe('America/Los_Angeles');
    // Opening the page asks Jira for the site's zone: named now, it is the calendar.
    const opened = await world.call(PO_IN_LA, 'getHandoff', { versionId: VERSION_ID });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.timeZone).toBe('Asia/Tokyo');
  });
});
