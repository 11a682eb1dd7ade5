import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { appPagePath, launchBrowser, openAs, personOf, startTestSite, type TestSite } from '../support';

const FIXTURE = join(__dirname, '..', 'integration', 'host', 'fixtures', 'app');

type Bridge = { callBridge(name: string, payload?: unknown): Promise<unknown> };

let browser: Browser;
let site: TestSite;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('/tmp/shots', { recursive: true });
  site = await startTestSite({ appDir: FIXTURE });
});
afterAll(async () => {
  await browser.close();
  await site.close();
});

test('a HELP request’s issue view runs the issue-context module in its own-origin frame, bridged to the issue', async () => {
  const { page, context, problems } = await openAs(browser, site, 'support-agent', '/browse/HELP-1');
  try {
    await page.getByRole('heading', { name: 'Refund went to a gift card instead of my card' }).waitFor();
    const element = await page.waitForSelector('[data-testid="issue-context-frame-fixture-issue-context"]');
    const frame = (await element.contentFrame()) as Frame;
    await frame.waitForSelector('[data-testid="cs-handoff-app"]');
    expect(new URL(frame.url()).origin).toBe(site.resourceUrl);

    const ctx = (await frame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext'))) as { accountId: string; extension: Record<string, unknown> };
    expect(ctx.accountId).toBe(personOf(site, 'support-agent').accountId);
    expect(ctx.extension).toMatchObject({ type: 'jira:issueContext', issue: { key: 'HELP-1', type: 'Service request' }, project: { key: 'HELP', type: 'service_desk' } });

    // invoke runs the module's resolver as the person viewing the issue.
    const who = (await frame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'whoami', payload: {} }))) as { asUser: string };
    expect(who.asUser).toBe(personOf(site, 'support-agent').accountId);

    // The card can open the app's project page for a release in another project.
    const url = await frame.evaluate(() =>
      (window as unknown as { __bridge: Bridge }).__bridge.callBridge('getUrl', { target: 'module', moduleKey: 'fixture-page', projectKey: 'SHOP', path: '/version/10003' }),
    );
    expect(url).toBe(`${site.url}${appPagePath(site, 'SHOP', '/version/10003')}`);

    await page.screenshot({ path: '/tmp/shots/issue-view.png', fullPage: true });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  } finally {
    await context.close();
  }
});
