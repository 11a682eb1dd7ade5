/**
 * A save that cannot go through: the PO types, Jira keeps failing the reads a save starts with (the version),
 * and nothing typed is lost.
 * The error says so, the text stays in the editor, "Try saving again" (and Save) work again; a reload offers
 * the unsaved text back; once Jira answers, the save goes through and the reader shows it.
 */
import { appAxeViolations, seedHandoff, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const VERSION = '10002';
const TYPED = 'Customers can buy gift cards, send them by email, and top them up later.';
/**
 * Every read of the version (Jira answers 503; the app's own retries use some of the 10). The handoff itself
 * is committed in the app's storage and only then published, so a failed property write no longer fails a
 * save: the reads before the commit are where Jira can still stop one.
 */
const VERSION_READ_FAILS = { pathPattern: '^GET /rest/api/3/version/', status: 503 as const, times: 10 };

const session = useAppSession({ seed: (site) => seedHandoff(site, VERSION) });

afterEach(() => {
  session.site.jira.settings.faults = [];
});

test('a failed save keeps the text, offers a retry, survives a reload, and saves once Jira answers', async () => {
  const { page, frame, problems } = await session.open('po', `/version/${VERSION}`);
  await frame.click(tid('edit-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  await frame.fill(tid('field-whatsNew'), TYPED);

  session.site.jira.settings.faults = [{ ...VERSION_READ_FAILS }];
  await frame.click(tid('editor-save'));
  const error = await frame.waitForSelector(tid('action-error'), { timeout: 60_000 });
  expect(await error.getAttribute('role')).toBe('alert');
  expect((await error.textContent()) ?? '').toMatch(/Jira|try again/i);
  expect((await error.textContent()) ?? '').toContain('Nothing you typed is lost');
  // Nothing typed is lost, and the PO can try again: the explicit action and Save itself.
  expect(await frame.inputValue(tid('field-whatsNew'))).toBe(TYPED);
  await frame.waitForSelector(tid('action-error-retry'));
  expect(await frame.isEnabled(tid('editor-save'))).toBe(true);
  expect(await appAxeViolations(page)).toEqual([]);

  // Still failing: the retry fails the same way, and the text is still there.
  session.site.jira.settings.faults = [{ ...VERSION_READ_FAILS }];
  await frame.click(tid('action-error-retry'));
  await frame.waitForSelector(tid('action-error-retry'), { timeout: 60_000 });
  expect(await frame.inputValue(tid('field-whatsNew'))).toBe(TYPED);

  // A reload (or a closed tab) loses nothing either: the editor's text was kept locally.
  session.site.jira.settings.faults = [];
  await page.reload();
  const again = await waitForApp(page);
  await again.waitForSelector(tid('restore-draft'));
  await again.click(tid('restore-draft-button'));
  await again.waitForSelector(tid('handoff-editor'));
  expect(await again.inputValue(tid('field-whatsNew'))).toBe(TYPED);

  // Jira answers again: the save goes through and the reader shows the text.
  await again.click(tid('editor-save'));
  await again.waitForSelector(tid('handoff-reader'));
  expect(await again.textContent(tid('reader-whats-new'))).toContain(TYPED);
  expect(await again.textContent(tid('notice'))).toContain('Handoff saved.');
  expect(await again.$(tid('action-error'))).toBeNull();

  // Saved for real: a fresh load shows it and offers nothing to restore.
  await page.reload();
  const fresh = await waitForApp(page);
  await fresh.waitForSelector(tid('handoff-reader'));
  expect(await fresh.textContent(tid('reader-whats-new'))).toContain(TYPED);
  expect(await fresh.$(tid('restore-draft'))).toBeNull();
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
