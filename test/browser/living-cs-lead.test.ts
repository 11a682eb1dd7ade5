/**
 * The CS walkthrough, as the brief describes it: Carlos (CS lead, a reader of the project) records the
 * 30-minute walkthrough with three questions; Priya (PO) turns one into a likely question in one action;
 * one is recorded as a gap in the release brief with a note; the third stays open and the handoff says
 * so near the top. A question support sent from a customer's request sits beside them and is settled the
 * same way, and the signals per rollout stage show as a chart with its table. No critical or serious axe
 * violations on the new screens.
 */
import type { Frame } from 'playwright-core';
import { appAxeViolations, chooseOption, seedHandoff, seedSupportSignals, setDateAndTime, SUPPORT_QUESTION, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const VERSION = '10002';

const Q1 = 'Can a gift card be combined with a discount code?';
const Q2 = 'What happens when the gift card email bounces?';
const Q3 = 'Can customers change the amount after buying?';
const GAP_NOTE = 'The release brief does not say what happens to bounced emails.';
const ANSWER = 'Yes: the discount applies first, then the gift card pays the rest.';

// Priya (PO) has written the whole handoff (GIFT_CARDS_CONTENT) before the walkthrough.
const session = useAppSession({ seed: (site) => seedHandoff(site, VERSION) });
const { open } = session;

const text = async (frame: Frame, id: string) => ((await frame.textContent(tid(id))) ?? '').replace(/\s+/g, ' ').trim();

test('Carlos records the walkthrough with three questions; all three show as unsettled', async () => {
  const { page, frame, problems } = await open('cs-lead', `/version/${VERSION}`);
  await frame.waitForSelector(tid('walkthrough-section'));
  expect(await text(frame, 'walkthrough-empty')).toContain('Not held yet');
  // Carlos reads the project but cannot edit the handoff: no edit controls, but he can record the walkthrough.
  expect(await frame.$(tid('edit-handoff'))).toBeNull();
  expect(await frame.$(tid('rollout-move-open'))).toBeNull();

  await frame.click(tid('walkthrough-record'));
  await frame.waitForSelector(tid('walkthrough-form'));
  await setDateAndTime(page, frame, 'Date', '20 Nov 2026', 'Time', '14:00');
  // Who attended: Jira people, picked by keyboard through the combobox (type, Down, Enter).
  await frame.focus(tid('walkthrough-attendees'));
  for (const [typed, name] of [
    ['car', 'Carlos Mendes'],
    ['ana', 'Ana Silva'],
    ['pri', 'Priya Patel'],
  ] as const) {
    await page.keyboard.type(typed);
    await frame.waitForSelector(`${tid('walkthrough-attendee-options')}:not([hidden]) [role="option"]:text-is("${name}")`);
    expect(await frame.getAttribute(tid('walkthrough-attendees'), 'aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await frame.getAttribute(tid('walkthrough-attendees'), 'aria-activedescendant');
    expect(await frame.textContent(`[id="${active}"]`)).toBe(name);
    if (name === 'Ana Silva') expect(await appAxeViolations(page)).toEqual([]); // the list open, an option active
    await page.keyboard.press('Enter');
    await frame.waitForSelector(`button[aria-label="Remove ${name}"]`);
    expect(await frame.inputValue(tid('walkthrough-attendees'))).toBe('');
  }
  // Escape closes the list without picking; a chip's remove button takes one person out.
  await page.keyboard.type('rita');
  await frame.waitForSelector(`${tid('walkthrough-attendee-options')}:not([hidden])`);
  await page.keyboard.press('Escape');
  expect(await frame.getAttribute(tid('walkthrough-attendees'), 'aria-expanded')).toBe('false');
  await frame.fill(tid('walkthrough-attendees'), '');
  const chips = await frame.$$eval('[data-testid="walkthrough-attendee-chip"] button', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  expect(chips).toEqual(['Remove Carlos Mendes', 'Remove Ana Silva', 'Remove Priya Patel']);
  await frame.fill(tid('walkthrough-question-0'), Q1);
  await frame.click(tid('walkthrough-question-add'));
  // Keyboard: the new question field gets focus (one animation frame after the click), then takes typing.
  await frame.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'walkthrough-question-1');
  await page.keyboard.type(Q2);
  await frame.click(tid('walkthrough-question-add'));
  await frame.fill(tid('walkthrough-question-2'), Q3);
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.click(tid('walkthrough-save'));

  await frame.waitForSelector(tid('walkthrough-questions'));
  expect(await text(frame, 'walkthrough-attendees-list')).toBe('Carlos Mendes, Ana Silva, Priya Patel');
  expect(await text(frame, 'walkthrough-held')).toMatch(/20 Nov 2026, 14:00/);
  for (const [i, q] of [Q1, Q2, Q3].entries()) {
    expect(await text(frame, `wq-${i}`)).toContain(q);
    expect(await text(frame, `wq-${i}-settlement`)).toBe('Unsettled');
  }
  await frame.waitForSelector(tid('unsettled-banner'));
  expect(await text(frame, 'unsettled-banner')).toContain('3 walkthrough questions are unsettled');
  // Only editors turn a question into a likely question.
  expect(await frame.$(tid('wq-0-promote'))).toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('Carlos marks one question as a gap in the release brief; the note is required', async () => {
  const { page, frame } = await open('cs-lead', `/version/${VERSION}`);
  await frame.waitForSelector(tid('walkthrough-questions'));
  await frame.click(tid('wq-1-settle'));
  await frame.waitForSelector(tid('settle-form'));
  await frame.check(tid('settle-kind-gap'));
  await frame.click(tid('settle-confirm'));
  await frame.waitForSelector(`${tid('settle-note-error')}:not([hidden])`);
  expect(await text(frame, 'settle-note-error')).toContain('Say what the release brief is missing');
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.fill(tid('settle-note'), GAP_NOTE);
  await frame.click(tid('settle-confirm'));
  await frame.waitForSelector(`${tid('wq-1')}[data-settled="brief-gap"]`);
  expect(await text(frame, 'wq-1-settlement')).toBe(`Gap in the release brief: ${GAP_NOTE}`);
  expect(await text(frame, 'unsettled-banner')).toContain('2 walkthrough questions are unsettled');

  // The gap can be filed once as a Jira task on the version; then its key is shown instead of the button.
  expect(await frame.$(tid('wq-0-file'))).toBeNull();
  expect(await frame.getAttribute(tid('wq-1-file'), 'aria-label')).toBe('File question 2 as a Jira task');
  await frame.click(tid('wq-1-file'));
  await frame.waitForSelector(tid('wq-1-issue'));
  expect(await text(frame, 'wq-1-issue')).toMatch(/^Filed as SHOP-\d+$/);
  expect(await frame.$(tid('wq-1-file'))).toBeNull();
  expect(await text(frame, 'walkthrough-notice')).toMatch(/Question 2 was filed as SHOP-\d+\./);
  expect(await appAxeViolations(page)).toEqual([]);
});

test('Priya turns one question into a likely question in one action; one stays unsettled', async () => {
  const { page, frame, problems } = await open('po', `/version/${VERSION}`);
  await frame.waitForSelector(tid('walkthrough-questions'));
  // The gap is already settled, so it offers no "Add as likely question"; the open ones do.
  expect(await frame.$(tid('wq-1-promote'))).toBeNull();
  await frame.click(tid('wq-0-promote'));
  await frame.waitForSelector(tid('promote-form'));
  await frame.fill(tid('promote-answer'), ANSWER);
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.click(tid('promote-confirm'));

  await frame.waitForSelector(`${tid('wq-0')}[data-settled="answered"]`);
  expect(await text(frame, 'wq-0-settlement')).toBe('Answered in the handoff → Likely questions, Q&A 2');
  // It is in the handoff itself, with the answer.
  const questions = await text(frame, 'reader-questions');
  expect(questions).toContain(Q1);
  expect(questions).toContain(ANSWER);
  // The gap keeps its note; the third is still open and counted near the top.
  expect(await text(frame, 'wq-1-settlement')).toContain(GAP_NOTE);
  expect(await text(frame, 'wq-2-settlement')).toBe('Unsettled');
  expect(await text(frame, 'unsettled-banner')).toContain('1 walkthrough question is unsettled');
  expect(problems.pageErrors).toEqual([]);

  // A CS agent sees the same, and the overview counts the open question.
  const agent = await open('cs-agent', `/version/${VERSION}`);
  await agent.frame.waitForSelector(tid('walkthrough-questions'));
  expect(await text(agent.frame, 'wq-2-settlement')).toBe('Unsettled');
  expect(await text(agent.frame, 'unsettled-banner')).toContain('1 walkthrough question is unsettled');
  await agent.frame.click(tid('back-to-overview'));
  await agent.frame.waitForSelector(tid('versions-table'));
  expect(await text(agent.frame, `unsettled-${VERSION}`)).toContain('1 unsettled');
  expect(await appAxeViolations(agent.page)).toEqual([]);
});

test('Carlos settles the last question as answered: nothing is pre-chosen, he picks the section by keyboard', async () => {
  const { page, frame } = await open('cs-lead', `/version/${VERSION}`);
  await frame.waitForSelector(tid('walkthrough-questions'));
  await frame.click(tid('wq-2-settle'));
  await frame.waitForSelector(tid('settle-form'));
  // No Q&A in the handoff asks Q3, so no section is chosen for him ("What's new" used to be).
  expect(await text(frame, 'settle-form')).toContain('Choose a section or Q&A');
  expect(await text(frame, 'settle-form')).not.toContain("What's new");
  await frame.click(tid('settle-confirm'));
  await frame.waitForSelector(tid('settle-section-error'));
  expect(await text(frame, 'settle-section-error')).toBe('Choose where the handoff answers the question.');
  expect(await text(frame, 'wq-2-settlement')).toBe('Unsettled');
  await chooseOption(page, frame, 'Where the handoff answers it', 'Known limitations');
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.click(tid('settle-confirm'));
  await frame.waitForSelector(`${tid('wq-2')}[data-settled="answered"]`);
  expect(await text(frame, 'wq-2-settlement')).toBe('Answered in the handoff → Known limitations');
});

test("Priya sees the question support sent from a request and settles it; the chart's table shows the signals per stage", async () => {
  await seedSupportSignals(session.site, VERSION);
  const { page, frame, problems } = await open('po', `/version/${VERSION}`);
  // Found by its accessible name, as other screens and tests find it.
  const section = frame.getByRole('region', { name: 'Questions from support' });
  await section.getByText(SUPPORT_QUESTION).waitFor();
  expect(await text(frame, 'support-questions-count')).toBe('1 asked, 1 unsettled');
  expect(await text(frame, 'sq-1-asked')).toMatch(/^Asked by Sam Support on .+, at rollout Not started, from HELP-1$/);
  expect(await frame.getAttribute(tid('sq-1-request'), 'aria-label')).toBe('Open HELP-1, the request question 1 came from');
  expect(await text(frame, 'sq-1-settlement')).toBe('Unsettled');

  // The chart is for the eye; its table (visually hidden until asked for) is what assistive technology reads.
  expect(await frame.getAttribute(tid('signals-chart'), 'aria-hidden')).toBe('true');
  const table = frame.getByRole('table', { name: 'Signals per rollout stage' });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
  // Two requests linked, one L3 bug filed and one question sent, all before the rollout started.
  expect(rows).toEqual([
    ['Not started', '2', '1', '1'],
    ['1%', '0', '0', '0'],
    ['5%', '0', '0', '0'],
    ['25%', '0', '0', '0'],
    ['50%', '0', '0', '0'],
    ['100%', '0', '0', '0'],
  ]);
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.click(tid('signals-as-table'));
  await frame.waitForSelector(`${tid('signals-table')}.signals-table`);
  expect(await frame.$(tid('signals-chart'))).toBeNull();
  expect(await frame.getAttribute(tid('signals-as-table'), 'aria-pressed')).toBe('true');

  // Settled with the walkthrough's own form: a gap in the release brief needs its note.
  await frame.click(tid('sq-1-settle'));
  const form = section.getByTestId('settle-form');
  await form.waitFor();
  expect(await form.getByRole('heading').textContent()).toBe('Settle question from support 1');
  await form.getByTestId('settle-kind-gap').check();
  await form.getByTestId('settle-confirm').click();
  await form.getByTestId('settle-note-error').getByText('Say what the release brief is missing', { exact: false }).waitFor();
  await form.getByTestId('settle-note').fill('The brief does not say whether a gift card can pay part of an order.');
  await form.getByTestId('settle-confirm').click();
  await frame.waitForSelector(`${tid('sq-1')}[data-settled="brief-gap"]`);
  expect(await text(frame, 'sq-1-settlement')).toBe('Gap in the release brief: The brief does not say whether a gift card can pay part of an order.');
  expect(await text(frame, 'support-questions-notice')).toBe('✓ Question from support 1 settled.');
  expect(await text(frame, 'support-questions-count')).toBe('1 asked, all settled');
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
});
