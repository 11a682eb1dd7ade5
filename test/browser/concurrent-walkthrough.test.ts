/**
 * The walkthrough and the PO's edit at the same time, in two browser contexts on the local Jira site:
 * Carlos (CS lead) records three questions while Priya (PO) edits "What's new"; her save goes through
 * with no conflict (the walkthrough is its own record). Then both edit "What's new" (Rita as the second
 * editor) and the conflict view shows only that section, while Rita's other change is kept.
 */
import { GIFT_CARDS_CONTENT, seedHandoff, setDateAndTime, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const VERSION = '10003';
const { open } = useAppSession({ seed: (site) => seedHandoff(site, VERSION, { content: GIFT_CARDS_CONTENT }) });

test("questions recorded during the PO's edit do not conflict with it; a real conflict shows only the section both changed", async () => {
  const po = await open('po', `/version/${VERSION}`);
  const lead = await open('cs-lead', `/version/${VERSION}`);

  // Priya starts editing "What's new" first…
  await po.frame.click(tid('edit-handoff'));
  await po.frame.fill(tid('field-whatsNew'), 'PO: gift cards now come in three designs.');

  // …while Carlos records the walkthrough with three questions, and saves it.
  await lead.frame.click(tid('walkthrough-record'));
  await lead.frame.waitForSelector(tid('walkthrough-form'));
  await setDateAndTime(lead.page, lead.frame, 'Date', '20 Nov 2026', 'Time', '14:00');
  await lead.frame.focus(tid('walkthrough-attendees'));
  await lead.page.keyboard.type('car');
  await lead.frame.waitForSelector(`${tid('walkthrough-attendee-options')}:not([hidden]) [role="option"]:text-is("Carlos Mendes")`);
  await lead.page.keyboard.press('ArrowDown');
  await lead.page.keyboard.press('Enter');
  await lead.frame.waitForSelector('button[aria-label="Remove Carlos Mendes"]');
  await lead.frame.fill(tid('walkthrough-question-0'), 'Can a gift card be refunded?');
  for (const [i, q] of [
    [1, 'Do gift cards expire?'],
    [2, 'Can two gift cards pay one order?'],
  ] as const) {
    await lead.frame.click(tid('walkthrough-question-add'));
    await lead.frame.fill(tid(`walkthrough-question-${i}`), q);
  }
  await lead.frame.click(tid('walkthrough-save'));
  await lead.frame.waitForSelector(tid('walkthrough-questions'));
  expect(await lead.frame.textContent(tid('wq-2'))).toContain('Can two gift cards pay one order?');

  // Priya's save goes through: no conflict view, her text is there, and so are Carlos's questions.
  await po.frame.click(tid('editor-save'));
  await po.frame.waitForSelector(tid('handoff-reader'));
  expect(await po.frame.$(tid('conflict-view'))).toBeNull();
  expect(await po.frame.textContent(tid('reader-whats-new'))).toContain('PO: gift cards now come in three designs.');
  expect(await po.frame.textContent(tid('revision-info'))).toContain('Priya Patel');
  const again = await open('po', `/version/${VERSION}`);
  await again.frame.waitForSelector(tid('walkthrough-questions'));
  expect(await again.frame.textContent(tid('wq-0'))).toContain('Can a gift card be refunded?');
  expect(await again.frame.textContent(tid('reader-whats-new'))).toContain('PO: gift cards now come in three designs.');

  // Now two editors change "What's new" at once; Rita also changes L1.
  const rm = await open('release-manager', `/version/${VERSION}`);
  await again.frame.click(tid('edit-handoff'));
  await rm.frame.click(tid('edit-handoff'));
  await again.frame.fill(tid('field-whatsNew'), 'PO again: gift cards come in five designs.');
  await rm.frame.fill(tid('field-whatsNew'), 'RM: gift cards are sold in stores too.');
  await rm.frame.fill(tid('field-l1'), 'RM: search the order in Admin > Gift cards.');
  await again.frame.click(tid('editor-save'));
  await again.frame.waitForSelector(tid('handoff-reader'));

  await rm.frame.click(tid('editor-save'));
  await rm.frame.waitForSelector(tid('conflict-view'));
  // Only the section both changed is asked about, side by side with both texts.
  const parts = await rm.frame.$$eval('[data-testid^="conflict-part-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
  expect(parts).toEqual(['conflict-part-whatsNew']);
  expect(await rm.frame.textContent('[data-testid="conflict-part-whatsNew"] [data-testid="conflict-theirs"]')).toContain('PO again: gift cards come in five designs.');
  expect(await rm.frame.textContent('[data-testid="conflict-part-whatsNew"] [data-testid="conflict-yours"]')).toContain('RM: gift cards are sold in stores too.');

  // Keeping hers saves her "What's new" and her L1; Priya's text elsewhere is untouched.
  await rm.frame.click(tid('conflict-keep-mine'));
  await rm.frame.waitForSelector(tid('handoff-reader'));
  expect(await rm.frame.textContent(tid('reader-whats-new'))).toContain('RM: gift cards are sold in stores too.');
  const reader = await open('cs-agent', `/version/${VERSION}`);
  await reader.frame.waitForSelector(tid('walkthrough-questions'));
  expect(await reader.frame.textContent(tid('reader-whats-new'))).toContain('RM: gift cards are sold in stores too.');
  expect(await reader.frame.textContent(tid('reader-escalation'))).toContain('RM: search the order in Admin > Gift cards.');
  expect(await reader.frame.textContent(tid('wq-1'))).toContain('Do gift cards expire?');
});
