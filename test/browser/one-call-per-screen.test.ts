/**
 * One resolver invocation per screen: opening the overview asks for `listReleases` once, opening a
 * handoff asks for `getHandoffPage` once (the handoff, its gate, permissions and the L3 count), counted
 * at the local Forge host's invoke endpoint, which every `invoke` from the app's frame goes through.
 */
import type { Page } from 'playwright-core';
import { appPagePath, collectProblems, personOf, seedHandoff, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const VERSION = '10003';
const session = useAppSession({ seed: (site) => seedHandoff(site, VERSION, { ready: true }) });

/** Opens an app screen as the CS agent, with the resolver functions its page invokes recorded in order. */
async function openCounting(sub: string): Promise<{ page: Page; invoked: string[] }> {
  const { site, browser } = session;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'local-site-person', value: personOf(site, 'cs-agent').accountId, url: site.url }]);
  const page = await context.newPage();
  await collectProblems(context, page);
  const invoked: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/forge/host/invoke')) return;
    invoked.push(String((JSON.parse(request.postData() ?? '{}') as { functionKey?: unknown }).functionKey));
  });
  await page.goto(site.url + appPagePath(site, 'SHOP', sub));
  return { page, invoked };
}

test('the overview is one invocation', async () => {
  const { page, invoked } = await openCounting('');
  const frame = await waitForApp(page);
  await frame.waitForSelector(tid(`version-row-${VERSION}`));
  expect(invoked).toEqual(['listReleases']);
  await page.context().close();
});

test('the handoff page is one invocation: the handoff, its gate, permissions and the L3 count', async () => {
  const { page, invoked } = await openCounting(`/version/${VERSION}`);
  const frame = await waitForApp(page);
  await frame.waitForSelector(tid('handoff-reader'));
  await frame.waitForSelector(tid('l3-count'));
  expect(await frame.textContent(tid('l3-count'))).toMatch(/\d/);
  expect(invoked).toEqual(['getHandoffPage']);
  await page.context().close();
});
