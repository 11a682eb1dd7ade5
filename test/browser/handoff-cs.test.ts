/**
 * Readers and concurrent writers: a CS agent reads the handoff with no edit controls; two PO sessions edit
 * the same handoff and the second save gets the conflict view, with both texts and "Keep my version".
 */
import { appAxeViolations, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const { open } = useAppSession();

async function writeAsPo(whatsNew: string): Promise<void> {
  const { frame } = await open('po', '/version/10002');
  await frame.click(tid('write-handoff'));
  await frame.fill(tid('field-whatsNew'), whatsNew);
  await frame.click(tid('happyPath-add'));
  await frame.fill(tid('happyPath-input-0'), 'Gal opens the shop and clicks Gift cards.');
  await frame.click(tid('editor-save'));
  await frame.waitForSelector(tid('handoff-reader'));
}

test('a CS agent reads the handoff and sees no edit controls', async () => {
  await writeAsPo('Customers can buy gift cards.');
  const { page, frame, problems } = await open('cs-agent', '/version/10002');
  await frame.waitForSelector(tid('handoff-reader'));
  expect(await frame.textContent(tid('reader-whats-new'))).toContain('Customers can buy gift cards.');
  for (const control of ['edit-handoff', 'mark-ready', 'back-to-draft', 'write-handoff', 'status-actions', 'handoff-editor']) {
    expect(await frame.$(tid(control))).toBeNull();
  }
  expect(await frame.$('textarea, input')).toBeNull();
  expect(await frame.$(tid('l3-slot'))).not.toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.cspViolations).toEqual([]);

  // Back to the overview through the breadcrumb.
  await frame.click(tid('back-to-overview'));
  await frame.waitForSelector(tid('versions-table'));
  expect(await frame.textContent(tid('state-10002'))).toBe('Draft');
});

test('a CS agent on a version with no handoff sees the empty state without "Write handoff"', async () => {
  const { frame } = await open('cs-agent', '/version/10003');
  await frame.waitForSelector(tid('handoff-empty'));
  expect(await frame.$(tid('write-handoff'))).toBeNull();
});

test('two POs edit at once: the second save gets the conflict view, and "Keep my version" saves it', async () => {
  const first = await open('po', '/version/10002');
  const second = await open('po', '/version/10002');
  await first.frame.click(tid('edit-handoff'));
  await second.frame.click(tid('edit-handoff'));
  await first.frame.fill(tid('field-whatsNew'), 'THEIRS: gift cards can be sent by email.');
  await second.frame.fill(tid('field-whatsNew'), 'MINE: gift cards arrive by email and by post.');

  await first.frame.click(tid('editor-save'));
  await first.frame.waitForSelector(tid('handoff-reader'));

  await second.frame.click(tid('editor-save'));
  await second.frame.waitForSelector(tid('conflict-view'));
  const conflict = (await second.frame.textContent(tid('conflict-view'))) ?? '';
  expect(conflict).toContain('Someone saved this handoff while you were editing');
  expect(await second.frame.textContent('[data-testid="conflict-part-whatsNew"] [data-testid="conflict-theirs"]')).toContain('THEIRS: gift cards can be sent by email.');
  expect(await second.frame.textContent('[data-testid="conflict-part-whatsNew"] [data-testid="conflict-yours"]')).toContain('MINE: gift cards arrive by email and by post.');
  // Yours is still in the editor until resolved.
  expect(await second.frame.inputValue(tid('field-whatsNew'))).toBe('MINE: gift cards arrive by email and by post.');
  expect(await appAxeViolations(second.page)).toEqual([]);

  await second.frame.click(tid('conflict-keep-mine'));
  await second.frame.waitForSelector(tid('handoff-reader'));
  expect(await second.frame.textContent(tid('reader-whats-new'))).toContain('MINE: gift cards arrive by email and by post.');

  const reader = await open('cs-agent', '/version/10002');
  await reader.frame.waitForSelector(tid('handoff-reader'));
  expect(await reader.frame.textContent(tid('reader-whats-new'))).toContain('MINE:');
});

test('"Use their version" asks first, then puts their text in the editor', async () => {
  const first = await open('po', '/version/10002');
  const second = await open('po', '/version/10002');
  await first.frame.click(tid('edit-handoff'));
  await second.frame.click(tid('edit-handoff'));
  await first.frame.fill(tid('field-whatsNew'), 'THEIRS again.');
  await second.frame.fill(tid('field-whatsNew'), 'MINE again.');
  await first.frame.click(tid('editor-save'));
  await first.frame.waitForSelector(tid('handoff-reader'));
  await second.frame.click(tid('editor-save'));
  await second.frame.waitForSelector(tid('conflict-view'));
  await second.frame.click(tid('conflict-use-theirs'));
  await second.frame.waitForSelector(tid('conflict-confirm'));
  expect(await second.frame.inputValue(tid('field-whatsNew'))).toBe('MINE again.');
  await second.frame.click(tid('conflict-confirm-use-theirs'));
  await second.frame.waitForFunction(() => !document.querySelector('[data-testid="conflict-view"]'));
  expect(await second.frame.inputValue(tid('field-whatsNew'))).toBe('THEIRS again.');
});
