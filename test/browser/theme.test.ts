/**
 * Jira's theme: the local site's Theme switcher (a form post, like the person) turns the chrome dark and
 * makes getContext answer theme.colorMode 'dark'; the app then runs Atlaskit's dark theme, with no serious
 * axe violations (colour contrast included), and switching back to light works.
 */
import type { Frame, Page } from 'playwright-core';
import { appAxeViolations, appPagePath, seedHandoff, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const VERSION = '10002';
const session = useAppSession({ seed: (site) => seedHandoff(site, VERSION, { ready: true }) });

/** Picks a theme with the site's switcher (submit, as without JS) and waits for the app again. */
async function switchTheme(page: Page, label: 'Light' | 'Dark'): Promise<Frame> {
  // The picker applies on change, as Jira's does.
  await Promise.all([page.waitForNavigation(), page.getByLabel('Theme').selectOption({ label })]);
  return waitForApp(page);
}

const appMode = (frame: Frame) => frame.evaluate(() => [document.documentElement.getAttribute('data-color-mode'), getComputedStyle(document.body).backgroundColor]);
const contextMode = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __bridge: { callBridge(n: string): Promise<{ theme?: { colorMode?: string } }> } }).__bridge.callBridge('getContext').then((c) => c.theme?.colorMode));

test("switching the site to dark gives the app Atlaskit's dark theme, accessible; switching back gives light", async () => {
  const { page, frame, problems } = await session.open('po');
  await frame.waitForSelector(tid('versions-table'));
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('light');
  expect(await appMode(frame)).toEqual(['light', 'rgb(255, 255, 255)']);
  expect(await contextMode(frame)).toBe('light');

  const dark = await switchTheme(page, 'Dark');
  await dark.waitForSelector(tid('versions-table'));
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 31, 33)');
  expect(await contextMode(dark)).toBe('dark');
  // setGlobalTheme marks <html> in the frame, and the tokens resolve to Jira's dark surface (#1F1F21).
  expect(await appMode(dark)).toEqual(['dark', 'rgb(31, 31, 33)']);
  expect(await dark.evaluate(() => document.documentElement.getAttribute('data-theme'))).toContain('dark:dark');
  expect(await appAxeViolations(page)).toEqual([]);

  // A handoff, in dark, still dark after an in-app navigation.
  await dark.click(tid(`version-link-${VERSION}`));
  await dark.waitForSelector(tid('handoff-reader'));
  expect(await appMode(dark)).toEqual(['dark', 'rgb(31, 31, 33)']);
  expect(await appAxeViolations(page)).toEqual([]);

  // The choice is a cookie: a fresh load of another page keeps it.
  await page.goto(session.site.url + appPagePath(session.site, 'SHOP', '/settings'));
  const settings = await waitForApp(page);
  expect(await appMode(settings)).toEqual(['dark', 'rgb(31, 31, 33)']);

  const light = await switchTheme(page, 'Light');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('light');
  expect(await appMode(light)).toEqual(['light', 'rgb(255, 255, 255)']);
  expect(await contextMode(light)).toBe('light');
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('the Theme switcher works without JavaScript and refuses unknown modes', async () => {
  const { site } = session;
  const post = (body: string, cookie = '') => fetch(`${site.url}/_site/theme`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
  const dark = await post('colorMode=dark&return=%2Fprojects%2FSHOP%2Fversions');
  expect(dark.status).toBe(303);
  expect(dark.headers.get('location')).toBe('/projects/SHOP/versions');
  expect(dark.headers.getSetCookie().some((c) => c.startsWith('local-site-theme=dark'))).toBe(true);
  const bogus = await post('colorMode=purple&return=https://evil.example/');
  expect(bogus.headers.get('location')).toBe('/');
  expect(bogus.headers.getSetCookie().some((c) => c.startsWith('local-site-theme='))).toBe(false);
  const page = await (await fetch(`${site.url}/projects/SHOP/versions`, { headers: { cookie: 'local-site-theme=dark' } })).text();
  expect(page).toContain('<html lang="en" data-color-mode="dark">');
  expect(page).toMatch(/<option value="dark" selected>Dark<\/option>/);
});
