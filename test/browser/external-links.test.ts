/**
 * Links out of the app go through Forge's router (`router.open`), which the local site's bridge turns
 * into the host page's window.open, as Jira would after asking the person. The host page's window.open
 * is replaced here to record what was opened, then to refuse (the person declined): a declined open
 * does nothing more, shows no error and opens nothing itself.
 */
import { GIFT_CARDS_CONTENT, seedHandoff, tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const VERSION = '10003';
const DASHBOARD = 'https://grafana.shop.example/d/carts';

const session = useAppSession({
  seed: (site) => seedHandoff(site, VERSION, { content: { ...GIFT_CARDS_CONTENT, dashboardUrl: DASHBOARD }, ready: true }),
});

type HostWindow = Window & { opened: string[]; declined: number };

test('the dashboard and "View in Jira" open through router.open; a declined open does nothing', async () => {
  const { page, frame, problems } = await session.open('cs-agent', `/version/${VERSION}`);
  await frame.waitForSelector(tid('handoff-reader'));
  const appUrl = frame.url();
  await page.evaluate(() => {
    const host = window as unknown as HostWindow;
    host.opened = [];
    host.declined = 0;
    window.open = (url?: string | URL) => {
      host.opened.push(String(url));
      return null;
    };
  });

  const dashboard = await frame.waitForSelector(tid('dashboard-link'));
  expect(await dashboard.getAttribute('target')).toBeNull();
  await dashboard.click();
  await page.waitForFunction(() => (window as unknown as HostWindow).opened.length === 1);
  expect(await page.evaluate(() => (window as unknown as HostWindow).opened)).toEqual([DASHBOARD]);

  await frame.waitForSelector(tid('l3-search-link'));
  expect(await frame.getAttribute(tid('l3-search-link'), 'target')).toBeNull();
  // By keyboard: Tab reaches the anchor, Enter follows it.
  await frame.focus(tid('l3-search-link'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as HostWindow).opened.length === 2);
  const search = new URL((await page.evaluate(() => (window as unknown as HostWindow).opened[1])) ?? '');
  expect(search.origin).toBe(new URL(session.site.url).origin);
  expect(search.pathname).toBe('/issues/');
  expect(search.searchParams.get('jql')).toContain(`chain-shop-v${VERSION}-l3`);

  // The person declines: Jira's router.open rejects. Nothing else opens, nothing is shown, the app stays put.
  await page.evaluate(() => {
    const host = window as unknown as HostWindow;
    window.open = () => {
      host.declined += 1;
      throw new Error('The person chose not to leave Jira');
    };
  });
  // Nor may the app open it itself (a window.open fallback from its own frame).
  await frame.evaluate(() => {
    const app = window as unknown as HostWindow;
    app.opened = [];
    window.open = (url?: string | URL) => {
      app.opened.push(String(url));
      return null;
    };
  });
  await (await frame.waitForSelector(tid('dashboard-link'))).click();
  await page.waitForFunction(() => (window as unknown as HostWindow).declined === 1);
  // The rejection has reached the app once the bridge answered; give its handler the same turn to run.
  await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(await page.evaluate(() => (window as unknown as HostWindow).opened)).toHaveLength(2);
  expect(await frame.evaluate(() => (window as unknown as HostWindow).opened)).toEqual([]);
  expect(await frame.$$('[role="alert"]')).toHaveLength(0);
  expect(frame.url()).toBe(appUrl);
  expect(await frame.$(tid('handoff-reader'))).not.toBeNull();
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
