/**
 * A CS agent files an L3 bug from a ready handoff: Jira's Create issue dialog opens pre-filled (summary
 * prefix, chain labels, affected version, ADF description), the bug is created in Jira, and the handoff's
 * L3 count goes up by one with a link to the JQL search. Also: L1/L2 copy buttons and filing about one item.
 */
import type { Frame } from 'playwright-core';
import { personOf, seedHandoff, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const VERSION = '10003';
const LABEL = `chain-shop-v${VERSION}-l3`;

const CONTENT = {
  whatsNew: 'Carts survive logout and sync across devices.',
  happyPath: ['Gal adds a lamp to her cart on her phone.', 'Gal logs in on her laptop and sees the lamp in her cart.'],
  limitations: ['Carts older than 30 days are emptied.', 'Guest carts do not sync.'],
  noKnownLimitations: false,
  questions: [{ question: 'Why did my cart empty?', answer: 'Carts older than 30 days are emptied.' }],
  escalation: {
    l1LookUp: 'Open the customer in Admin > Carts and check "Last synced".',
    l2Reproduce: '1. Log in on two devices\n2. Add an item on one\n3. Reload the other',
  },
  dashboardUrl: 'https://grafana.shop.example/d/carts',
};

// Priya (PO) writes the handoff and marks it ready.
const session = useAppSession({ seed: (site) => seedHandoff(site, VERSION, { content: CONTENT, ready: true }) });
const { open } = session;

async function basicGet<T>(path: string): Promise<T> {
  const auth = Buffer.from(`${personOf(session.site, 'po').emailAddress}:local-token`).toString('base64');
  const res = await fetch(session.site.url + path, { headers: { authorization: `Basic ${auth}`, accept: 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function countOf(frame: Frame): Promise<number> {
  await frame.waitForSelector(tid('l3-count'));
  return Number(await frame.getAttribute(tid('l3-count'), 'data-count'));
}

function adfText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(adfText).join(' ');
}

test('Ana files an L3 bug: the dialog is pre-filled, the bug exists in Jira and the count goes up', async () => {
  const { page, frame, problems } = await open('cs-agent', `/version/${VERSION}`);
  await frame.waitForSelector(tid('handoff-reader'));
  const before = await countOf(frame);
  expect(await frame.textContent(tid('l3-count'))).toContain(LABEL);
  const href = (await frame.getAttribute(tid('l3-search-link'), 'href')) ?? '';
  expect(new URL(href).searchParams.get('jql')).toContain(LABEL);

  await frame.click(tid('file-l3-bug'));
  const dialog = await page.waitForSelector(tid('create-issue-dialog'));
  expect(await page.inputValue('#cim-summary')).toBe('[L3] 2027.01 Saved carts: ');
  expect(await page.inputValue('#cim-labels')).toBe(LABEL);
  expect(await page.$eval('#cim-issuetype', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Bug');
  expect(await page.$eval('#cim-versions', (s) => Array.from((s as HTMLSelectElement).selectedOptions).map((o) => o.value))).toEqual([VERSION]);
  const description = await page.inputValue('#cim-description');
  expect(description).toContain('What the customer saw');
  expect(description).toContain('[ ] Add an item on one\n[ ] Reload the other');
  expect(description).toContain('2027.01 Saved carts');
  expect(await dialog.isVisible()).toBe(true);

  await page.fill('#cim-summary', '[L3] 2027.01 Saved carts: cart empty after login');
  await page.click('[data-testid="create-issue-dialog"] button[type="submit"]');
  await page.waitForSelector(tid('create-issue-dialog'), { state: 'detached' });

  // The app hears the dialog close with one issue and counts again.
  await frame.waitForSelector(tid('l3-filed-notice') + ' >> text=L3 bug filed.');
  await frame.waitForFunction(([sel, n]) => Number(document.querySelector(sel)?.getAttribute('data-count')) === n, [tid('l3-count'), before + 1] as const, { timeout: 15_000 });

  // The issue is in Jira with the labels, the version and the ADF description.
  const search = await basicGet<{ issues: { id: string; key: string }[] }>(`/rest/api/3/search/jql?jql=${encodeURIComponent(`labels = ${LABEL}`)}&fields=summary`);
  expect(search.issues.length).toBe(before + 1);
  const issue = await basicGet<{ fields: { summary: string; labels: string[]; versions: { id: string }[]; issuetype: { name: string }; description: { type: string; version: number } } }>(
    `/rest/api/3/issue/${search.issues[0]!.id}`,
  );
  expect(issue.fields.summary).toBe('[L3] 2027.01 Saved carts: cart empty after login');
  expect(issue.fields.labels).toEqual([LABEL]);
  expect(issue.fields.versions.map((v) => v.id)).toEqual([VERSION]);
  expect(issue.fields.issuetype.name).toBe('Bug');
  expect(issue.fields.description.type).toBe('doc');
  expect(issue.fields.description.version).toBe(1);
  expect(adfText(issue.fields.description)).toContain('Reload the other');
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('filing about one item comes from a labelled menu, keyboard only, adds the item label, and focus comes back', async () => {
  const { page, frame } = await open('cs-agent', `/version/${VERSION}`);
  await frame.waitForSelector(tid('handoff-reader'));
  // One primary action on the page, and no per-line filing buttons in the reader.
  expect(await frame.$$(`${tid('handoff-reader')} section:not([data-testid="reader-escalation"]) button`)).toEqual([]);

  // The page builds the pre-fill from what it holds: its only call is the project's Bug type, asked once.
  const invoked: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/forge/host/invoke')) invoked.push(String((JSON.parse(request.postData() ?? '{}') as { functionKey?: unknown }).functionKey));
  });
  const trigger = frame.getByRole('button', { name: 'File about one item' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const item = frame.getByRole('menuitem', { name: 'Limitation 2: Guest carts do not sync.' });
  await item.waitFor();
  const box = await item.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(24);
  await item.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('create-issue-dialog'));
  expect((await page.inputValue('#cim-labels')).split(' ')).toEqual([LABEL, `chain-shop-v${VERSION}-limitation-2`]);
  expect(await page.inputValue('#cim-description')).toContain('Guest carts do not sync.');
  expect(invoked).toEqual(['getL3BugType']);
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('create-issue-dialog'), { state: 'detached' });
  // Cancelled: nothing filed, the button works again, and focus is back on the menu that opened the dialog.
  await frame.waitForSelector(`${tid('file-l3-bug')}:not([disabled])`);
  await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'l3-item-menu--trigger');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('forge-app-frame');

  // The main button: focus returns to it after the dialog closes.
  await frame.focus(tid('file-l3-bug'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('create-issue-dialog'));
  // The second filing on the page asked for nothing.
  expect(await page.inputValue('#cim-labels')).toBe(LABEL);
  expect(invoked).toEqual(['getL3BugType']);
  await page.click('[data-testid="create-issue-dialog"] button:has-text("Cancel")');
  await page.waitForSelector(tid('create-issue-dialog'), { state: 'detached' });
  await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'file-l3-bug');
});

test('the PO does not get filing on her own draft; the count still shows', async () => {
  const { site } = session;
  const po = personOf(site, 'po').accountId;
  await site.host.invoke(po, 'saveHandoff', { versionId: '10002', baseRevision: 0, content: CONTENT }, { projectKey: 'SHOP' });
  const { frame } = await open('po', '/version/10002');
  await frame.waitForSelector(tid('l3-count'));
  expect(await frame.$(tid('file-l3-bug'))).toBeNull();
  expect(await frame.$(tid('l3-item-menu--trigger'))).toBeNull();
  expect(await frame.textContent(tid('l3-file-hidden'))).toContain('Once the handoff is ready');
});

test('L1 and L2 guidance can be copied, with a visible confirmation', async () => {
  const { context, page, frame } = await open('cs-agent', `/version/${VERSION}`);
  await frame.waitForSelector(tid('handoff-reader'));
  for (const origin of [new URL(frame.url()).origin, new URL(page.url()).origin]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }).catch(() => undefined);
  }
  await frame.click(tid('l2-copy-button'));
  const status = (await (await frame.waitForSelector(`${tid('l2-copy-status')}:not(:empty)`)).textContent()) ?? '';
  // Either the clipboard took it, or (clipboard refused in the iframe) the text is selected for Ctrl+C.
  if (status.includes('Copied')) {
    // Read back from the Jira page: Forge's frame may write the clipboard, not read it (no clipboard-read policy).
    expect(await page.evaluate(() => navigator.clipboard.readText().catch(() => ''))).toMatch(/Log in on two devices|^$/);
  } else {
    expect(status).toContain('selected');
    expect(await frame.evaluate(() => String(window.getSelection()))).toContain('Add an item on one');
  }
  expect(await frame.textContent(tid('l1-copy-text'))).toContain('Last synced');
});
