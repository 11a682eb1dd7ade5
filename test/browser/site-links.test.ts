/**
 * The local site never switches who you are: the person is a cookie of the host name, so every link the
 * site and the app render must stay on the host name the person came in on (127.0.0.1 or localhost).
 * Also: "View in Jira" opens the site's issue search, and Otto (no SHOP access) reaches OPS.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { appPagePath, personOf, seedHandoff, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(180_000);

const session = useAppSession({ seed: (site) => seedHandoff(site, '10003', { ready: true }) });

async function signedIn(host: string, role: string): Promise<{ context: BrowserContext; page: Page; base: string }> {
  const base = session.site.url.replace('127.0.0.1', host);
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'local-site-person', value: personOf(session.site, role).accountId, url: base }]);
  return { context, page: await context.newPage(), base };
}

const who = (page: Page) => page.getByTestId('signed-in-as').textContent();

describe.each(['127.0.0.1', 'localhost'])('coming in on %s', (host) => {
  test('following every link on the releases page and the app page keeps the person', async () => {
    const { context, page, base } = await signedIn(host, 'cs-agent');
    try {
      await page.goto(`${base}/projects/SHOP/versions`);
      expect(await who(page)).toContain('Ana Silva');
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      // The handoff's related-work link was stored while the site was reached as 127.0.0.1.
      expect(hrefs.some((h) => h.includes('/version/10003'))).toBe(true);
      for (const href of new Set(hrefs)) {
        if (href.startsWith('mailto:') || href.includes('#')) continue;
        expect(new URL(href).host).toBe(new URL(base).host);
        await page.goto(href);
        expect(await who(page)).toContain('Ana Silva');
      }

      // In the app: "View in Jira" opens the issue search on the same host, still as Ana.
      await page.goto(base + appPagePath(session.site, 'SHOP', '/version/10003'));
      const frame = await waitForApp(page);
      await frame.waitForSelector(tid('l3-search-link'));
      const [tab] = await Promise.all([context.waitForEvent('page'), frame.click(tid('l3-search-link'))]);
      await tab.waitForLoadState();
      expect(new URL(tab.url()).host).toBe(new URL(base).host);
      expect(new URL(tab.url()).pathname).toBe('/issues/');
      expect(await who(tab)).toContain('Ana Silva');
      expect(await tab.textContent(tid('issue-search-jql'))).toContain('chain-shop-v10003-l3');
    } finally {
      await context.close();
    }
  });
});

test('Otto, who cannot browse SHOP, gets from the error page to OPS', async () => {
  const { context, page, base } = await signedIn('localhost', 'outsider');
  try {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Go to your projects' }).click();
    await page.getByRole('link', { name: /OPS/ }).click();
    expect(new URL(page.url()).pathname).toBe('/projects/OPS/versions');
    expect(await page.textContent('body')).toContain('Ops 1');
    expect(await who(page)).toContain('Otto Berg');
  } finally {
    await context.close();
  }
});
