/**
 * The "Release handoff" card on a HELP request, as Sam (support agent) works it in the issue view, the
 * issue's Done-when flow in one test: Find an answer with the keyboard (search "refund", ↓, Enter copies
 * the answer), link the request to 2027.01, file its L3 bug through Jira's Create issue dialog (pre-filled
 * with the request and the chain label, then linked both ways), send an unanswered question to the
 * handoff; then, as the PO, the question on 2027.01's handoff page and its signals per stage moved. Then the card in dark, a permission refusal shown as a message, axe clean. Screenshots land in
 * test-results/ (light and dark, the issue view's right column).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { rest } from '../../bench/fixtures';
import type { HandoffPage, Result, StageSignals, SupportQuestionsView } from '#contract';
import type { HandoffContent } from '#domain/handoff';
import { appPagePath, GIFT_CARDS_CONTENT, launchBrowser, openAs, personOf, seedHandoff, startTestSite, switchPerson, waitForApp, type TestSite } from '../support';

const SOON = '10002';
const CARTS = '10003';
const CARTS_LABEL = `chain-shop-v${CARTS}-l3`;
const SHOTS = join(__dirname, '..', '..', 'test-results');
const FRAME = '[data-testid="issue-context-frame-cs-handoff-issue-card"]';
const tid = (id: string) => `[data-testid="${id}"]`;

let browser: Browser;
let site: TestSite;

const CONTENT: HandoffContent = {
  ...GIFT_CARDS_CONTENT,
  limitations: ['Refunds to a gift card cannot be moved back to a bank card yet: https://status.shop.example/refunds'],
  questions: [
    { question: 'Can a refund go back to the card the customer paid with?', answer: 'Yes: Orders > Refund > choose "Original payment method".' },
    { question: 'Does a gift card expire?', answer: 'After 12 months.' },
  ],
};

const CARTS_CONTENT: HandoffContent = {
  whatsNew: 'Carts survive logout and sync across devices.',
  happyPath: ['Gal adds a lamp to her cart on her phone.', 'Gal logs in on her laptop and sees the lamp in her cart.'],
  limitations: ['Carts older than 30 days are emptied.'],
  noKnownLimitations: false,
  questions: [{ question: 'Why did my cart empty?', answer: 'Carts older than 30 days are emptied.' }],
  escalation: { l1LookUp: 'Admin > Carts > "Last synced".', l2Reproduce: '1. Log in on two devices\n2. Add an item on one\n3. Reload the other' },
  dashboardUrl: 'https://grafana.shop.example/d/carts',
};

interface IssueLinks {
  fields: { issuelinks: { type: { name: string }; inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] };
}

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchBrowser();
  const po = personOf(site, 'po').accountId;
  // Two ready handoffs in rollout (so both are live), written by Priya (PO).
  const seed = async (versionId: string, content: HandoffContent, stage: '1' | '5') => {
    await seedHandoff(site, versionId, { content, ready: true });
    const moved = await site.host.invoke<{ ok: boolean }>(po, 'moveRollout', { versionId, baseRevision: 0, to: stage, learned: '' }, { projectKey: 'SHOP' });
    if (!moved.ok) throw new Error(`moving the rollout of ${versionId} failed`);
  };
  await seed(SOON, CONTENT, '5');
  await seed(CARTS, CARTS_CONTENT, '1');
  // HELP-3 is about the gift cards (linked through the real resolver, as Sam); HELP-1 is not linked yet.
  const linked = await site.host.invoke<{ ok: boolean }>(
    personOf(site, 'support-agent').accountId,
    'linkRequestToRelease',
    { requestKey: 'HELP-3', release: { versionId: SOON, project: { id: (await site.host.project('SHOP')).id, key: 'SHOP' } } },
    { projectKey: 'HELP' },
  );
  if (!linked.ok) throw new Error('linking HELP-3 failed');
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function cardFrame(page: Page, ready = tid('issue-card-release-name')): Promise<Frame> {
  const element = await page.waitForSelector(FRAME);
  const frame = await element.contentFrame();
  if (!frame) throw new Error('no card frame');
  await frame.waitForSelector(ready);
  return frame;
}

/** Serious or critical axe findings inside the card's frame. */
async function cardAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.filter((n) => String(n.target[0]).includes('issue-context')).map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

/** The handoff page's signals per rollout stage, as the PO's page gets them. */
async function signalsOf(versionId: string): Promise<StageSignals> {
  const page = await site.host.invoke<Result<HandoffPage>>(personOf(site, 'po').accountId, 'getHandoffPage', { versionId }, { projectKey: 'SHOP' });
  if (!page.ok || !page.value.signals.ok) throw new Error(`getHandoffPage: ${JSON.stringify(page)}`);
  return page.value.signals.value;
}
const atOnePercent = (signals: StageSignals) => {
  const at = signals.stages.find((s) => s.stage === '1');
  return at && { requests: at.requests, l3Bugs: at.l3Bugs, questions: at.questions };
};

