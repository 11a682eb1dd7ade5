/**
 * The PO's path through the CS Handoff UI, in real Chromium on the local Jira site: open a version,
 * write the handoff, save, reload, mark ready (told exactly what is missing), fill it in, see "Ready".
 */
import { appAxeViolations, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const { open } = useAppSession();

test('overview lists the versions with a readable date and a state lozenge, and is accessible', async () => {
  const { page, frame, problems } = await open('po');
  await frame.waitForSelector(tid('versions-table'));
  const row = await frame.textContent(tid('version-row-10002'));
  expect(row).toContain('2026.12 Gift cards');
  expect(row).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(await frame.textContent(tid('state-10002'))).toBe('Missing');
  // 2026.10 was released without a handoff: it says so, never "Released" as if one had been handed off.
  expect(await frame.textContent(tid('state-10001'))).toBe('No handoff');
  expect(await frame.getAttribute(tid('version-link-10002'), 'href')).toBeTruthy();
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('PO writes a handoff, saves it, and it is still there after a reload; HTML shows as text', async () => {
  const { page, frame, problems } = await open('po');
  await frame.click(tid('version-link-10002'));
  await frame.waitForSelector(tid('handoff-empty'));
  expect(await frame.textContent(tid('handoff-empty'))).toContain('a week before the release');
  expect(await appAxeViolations(page)).toEqual([]);

  await frame.click(tid('write-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  expect(await appAxeViolations(page)).toEqual([]);

  await frame.fill(tid('field-whatsNew'), 'Customers can buy <b>gift cards</b> and <img src=x onerror=alert(1)> send them.');
  await frame.click(tid('happyPath-add'));
  await frame.fill(tid('happyPath-input-0'), 'She picks an amount.');
  await frame.click(tid('happyPath-add'));
  await frame.fill(tid('happyPath-input-1'), 'Gal opens the shop and clicks Gift cards.');
  // Keyboard-operable reordering: move step 2 up.
  await frame.focus(tid('happyPath-up-1'));
  await page.keyboard.press('Enter');
  expect(await frame.inputValue(tid('happyPath-input-0'))).toBe('Gal opens the shop and clicks Gift cards.');

  // Inline validation from the domain schema, under the field.
  await frame.fill(tid('field-dashboardUrl'), 'http://not-secure.example');
  await frame.click(tid('field-l1'));
  await frame.waitForSelector('[data-testid="f-dashboard-error"]');
  expect(await frame.textContent('[data-testid="f-dashboard-error"]')).toContain('https://');
  expect(await appAxeViolations(page)).toEqual([]);
  await frame.fill(tid('field-dashboardUrl'), 'https://dash.example/gift-cards');
  await frame.click(tid('field-l1'));
  expect(await frame.$('[data-testid="f-dashboard-error"]')).toBeNull();

  await frame.click(tid('editor-save'));
  await frame.waitForSelector(tid('handoff-reader'));
  expect(await frame.textContent(tid('revision-info'))).toContain('Priya Patel');

  await page.reload();
  const again = await waitForApp(page);
  await again.waitForSelector(tid('handoff-reader'));
  const whatsNew = await again.textContent(tid('reader-whats-new'));
  expect(whatsNew).toContain('Customers can buy <b>gift cards</b> and <img src=x onerror=alert(1)> send them.');
  expect(await again.$('[data-testid="reader-whats-new"] b, [data-testid="reader-whats-new"] img')).toBeNull();
  const steps = await again.$$eval('[data-testid="reader-happy-path"] ol li', (lis) => lis.map((li) => li.textContent));
  expect(steps).toEqual(['Gal opens the shop and clicks Gift cards.', 'She picks an amount.']);
  const link = await again.$(tid('dashboard-link'));
  expect(await link?.getAttribute('href')).toBe('https://dash.example/gift-cards');
  // Opened through Forge's router.open (test/browser/external-links.test.ts), never as a _blank anchor.
  expect(await link?.getAttribute('target')).toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('Mark ready names what is missing; once filled in the handoff shows Ready', async () => {
  // 2027.01 is three weeks out, so a ready handoff is on time (2026.12, three days out, would be "Late").
  const { page, frame } = await open('po', '/version/10003');
  await frame.click(tid('write-handoff'));
  await frame.fill(tid('field-whatsNew'), 'Carts now survive logout and sync across devices.');
  await frame.click(tid('happyPath-add'));
  await frame.fill(tid('happyPath-input-0'), 'Gal adds a jacket to her cart on her phone.');
  await frame.fill(tid('field-dashboardUrl'), 'https://dash.example/carts');
  await frame.click(tid('editor-save'));
  await frame.waitForSelector(tid('handoff-reader'));
  await frame.click(tid('mark-ready'));
  await frame.waitForSelector(tid('ready-warning'));
  const warning = (await frame.textContent(tid('ready-warning'))) ?? '';
  expect(warning).toMatch(/limitation/i);
  expect(warning).toMatch(/question/i);
  expect(warning).toMatch(/L1/);
  expect(warning).toMatch(/L2/);
  expect(warning).not.toMatch(/What's new/);
  expect(await appAxeViolations(page)).toEqual([]);
  expect(await frame.textContent(tid('handoff-state'))).not.toBe('Ready');

  await frame.click(tid('edit-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  await frame.check(tid('field-noKnownLimitations'));
  await frame.click(tid('questions-add'));
  await frame.fill(tid('questions-question-0'), 'Can a gift card be refunded?');
  await frame.fill(tid('questions-answer-0'), 'No, but it never expires.');
  await frame.fill(tid('field-l1'), 'Search the code in Admin → Gift cards.');
  await frame.fill(tid('field-l2'), 'Buy a card with the test Visa, redeem it in a second browser.');
  await frame.click(tid('mark-ready')); // "Save and mark ready" while editing
  await frame.waitForFunction(() => document.querySelector('[data-testid="handoff-state"]')?.textContent === 'Ready');
  expect(await frame.$(tid('ready-warning'))).toBeNull();
  expect(await frame.textContent(tid('reader-limitations'))).toContain('None known');
  expect(await frame.$(tid('back-to-draft'))).not.toBeNull();
  expect(await appAxeViolations(page)).toEqual([]);
});

test('unsaved text survives a reload and can be restored', async () => {
  const { page, frame } = await open('po', '/version/10002');
  await frame.click(tid('edit-handoff'));
  await frame.fill(tid('field-whatsNew'), 'Half-written: carts now survive logout.');
  await page.reload();
  const again = await waitForApp(page);
  await again.waitForSelector(tid('restore-draft'));
  await again.click(tid('restore-draft-button'));
  await again.waitForSelector(tid('handoff-editor'));
  expect(await again.inputValue(tid('field-whatsNew'))).toBe('Half-written: carts now survive logout.');
});
