/**
 * Project settings, as a project admin (Rita) and as everyone else (Priya, the PO): the lead time
 * (default 7 days, 1–60, checked as it is typed) and the walkthrough gate (default off). Rita changes
 * them with the keyboard; the overview uses the new lead time at once; Priya sees them read-only.
 */
import { appAxeViolations, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const session = useAppSession();

test('a project admin changes the lead time and the walkthrough gate from the overview, by keyboard', async () => {
  const { page, frame, problems } = await session.open('release-manager');
  await frame.waitForSelector(tid('versions-table'));
  expect(await frame.textContent(tid('settings-link'))).toBe('Settings');
  await frame.focus(tid('settings-link'));
  await page.keyboard.press('Enter');

  await frame.waitForSelector(tid('settings-form'));
  expect(await frame.inputValue(tid('settings-lead-time'))).toBe('7');
  expect(await frame.isChecked(tid('settings-walkthrough-gate'))).toBe(false);
  expect(await frame.$(tid('settings-read-only'))).toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);

  // Inline validation, from the backend's own rule.
  await frame.fill(tid('settings-lead-time'), '0');
  expect(await frame.textContent(tid('settings-lead-time-error'))).toContain('at least 1');
  await frame.fill(tid('settings-lead-time'), '61');
  expect(await frame.textContent(tid('settings-lead-time-error'))).toContain('at most 60');
  expect(await frame.getAttribute('#settings-lead-time', 'aria-describedby')).toContain('settings-lead-time-error');
  expect(await appAxeViolations(page)).toEqual([]);
  // Save with an invalid value sends nothing and returns focus to the field.
  await frame.click(tid('settings-save'));
  expect(await frame.evaluate(() => document.activeElement?.id)).toBe('settings-lead-time');
  expect(await frame.textContent(tid('settings-notice'))).toBe('');

  await frame.fill(tid('settings-lead-time'), '14');
  expect(await frame.$(tid('settings-lead-time-error'))).toBeNull();
  await frame.focus(tid('settings-walkthrough-gate'));
  await page.keyboard.press('Space');
  expect(await frame.isChecked(tid('settings-walkthrough-gate'))).toBe(true);
  await frame.focus(tid('settings-lead-time'));
  await page.keyboard.press('Enter'); // submits the form
  await frame.waitForFunction(() => document.querySelector('[data-testid="settings-notice"]')?.textContent?.includes('Settings saved'));
  expect(await frame.textContent(tid('settings-notice'))).toContain('14 days');
  expect(await appAxeViolations(page)).toEqual([]);

  // Stored: a reload shows them, and the overview judges lateness with 14 days.
  await page.reload();
  const again = await waitForApp(page);
  await again.waitForSelector(tid('settings-form'));
  expect(await again.inputValue(tid('settings-lead-time'))).toBe('14');
  expect(await again.isChecked(tid('settings-walkthrough-gate'))).toBe(true);
  await again.click(tid('back-to-overview'));
  await again.waitForSelector(tid('versions-table'));
  expect(await again.textContent('.helper')).toContain('less than 14 days');
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('someone who is not a project admin sees the settings read-only', async () => {
  const { page, frame } = await session.open('po', '/settings');
  await frame.waitForSelector(tid('settings-read-only'));
  expect(await frame.textContent(tid('settings-read-only'))).toContain('Only a project admin can change these.');
  expect(await frame.$(tid('settings-form'))).toBeNull();
  expect(await frame.$(tid('settings-save'))).toBeNull();
  expect(await frame.textContent(tid('settings-lead-time-value'))).toMatch(/^\d+ days? before the release date$/);
  expect(await frame.textContent(tid('settings-walkthrough-gate-value'))).toMatch(/^(On|Off)$/);
  expect(await appAxeViolations(page)).toEqual([]);
});

test('a failed save says so and keeps what was typed', async () => {
  const { frame } = await session.open('release-manager', '/settings');
  await frame.waitForSelector(tid('settings-form'));
  // Jira failing on the save's permission check: nothing is committed. (A failed publish of a committed
  // settings record is not a failed save: the record in Forge storage is the truth, published again later.)
  session.site.jira.settings.faults = [{ pathPattern: '^GET /rest/api/3/mypermissions', status: 503, times: 10 }];
  try {
    await frame.fill(tid('settings-lead-time'), '21');
    await frame.click(tid('settings-save'));
    await frame.waitForSelector(tid('settings-error'), { timeout: 60_000 });
    expect(await frame.inputValue(tid('settings-lead-time'))).toBe('21');
    expect(await frame.isEnabled(tid('settings-save'))).toBe(true);
  } finally {
    session.site.jira.settings.faults = [];
  }
});
