/**
 * The "Release handoff" card on a HELP request, as Sam (support agent) sees it in the issue view: the
 * linked release's handoff, Find an answer with the keyboard (search "refund", ↓, Enter copies the
 * answer), "Not in the handoff" sending the customer's question back to the release, in light and dark,
 * axe clean. Screenshots land in test-results/ (light and dark, the issue view's right column).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { rest } from '../../bench/fixtures';
import type { SupportQuestionsView } from '../../src/contract';
import { launchBrowser, openAs, personOf, startTestSite, type TestSite } from '../support';

const SOON = '10002';
const SHOTS = join(__dirname, '..', '..', 'test-results');
const FRAME = '[data-testid="issue-context-frame-cs-handoff-issue-card"]';
const tid = (id: string) => `[data-testid="${id}"]`;

let browser: Browser;
let site: TestSite;

const CONTENT = {
  whatsNew: 'Customers can buy gift cards and send them by email.',
  happyPath: ['Gal opens the shop and clicks Gift cards.', 'Gal picks an amount and enters the email address.'],
  limitations: ['Refunds to a gift card cannot be moved back to a bank card yet: https://status.shop.example/refunds'],
  noKnownLimitations: false,
  questions: [
    { question: 'Can a refund go back to the card the customer paid with?', answer: 'Yes: Orders > Refund > choose "Original payment method".' },
    { question: 'Does a gift card expire?', answer: 'After 12 months.' },
  ],
  escalation: { l1LookUp: 'Admin > Gift cards > search by email.', l2Reproduce: '1. Buy a card\n2. Check the email log' },
  dashboardUrl: 'https://grafana.shop.example/d/gift',
};

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchBrowser();
  const po = personOf(site, 'po').accountId;
  const saved = await site.host.invoke<{ ok: boolean }>(po, 'saveHandoff', { versionId: SOON, baseRevision: 0, content: CONTENT }, { projectKey: 'SHOP' });
  const moved = await site.host.invoke<{ ok: boolean }>(po, 'moveRollout', { versionId: SOON, baseRevision: 0, to: '5', learned: '' }, { projectKey: 'SHOP' });
  if (!saved.ok || !moved.ok) throw new Error('seeding the gift cards handoff failed');
  const shop = await site.host.project('SHOP');
  // What "link to release" writes on the request.
  const put = await rest(site, 'app', 'PUT', '/rest/api/3/issue/HELP-1/properties/cs-handoff.release', { versionId: SOON, projectId: shop.id, stage: '5', linkedAt: new Date().toISOString() });
  if (put.status >= 300) throw new Error(`linking HELP-1 failed: ${put.status}`);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function cardFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector(FRAME);
  const frame = await element.contentFrame();
  if (!frame) throw new Error('no card frame');
  await frame.waitForSelector(tid('issue-card-release-name'));
  return frame;
}

/** Serious or critical axe findings inside the card's frame. */
async function cardAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.filter((n) => String(n.target[0]).includes('issue-context')).map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

test('Sam finds the refund answer with the keyboard, copies it, and sends an unanswered question to the handoff', async () => {
  const { page, context, problems } = await openAs(browser, site, 'support-agent', '/browse/HELP-1');
  try {
    for (const origin of [site.resourceUrl, site.url]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const frame = await cardFrame(page);
    expect(await frame.textContent(tid('issue-card-release-name'))).toBe('2026.12 Gift cards');
    expect(await frame.textContent(tid('issue-card'))).toContain('Rollout 5%');
    expect(await frame.textContent(tid('issue-card'))).toContain('The release this request is linked to.');
    // A URL in a limitation is text, never a link.
    expect(await frame.locator(`${tid('issue-card-limitations')} a`).count()).toBe(0);

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

    await frame.click(tid('not-in-handoff-open'));
    await frame.fill(tid('not-in-handoff-text'), 'Can the refund be split between the gift card and the Visa?');
    await frame.click(tid('not-in-handoff-send'));
    await frame.waitForFunction(() => document.querySelector('[data-testid="not-in-handoff-sent"]')?.textContent?.includes('Sent to the 2026.12 Gift cards handoff'));
    const listed = await site.host.invoke<{ ok: boolean; value: SupportQuestionsView }>(personOf(site, 'po').accountId, 'listSupportQuestions', { versionId: SOON }, { projectKey: 'SHOP' });
    expect(listed.value.questions).toEqual([expect.objectContaining({ text: 'Can the refund be split between the gift card and the Visa?', issueKey: 'HELP-1', settlement: null })]);

    await frame.fill(tid('find-answer-input'), 'refund');
    await frame.waitForSelector(tid('find-answer-result'));
    // The frame grows to the card (the bridge reports its height), so nothing is cut off in the column.
    await page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLElement | null)?.offsetHeight ?? 0) > 600, FRAME);
    const panel = await page.waitForSelector('.issue-context-panel');
    const width = (await panel.boundingBox())?.width ?? 0;
    expect(width).toBeLessThanOrEqual(420);
    await panel.screenshot({ path: join(SHOTS, 'issue-card-light.png') });
    expect(await cardAxe(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  } finally {
    await context.close();
  }
});

test('dark theme: the card follows Jira, accessible', async () => {
  const { page, context, problems } = await openAs(browser, site, 'support-agent', '/browse/HELP-1');
  try {
    await context.addCookies([{ name: 'local-site-theme', value: 'dark', url: site.url }]);
    await page.reload();
    const frame = await cardFrame(page);
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await frame.fill(tid('find-answer-input'), 'refund card');
    await frame.waitForSelector(tid('find-answer-result'));
    await page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLElement | null)?.offsetHeight ?? 0) > 600, FRAME);
    const panel = await page.waitForSelector('.issue-context-panel');
    await panel.screenshot({ path: join(SHOTS, 'issue-card-dark.png') });
    expect(await cardAxe(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
