/**
 * The release gate, as the release manager meets it: Rita releases 2026.12 Gift cards (no handoff) from
 * Jira's Releases page, the app's trigger blocks it, and the CS Handoff page says why and what clears
 * it. A project admin overrides the gate with a reason; the override is recorded and shown.
 */
import { appAxeViolations, appPagePath, tid, useAppSession } from '../support';

jest.setTimeout(180_000);

const VERSION = '10002';

const session = useAppSession();
/** Opens any path on the site (the overview, Jira's Releases page, a handoff) as a seeded person. */
const open = session.openPath;

test('Rita releases a version with no handoff: it is blocked, the page says why, an override is recorded', async () => {
  // Before: the overview shows the gate next to the handoff state.
  const overview = await open('release-manager', appPagePath(session.site));
  await overview.frame.waitForSelector(tid('versions-table'));
  expect(await overview.frame.textContent(tid(`gate-${VERSION}`))).toMatch(/Due soon|Overdue|Missing/);

  // Release from Jira's Releases page.
  const releases = await open('release-manager', '/projects/SHOP/versions');
  await releases.page.click('button[aria-label="Release 2026.12 Gift cards"]');
  await releases.page.waitForURL(/released=10002/);
  await session.site.host.idle();
  // Jira's Releases page names the app that put it back and links to the handoff.
  await releases.page.reload();
  const putBack = releases.page.locator('.notice-error');
  expect(await putBack.textContent()).toContain('2026.12 Gift cards was released, and then CS Handoff put it back to unreleased');
  expect(await putBack.textContent()).not.toContain('Its related work');
  expect(await putBack.locator('a').getAttribute('href')).toContain(`/version/${VERSION}`);

  // The overview says why, next to the gate, without opening the release.
  const after = await open('release-manager', appPagePath(session.site));
  const blockLine = await after.frame.waitForSelector(tid(`gate-block-${VERSION}`));
  const blockText = (await blockLine.textContent()) ?? '';
  expect(blockText).toMatch(/^Blocked \d{1,2} \w{3} \d{4}, \d{2}:\d{2}: /);
  expect(blockText).toContain('2026.12 Gift cards has no CS handoff yet');
  expect(await after.frame.textContent(tid(`gate-${VERSION}`))).toMatch(/Due soon|Overdue|Missing/);
  expect(await appAxeViolations(after.page)).toEqual([]);

  const { page, frame, problems } = await open('release-manager', appPagePath(session.site, 'SHOP', `/version/${VERSION}`));
  const banner = await frame.waitForSelector(tid('gate-blocked'));
  const text = (await banner.textContent()) ?? '';
  expect(text).toContain('Release blocked:');
  expect(text).toContain('2026.12 Gift cards has no CS handoff yet');
  // The trigger looks Rita up in Jira (as the app) and records her name on the block entry.
  expect(await frame.textContent(tid('gate-blocked-who'))).toMatch(/^Rita Okafor tried to release it on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  // Released days before its planned date, it is judged against the day it went out: overdue, so marking
  // the handoff ready is not enough on its own and the advice says so as one combined action.
  expect(await frame.textContent(tid('gate-clear-by'))).toContain('To release it, any one of these is enough:');
  expect(await frame.textContent(tid('gate-clear-by'))).toContain('Write the handoff, mark it ready and move the release date to');
  expect(await frame.textContent(tid('gate-clear-by'))).toContain('A project admin can override');
  expect(await appAxeViolations(page)).toEqual([]);

  // Override: the reason is required, 10 to 500 characters, checked inline.
  await frame.click(tid('gate-override-open'));
  await frame.waitForSelector(tid('gate-override-form'));
  await frame.fill(tid('gate-override-reason-input'), 'Too short');
  await frame.click(tid('gate-override-confirm'));
  expect(await frame.textContent(tid('gate-override-reason-error'))).toContain('at least 10 characters');
  expect(await frame.$(tid('gate-override'))).toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);

  const reason = 'Gift cards ship dark behind a flag; CS briefed in person on Monday.';
  await frame.fill(tid('gate-override-reason-input'), reason);
  await frame.click(tid('gate-override-confirm'));
  await frame.waitForSelector(tid('gate-override'));
  expect(await frame.textContent(tid('gate-override-reason'))).toBe(reason);
  expect(await frame.textContent(tid('gate-override-who'))).toContain('Rita Okafor overrode the gate');
  expect(await frame.$(tid('gate-blocked'))).toBeNull();
  expect(await frame.$(tid('gate-override-form'))).toBeNull();

  // Recorded: a fresh page load (and someone else) sees it.
  const agent = await open('cs-agent', appPagePath(session.site, 'SHOP', `/version/${VERSION}`));
  await agent.frame.waitForSelector(tid('gate-override'));
  expect(await agent.frame.textContent(tid('gate-override-reason'))).toBe(reason);
  expect(await agent.frame.$(tid('gate-withdraw'))).toBeNull();
  // The overview shows the override at once (overrideGate updates the gate index).
  const overridden = await open('release-manager', appPagePath(session.site));
  await overridden.frame.waitForSelector(tid('versions-table'));
  expect(await overridden.frame.textContent(tid(`gate-${VERSION}`))).toBe('Overridden');

  // Withdraw brings the gate back.
  await frame.click(tid('gate-withdraw'));
  await frame.waitForSelector(tid('gate-override'), { state: 'detached' });
  await frame.waitForSelector(tid('gate-blocked'));
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('a CS agent sees the gate but cannot override it', async () => {
  const { frame } = await open('cs-agent', appPagePath(session.site, 'SHOP', `/version/${VERSION}`));
  await frame.waitForSelector(tid('gate-panel'));
  expect(await frame.$(tid('gate-override-open'))).toBeNull();
});
