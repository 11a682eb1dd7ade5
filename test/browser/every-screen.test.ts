/**
 * Every screen of the app, light and dark: axe with WCAG 2.2 A/AA rules (target-size included) finds
 * nothing in the app's frame, and at 390 px nothing in the app is wider than the frame. Screenshots at
 * 1440 and 390 px go to SCREENSHOT_DIR when it is set (for people to look at beside the host's chrome).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { appPagePath, personOf, seedHandoff, seedSupportSignals, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(300_000);

const session = useAppSession({
  seed: async (site) => {
    await seedHandoff(site, '10003', { ready: true });
    await seedHandoff(site, '10002');
    await seedSupportSignals(site, '10002');
  },
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.flatMap((v) => v.nodes.filter((n) => String(n.target[0]).includes('forge-app-frame')).map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

interface Screen {
  name: string;
  role: string;
  sub: string;
  /** Gets the screen into the state to check, once the app shows. */
  ready(frame: Frame, page: Page): Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'overview', role: 'po', sub: '', ready: (f) => f.waitForSelector(tid('versions-table')).then(() => undefined) },
  {
    name: 'handoff-ready-agent',
    role: 'cs-agent',
    sub: '/version/10003',
    // The sections below the reader load after the page's first render: judged once they are in.
    ready: async (f) => {
      await f.waitForSelector(tid('l3-count'));
      await f.waitForSelector(tid('walkthrough-section'));
      await f.waitForSelector(tid('rollout-section'));
    },
  },
  // With a question from support and the signals chart (seedSupportSignals).
  { name: 'handoff-draft-po', role: 'po', sub: '/version/10002', ready: (f) => f.waitForSelector(tid('support-questions')).then(() => undefined) },
  {
    name: 'signals-table',
    role: 'cs-lead',
    sub: '/version/10002',
    ready: async (f) => {
      await f.click(tid('signals-as-table'));
      await f.waitForSelector(`${tid('signals-table')}.signals-table`);
    },
  },
  { name: 'handoff-empty-po', role: 'po', sub: '/version/10001', ready: (f) => f.waitForSelector(tid('handoff-page')).then(() => undefined) },
  {
    name: 'editor',
    role: 'po',
    sub: '/version/10002',
    ready: async (f) => {
      await f.click(tid('edit-handoff'));
      await f.waitForSelector(tid('handoff-editor'));
    },
  },
  {
    name: 'discard-dialog',
    role: 'po',
    sub: '/version/10002',
    ready: async (f, p) => {
      await f.click(tid('edit-handoff'));
      await f.waitForSelector(tid('handoff-editor'));
      await p.keyboard.type(' more');
      await f.click(tid('editor-cancel'));
      await f.waitForSelector(tid('discard-dialog'));
      await f.waitForTimeout(400);
    },
  },
  {
    name: 'l3-menu',
    role: 'cs-agent',
    sub: '/version/10003',
    ready: async (f, page) => {
      await f.click(tid('l3-item-menu--trigger'));
      await f.waitForSelector(tid('file-bug-step-1'));
      // Judge the open menu as it rests: the pointer left on the trigger gives Atlaskit's transient
      // selected-and-hovered colours (3.9:1), which no one reads text in.
      await page.mouse.move(0, 0);
      await f.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    },
  },
  {
    name: 'walkthrough-form',
    role: 'cs-lead',
    sub: '/version/10003',
    ready: async (f) => {
      await f.click(tid('walkthrough-record'));
      await f.waitForSelector(tid('walkthrough-held-date--container'));
    },
  },
  {
    name: 'rollout-select-open',
    role: 'po',
    sub: '/version/10003',
    ready: async (f, page) => {
      await f.click(tid('rollout-move-open'));
      await f.waitForSelector(tid('rollout-form'));
      // The stage select has focus; Down opens its menu, a second Down moves on from the chosen stage (Atlaskit's
      // chosen-and-focused colours are the transient 3.9:1 pair noted for the L3 menu), the pointer off it.
      await page.mouse.move(0, 0);
      await page.keyboard.press('ArrowDown');
      await f.waitForSelector('[role="listbox"] [role="option"]');
      await page.keyboard.press('ArrowDown');
      await f.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    },
  },
  { name: 'history', role: 'po', sub: '/version/10003/history', ready: (f) => f.waitForSelector(tid('history-table')).then(() => undefined) },
  { name: 'settings-admin', role: 'release-manager', sub: '/settings', ready: (f) => f.waitForSelector('form, dl').then(() => undefined) },
  { name: 'gate-admin', role: 'release-manager', sub: '/version/10002', ready: (f) => f.waitForSelector(tid('gate-panel')).then(() => undefined) },
];

// Chunks importing each other statically crashed a build at start-up (`init_runtime is not a function`);
// the screens above load every group of chunks the build makes (vite.config.mts), this reads how they link.
test('no chunk of the built UI imports, through others, a chunk that imports it', () => {
  const dir = 'static/cs-handoff/build/assets';
  const imports = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, [...readFileSync(join(dir, f), 'utf8').matchAll(/(?:from ?|import ?)"\.\/([^"]+\.js)"/g)].map((m) => m[1] ?? '')] as const),
  );
  expect(imports.size).toBeGreaterThan(10);
  const cycles: string[] = [];
  const done = new Set<string>();
  const walk = (chunk: string, path: string[]): void => {
    if (path.includes(chunk)) return void cycles.push([...path.slice(path.indexOf(chunk)), chunk].join(' → '));
    if (done.has(chunk)) return;
    for (const next of imports.get(chunk) ?? []) walk(next, [...path, chunk]);
    done.add(chunk);
  };
  for (const chunk of imports.keys()) walk(chunk, []);
  expect(cycles).toEqual([]);
});

const shots = process.env['SCREENSHOT_DIR'];
if (shots) mkdirSync(shots, { recursive: true });

describe.each((process.env['THEMES'] ?? 'light,dark').split(',') as ('light' | 'dark')[])('%s theme', (theme) => {
  test.each(SCREENS.map((s) => [s.name, s] as const))('%s: WCAG 2.2 AA clean, fits 390 px', async (_name, screen) => {
    const { site, browser } = session;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await context.addCookies([
        { name: 'local-site-person', value: personOf(site, screen.role).accountId, url: site.url },
        { name: 'local-site-theme', value: theme, url: site.url },
      ]);
      const page = await context.newPage();
      await page.goto(site.url + appPagePath(site, 'SHOP', screen.sub));
      const frame = await waitForApp(page);
      await screen.ready(frame, page);
      expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe(theme);
      expect(await axe(page)).toEqual([]);
      if (shots) await page.screenshot({ path: join(shots, `${screen.name}-${theme}-1440.png`), fullPage: true });

      // Narrow: the host collapses its sidebar, and the app reflows without sideways scrolling down to 320 px.
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        // The host's project sidebar is collapsed behind a button, as Jira's is.
        expect(await page.isVisible('.sidebar')).toBe(false);
        expect(await page.getAttribute(tid('sidebar-toggle'), 'aria-expanded')).toBe('false');
        const overflow = await frame.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(el).position !== 'fixed')
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ${Math.round(el.getBoundingClientRect().right)}`),
        );
        expect({ width, overflow }).toEqual({ width, overflow: [] });
        if (shots && width === 390) await page.screenshot({ path: join(shots, `${screen.name}-${theme}-390.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
