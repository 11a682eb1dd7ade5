/**
 * The living handoff through the rollout: Priya (PO) moves the rollout to 1% then 5% with what was
 * learned, and the timeline shows both; after a content edit, the history diff between the revisions
 * before and after shows exactly the changed words; the Markdown export copies and downloads.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { appAxeViolations, chooseOption, optionsOf, GIFT_CARDS_CONTENT, seedHandoff, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const VERSION = '10002';

/** The complete gift-cards handoff with a one-step happy path. */
const CONTENT = { ...GIFT_CARDS_CONTENT, happyPath: ['Gal opens the shop and clicks Gift cards.'] };
const LEARNED_1 = 'A few customers could not find the Gift cards button on mobile.';
const LEARNED_5 = 'Email delivery took up to ten minutes at peak.';
const EDITED = 'Customers can buy digital gift cards and send them by email.';

const { open } = useAppSession({ seed: (site) => seedHandoff(site, VERSION, { content: CONTENT }) });

const text = async (frame: Frame, selector: string) => ((await frame.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

async function move(page: Page, frame: Frame, stage: string, learned: string) {
  await frame.click(tid('rollout-move-open'));
  await frame.waitForSelector(tid('rollout-form'));
  await chooseOption(page, frame, 'Move to', `${stage}%`);
  await frame.fill(tid('rollout-learned-input'), learned);
  await frame.click(tid('rollout-confirm'));
  await frame.waitForSelector(`${tid('rollout-section')}[data-stage="${stage}"]`);
}

test('Priya moves the rollout to 1% then 5%; the timeline shows both with what was learned', async () => {
  const { page, frame, problems } = await open('po', `/version/${VERSION}`);
  await frame.waitForSelector(tid('rollout-section'));
  expect(await text(frame, tid('rollout-badge'))).toContain('Rollout: Not started');

  await move(page, frame, '1', LEARNED_1);
  expect(await text(frame, tid('rollout-badge'))).toContain('Rollout: 1%');
  await move(page, frame, '5', LEARNED_5);
  expect(await text(frame, tid('rollout-badge'))).toContain('Rollout: 5%');

  const entries = await frame.$$(tid('rollout-entry'));
  expect(entries.length).toBe(2);
  const first = ((await entries[0]!.textContent()) ?? '').replace(/\s+/g, ' ');
  const second = ((await entries[1]!.textContent()) ?? '').replace(/\s+/g, ' ');
  expect(first).toContain('Not started → 1%');
  expect(first).toContain('Priya Patel');
  expect(first).toContain(LEARNED_1);
  expect(second).toContain('1% → 5%');
  expect(second).toContain(LEARNED_5);

  // Rolling back needs a note: the form says so and nothing is moved.
  await frame.click(tid('rollout-move-open'));
  await frame.waitForSelector(tid('rollout-form'));
  await chooseOption(page, frame, 'Move to', '1% (roll back)');
  await frame.click(tid('rollout-confirm'));
  await frame.waitForSelector(`${tid('rollout-learned-error')}:not([hidden])`);
  expect(await text(frame, tid('rollout-learned-error'))).toContain('needs a note');
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.click(tid('rollout-cancel'));
  expect(await frame.getAttribute(tid('rollout-section'), 'data-stage')).toBe('5');

  // A CS agent reads the same timeline, without the form.
  const agent = await open('cs-agent', `/version/${VERSION}`);
  await agent.frame.waitForSelector(tid('rollout-timeline'));
  expect(await agent.frame.$(tid('rollout-move-open'))).toBeNull();
  expect(await text(agent.frame, tid('rollout-timeline'))).toContain(LEARNED_5);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('after a content edit, History compares the revisions before and after it word by word', async () => {
  const { page, frame } = await open('po', `/version/${VERSION}`);
  await frame.waitForSelector(tid('revision-info'));
  const before = Number(/Revision (\d+)/.exec(await text(frame, tid('revision-info')))?.[1]);
  await frame.click(tid('edit-handoff'));
  await frame.fill(tid('field-whatsNew'), EDITED);
  await frame.click(tid('editor-save'));
  await frame.waitForSelector(tid('handoff-reader'));
  expect(await text(frame, tid('revision-info'))).toContain(`Revision ${before + 1}`);

  await frame.click(tid('open-history'));
  await frame.waitForSelector(tid('history-table'));
  // Newest first, with who and which sections changed.
  const rows = await frame.$$('[data-testid^="revision-row-"]');
  expect(await rows[0]!.getAttribute('data-testid')).toBe(`revision-row-${before + 1}`);
  expect(await text(frame, tid(`revision-sections-${before + 1}`))).toBe("What's new");
  expect(await text(frame, tid(`revision-row-${before + 1}`))).toContain('Priya Patel');
  // The two rollout moves (their own record's changes 1 and 2) are listed too, between the document's
  // revisions: after the seeded revision, before the edit; they are not offered for comparison.
  const order = await frame.$$eval('[data-testid="history-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-testid')));
  expect(order).toEqual([`revision-row-${before + 1}`, 'rollout-row-2', 'rollout-row-1', ...Array.from({ length: before }, (_, i) => `revision-row-${before - i}`)]);
  expect(await text(frame, tid('rollout-sections-2'))).toBe('Rollout');
  expect(await text(frame, tid('rollout-row-1'))).toContain('Priya Patel');
  expect(await optionsOf(page, frame, 'From revision')).toEqual(Array.from({ length: before + 1 }, (_, i) => `Revision ${before + 1 - i}`));

  await chooseOption(page, frame, 'From revision', `Revision ${before}`);
  await chooseOption(page, frame, 'To revision', `Revision ${before + 1} (latest)`);
  await frame.click(tid('compare-button'));
  await frame.waitForSelector(tid('diff-result'));
  expect(await text(frame, '#diff-title')).toBe(`Changes from revision ${before} to revision ${before + 1}`);
  // Exactly one section changed, and exactly these words.
  expect(await frame.$$eval('[data-testid="diff"] > section', (s) => s.length)).toBe(1);
  const words = tid('diff-words-what-s-new');
  expect(await frame.$$eval(`${words} ins`, (n) => n.map((e) => (e.textContent ?? '').trim()))).toEqual(['digital']);
  expect(await frame.$$eval(`${words} del`, (n) => n.map((e) => e.textContent))).toEqual([]);
  expect(await text(frame, words)).toBe(EDITED);
  expect(await appAxeViolations(page)).toEqual([]);

  // "What changed since revision 1": the rollout moves changed no content words, so the same diff.
  await frame.click(tid('changes-since-1'));
  await frame.waitForSelector(`#diff-title >> text=Changes from revision 1 to revision ${before + 1}`);
  expect(await frame.$$eval(`${words} ins`, (n) => n.map((e) => (e.textContent ?? '').trim()))).toEqual(['digital']);

  // Back to the handoff through the breadcrumb.
  await frame.click(tid('back-to-handoff'));
  await frame.waitForSelector(tid('handoff-reader'));
});

test('the handoff exports as Markdown: copied with a visible confirmation, and downloaded as a .md file', async () => {
  const { context, page, frame, problems } = await open('cs-agent', `/version/${VERSION}`);
  await frame.waitForSelector(tid('handoff-reader'));
  for (const origin of [new URL(frame.url()).origin, new URL(page.url()).origin]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }).catch(() => undefined);
  }
  await frame.click(tid('export-toggle'));
  await frame.waitForSelector(tid('export-panel'));
  expect(await frame.getAttribute(tid('export-toggle'), 'aria-expanded')).toBe('true');

  await frame.click(tid('export-copy-markdown'));
  const status = await text(frame, `${tid('export-status')}:not(:empty)`);
  if (status.includes('Copied')) {
    // Read back from the Jira page: Forge's frame may write the clipboard, not read it (no clipboard-read policy).
    const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
    if (copied) expect(copied).toContain(EDITED);
  } else {
    // Clipboard refused in the iframe: the Markdown is shown selected in a read-only box.
    expect(status).toContain('Copying was blocked');
    expect(await frame.inputValue(tid('export-fallback'))).toContain(EDITED);
  }

  const [download] = await Promise.all([page.waitForEvent('download'), frame.click(tid('export-download-markdown'))]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  // saveAs, not path(): the browser is the run's shared Chromium, reached over its endpoint (test/support/browser.ts).
  const saved = join(mkdtempSync(join(tmpdir(), 'cs-handoff-download-')), download.suggestedFilename());
  await download.saveAs(saved);
  const body = readFileSync(saved, 'utf8');
  expect(body).toContain(EDITED);
  expect(body).toContain('Rollout');
  expect(await text(frame, tid('export-status'))).toContain(`Downloaded ${download.suggestedFilename()}`);
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
});