/** The frame grows to the card (the bridge reports its height), so nothing is cut off in the column. */
async function screenshotColumn(page: Page, file: string): Promise<number> {
  await page.waitForFunction((sel) => (document.querySelector<HTMLElement>(sel)?.offsetHeight ?? 0) > 600, FRAME);
  // Tall enough for the whole column, so the site's sticky top bar does not cover the card's top.
  await page.setViewportSize({ width: 1280, height: 2000 });
  const panel = await page.waitForSelector('.issue-context-panel');
  await panel.screenshot({ path: join(SHOTS, file) });
  return (await panel.boundingBox())?.width ?? 0;
}

test('Sam works HELP-1 from the card: copies the refund answer, links it to 2027.01, files its L3 bug (linked both ways) and sends an unanswered question', async () => {
  const before = await signalsOf(CARTS);
  const { page, context, problems } = await openAs(browser, site, 'support-agent', '/browse/HELP-1');
  try {
    for (const origin of [site.resourceUrl, site.url]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    // Nothing links HELP-1 to a release yet: the card offers the live releases.
    const frame = await cardFrame(page, tid('issue-card-picker'));

    // Find an answer, keyboard only: "refund", ↓ to the first result's Copy, Enter.
    await frame.fill(tid('find-answer-input'), 'refund');
    await frame.waitForSelector(tid('find-answer-result'));
    const first = frame.locator(tid('find-answer-result')).first();
    expect(await first.locator('mark').allTextContents()).toEqual(['refund', 'Refund']);
    expect(await first.textContent()).toContain('Original payment method');
    await frame.press(tid('find-answer-input'), 'ArrowDown');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Copy answer');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelector('[data-testid="find-answer-copied"]')?.textContent?.startsWith('Copied'));
    // Read back from the Jira page: Forge's frame may write the clipboard, not read it (no clipboard-read policy).
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CONTENT.questions[0]?.answer);
    await frame.fill(tid('find-answer-input'), '');

    // Link HELP-1 to 2027.01, chosen from the picker, at its current stage (1%).
    await frame.locator(tid('issue-card-choice'), { hasText: '2027.01 Saved carts' }).click();
    await frame.waitForSelector(`${tid('issue-card-release-name')}:has-text("2027.01 Saved carts")`);
    expect(await frame.textContent(tid('request-link-state'))).toContain('Link HELP-1 to this release');
    await frame.click(tid('request-link'));
    await frame.waitForSelector(`${tid('request-link-state')}:has-text("HELP-1 is linked to this release, at rollout 1%")`);
    expect(await frame.textContent(tid('issue-card'))).toContain('The release this request is linked to.');
    const byJql = await rest(site, 'support-agent', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`csHandoffRelease = ${CARTS} AND csHandoffStage = "1"`)}&fields=summary`);
    expect((byJql.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['HELP-1']);

    // File the L3 bug: Jira's dialog, pre-filled with the release's chain label and the customer's request.
    await frame.click(tid('request-file-l3'));
    await page.waitForSelector(tid('create-issue-dialog'));
    expect(await page.inputValue('#cim-summary')).toBe('[L3] 2027.01 Saved carts: Refund went to a gift card instead of my card');
    expect(await page.inputValue('#cim-labels')).toBe(CARTS_LABEL);
    expect(await page.inputValue('#cim-project')).toContain('(SHOP)');
    const description = await page.inputValue('#cim-description');
    expect(description).toContain('I returned order #48213 last week');
    expect(description).toContain('Reload the other');
    await page.click('[data-testid="create-issue-dialog"] button[type="submit"]');
    await page.waitForSelector(tid('create-issue-dialog'), { state: 'detached' });
    const filed = await frame.waitForSelector(`${tid('request-filed')}:has-text("filed and linked to HELP-1")`);
    const bugKey = /L3 bug (SHOP-\d+) filed/.exec((await filed.textContent()) ?? '')?.[1];
    expect(await filed.textContent()).toMatch(/^L3 bug SHOP-\d+ filed and linked to HELP-1 \(Relates\)\.$/);
    expect(bugKey).toBeDefined();
    // Focus is back on the button that opened the dialog.
    await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'request-file-l3');
    // Each side shows the other, and the bug carries the chain label.
    const requestLinks = (await rest(site, 'support-agent', 'GET', '/rest/api/3/issue/HELP-1?fields=issuelinks')).json as IssueLinks;
    expect(requestLinks.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Relates' }), outwardIssue: expect.objectContaining({ key: bugKey }) })]);
    const bug = (await rest(site, 'support-agent', 'GET', `/rest/api/3/issue/${bugKey}?fields=issuelinks,labels`)).json as IssueLinks & { fields: { labels: string[] } };
    expect(bug.fields.issuelinks).toEqual([expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'HELP-1' }) })]);
    expect(bug.fields.labels).toEqual([CARTS_LABEL]);

    // Not in the handoff: the customer's question goes to 2027.01.
    await frame.click(tid('not-in-handoff-open'));
    await frame.fill(tid('not-in-handoff-text'), 'Can the refund be split between the gift card and the Visa?');
    await frame.click(tid('not-in-handoff-send'));
    await frame.waitForFunction(() => document.querySelector('[data-testid="not-in-handoff-sent"]')?.textContent?.includes('Sent to the 2027.01 Saved carts handoff'));
    const listed = await site.host.invoke<{ ok: boolean; value: SupportQuestionsView }>(personOf(site, 'po').accountId, 'listSupportQuestions', { versionId: CARTS }, { projectKey: 'SHOP' });
    expect(listed.value.questions).toEqual([expect.objectContaining({ text: 'Can the refund be split between the gift card and the Visa?', issueKey: 'HELP-1', settlement: null })]);

    // The linked state survives a reload; the card in the issue view's right column, light theme.
    await page.reload();
    // Jira's own issue view lists the bug under the request's linked work items.
    expect(await page.textContent(tid('issue-links'))).toContain(`relates to ${bugKey}`);
    const again = await cardFrame(page);
    expect(await again.textContent(tid('request-link-state'))).toContain('HELP-1 is linked to this release, at rollout 1%');
    expect(await again.locator(tid('request-change-release')).count()).toBe(1);
    expect(await screenshotColumn(page, 'issue-card-light.png')).toBeLessThanOrEqual(420);
    expect(await cardAxe(page)).toEqual([]);

    // As Priya (PO): 2027.01's handoff page lists Sam's question, and its signals at 1% moved from none to one each.
    expect(atOnePercent(before)).toEqual({ requests: 0, l3Bugs: 0, questions: 0 });
    await page.goto(site.url + appPagePath(site, 'SHOP', `/version/${CARTS}`));
    await switchPerson(page, site, 'po');
    const app = await waitForApp(page);
    await app.waitForSelector(`${tid('support-questions')} >> text=Can the refund be split between the gift card and the Visa?`);
    expect(await app.textContent(tid('support-questions'))).toContain('HELP-1');
    const row = await app.waitForSelector(tid('signals-row-1'));
    expect(await row.$$eval('td', (cells) => cells.map((c) => c.textContent))).toEqual(['1', '1', '1']);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  } finally {
    await context.close();
  }
});

test('dark theme: the card follows Jira, a refusal is a clear message with nothing written, accessible', async () => {
  const { page, context, problems } = await openAs(browser, site, 'support-agent', '/browse/HELP-3');
  const sam = personOf(site, 'support-agent').accountId;
  const shopId = Number((await site.host.project('SHOP')).id);
  try {
    await context.addCookies([{ name: 'local-site-theme', value: 'dark', url: site.url }]);
    await page.reload();
    const frame = await cardFrame(page);
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    expect(await frame.textContent(tid('issue-card-release-name'))).toBe('2026.12 Gift cards');
    expect(await frame.textContent(tid('issue-card'))).toContain('Rollout 5%');
    // A URL in a limitation is text, never a link.
    expect(await frame.locator(`${tid('issue-card-limitations')} a`).count()).toBe(0);
    await frame.fill(tid('find-answer-input'), 'refund card');
    await frame.waitForSelector(tid('find-answer-result'));
    await screenshotColumn(page, 'issue-card-dark.png');
    expect(await cardAxe(page)).toEqual([]);

    // Without Create issues in SHOP, filing is refused before Jira's dialog opens, and says why.
    const before = (await rest(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SHOP')}&fields=summary&maxResults=100`)).json as { issues: unknown[] };
    site.jira.store.setPermission(sam, shopId, 'CREATE_ISSUES', false);
    try {
      await frame.click(tid('request-file-l3'));
      const problem = await frame.waitForSelector(tid('request-problem'));
      expect(await problem.getAttribute('data-error-code')).toBe('FORBIDDEN');
      expect(await problem.textContent()).toContain('Create issues permission');
      expect(await page.$(tid('create-issue-dialog'))).toBeNull();
      expect(await cardAxe(page)).toEqual([]);
    } finally {
      site.jira.store.setPermission(sam, shopId, 'CREATE_ISSUES', true);
    }
    const after = (await rest(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SHOP')}&fields=summary&maxResults=100`)).json as { issues: unknown[] };
    expect(after.issues.length).toBe(before.issues.length);
    expect(problems.pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
