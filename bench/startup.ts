/**
 * Start-up cost per screen as a browser pays it: every JS and CSS response of the app's frame that
 * arrived before the screen's first render (gzip -9 of each body), and time to interactive at 4× CPU
 * throttling. Measured in headless Chromium against the local site, a fresh (cold-cache) context per run.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Response } from 'playwright-core';
import type { LocalSite } from '../local-site/site';
import { content, invoker, median, person, unwrap } from './fixtures';

export interface Screen {
  name: string;
  /** The app's sub-path ('' for the overview). */
  sub: string;
  role: string;
  /** Present once the screen has rendered its content (not a loading line). */
  ready: string;
  /** The screen renders with the app's first render (its code is not lazy): count up to the entry's mark. */
  markIsFirstRender?: boolean;
  /** The performance mark the screen itself sets at its first render (its code is lazy): count up to it. */
  renderMark?: string;
  /** A screen that is not on the project page (the issue card): the site path and the app frame's selector. */
  page?: { path: string; frame: string };
}

export interface StartupBytes {
  screen: string;
  files: { url: string; kind: 'js' | 'css'; gzipBytes: number }[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  totalGzipBytes: number;
}

/**
 * Chromium 156 loads its omnibox popup (a WebUI page of ~180 scripts, in a renderer of its own) into every
 * new window, which a fresh context is: on a 2-core machine that competes with the page being measured for
 * the first seconds, where a person's browser loaded it when the window opened. Switched off here.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: ARGS });
}

export const appPath = (site: LocalSite, sub = '') => `/jira/software/projects/SHOP/apps/${site.host.appId}/${site.host.environmentId}${sub}`;

/** Opens a screen and returns the app frame's JS/CSS responses that finished before `screen.ready` showed. */
export async function startupBytes(browser: Browser, site: LocalSite, screen: Screen, colorMode: 'light' | 'dark' = 'light'): Promise<StartupBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([
      { name: 'local-site-person', value: person(site, screen.role).accountId, url: site.url },
      { name: 'local-site-theme', value: colorMode, url: site.url },
    ]);
    const page = await context.newPage();
    const responses: Promise<StartupBytes['files'][number] | null>[] = [];
    let rendered = false;
    const siteOrigin = new URL(site.url).origin;
    page.on('response', (response: Response) => {
      if (rendered) return;
      const url = response.url();
      const type = response.request().resourceType();
      // The app's own files only (the frame's origin), not the host page around it.
      if (new URL(url).origin === siteOrigin || (type !== 'script' && type !== 'stylesheet')) return;
      responses.push(
        response.body().then(
          (body) => ({ url: new URL(url).pathname.replace(/^.*\//, ''), kind: type === 'script' ? 'js' : 'css', gzipBytes: gzipSync(body, { level: 9 }).length }),
          () => null,
        ),
      );
    });
    await page.goto(site.url + (screen.page?.path ?? appPath(site, screen.sub)), { waitUntil: 'commit' });
    const frame = await (await page.waitForSelector(screen.page?.frame ?? '#forge-app-frame', { timeout: 30_000 })).contentFrame();
    if (!frame) throw new Error('no app frame');
    await frame.waitForSelector(screen.ready, { timeout: 30_000 });
    rendered = true;
    // The entry marks React's first render; a file counts when it was requested before that mark (or,
    // for a screen whose first render waits on lazy code, before the mark it sets itself, else before
    // `screen.ready` showed).
    const before = await frame.evaluate(
      ({ useMark, renderMark }) => {
        const mark = performance.getEntriesByName(renderMark ?? 'cs-handoff:first-render')[0];
        const cutoff = (useMark || renderMark) && mark ? mark.startTime : Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < cutoff)
          .map((e) => new URL(e.name).pathname.replace(/^.*\//, ''));
      },
      { useMark: screen.markIsFirstRender === true, renderMark: screen.renderMark },
    );
    const all = (await Promise.all(responses)).filter((f): f is StartupBytes['files'][number] => f !== null);
    const files = all.filter((f) => before.includes(f.url));
    const sum = (kind: 'js' | 'css') => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzipBytes, 0);
    return { screen: screen.name, files, jsGzipBytes: sum('js'), cssGzipBytes: sum('css'), totalGzipBytes: sum('js') + sum('css') };
  } finally {
    await context.close();
  }
}

/**
 * In every frame but the page itself, from document start: calls `binding` once `selector` matches a
 * visible element (one with a box and not `visibility: hidden`, as Playwright's `waitForSelector` counts
 * it), checking after each DOM mutation and each frame until it does. Plain script text: tsx would wrap a
 * function's inner functions in a helper the page does not have.
 */
const readyProbe = (binding: string, selector: string): string => `(() => {
  if (window === window.top) return;
  let done = false;
  const check = () => {
    if (done) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') {
      requestAnimationFrame(check);
      return;
    }
    done = true;
    observer.disconnect();
    window[${JSON.stringify(binding)}]();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * Navigation start of the Jira page to `screen.ready` inside the app frame, with the renderer's CPU
 * slowed `cpuSlowdown` times (Chromium's CPU throttling, as DevTools applies it); median of `runs`.
 * The selector is watched by a small observer the browser installs in each frame, not by Playwright's
 * `waitForSelector`: that evaluates Playwright's injected script (hundreds of KB) in the page and again in
 * the app frame, on the same throttled renderer thread as the app, which a person's browser never runs.
 */
export async function throttledInteractive(browser: Browser, site: LocalSite, screen: Screen, runs: number, cpuSlowdown: number): Promise<{ runsMs: number[]; medianMs: number }> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies([{ name: 'local-site-person', value: person(site, screen.role).accountId, url: site.url }]);
      let readyAt: (at: number) => void = () => undefined;
      const ready = new Promise<number>((resolve) => (readyAt = resolve));
      await context.exposeBinding('__csHandoffBenchReady', () => readyAt(performance.now()));
      await context.addInitScript({ content: readyProbe('__csHandoffBenchReady', screen.ready) });
      const page = await context.newPage();
      const throttle = (session: Promise<CDPSession>) => session.then((s) => s.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })).catch(() => undefined);
      await throttle(context.newCDPSession(page));
      // An app frame in its own renderer (site isolation) is throttled too, as soon as it has committed;
      // a frame in the page's renderer has no session of its own and is already throttled with the page.
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) void throttle(context.newCDPSession(frame));
      });
      const started = performance.now();
      await page.goto(site.url + appPath(site, screen.sub), { waitUntil: 'commit' });
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${screen.name}: ${screen.ready} did not show within 60 s`)), 60_000)));
      const at = await Promise.race([ready, limit]).finally(() => clearTimeout(timer));
      runsMs.push(at - started);
    } finally {
      await context.close();
    }
  }
  return { runsMs, medianMs: median(runsMs) };
}

/** The first screen most people see, and the page a handoff is read and written on. */
export const SCREENS = {
  overview: { name: 'overview', sub: '', role: 'po', markIsFirstRender: true, firstRender: '[data-testid="overview"]', interactive: '[data-testid="versions-table"]', budgetBytes: 60 * 1024 },
  handoff: {
    name: 'handoff page',
    sub: '/version/10003',
    role: 'po',
    markIsFirstRender: false,
    // HandoffPage marks its first render with the handoff (HANDOFF_RENDER_MARK); its sections load after it.
    renderMark: 'cs-handoff:handoff-page-render',
    firstRender: '[data-testid="handoff-page"]',
    interactive: '[data-testid="handoff-reader"]',
    budgetBytes: 100 * 1024,
  },
} as const;

export interface UiFigures {
  versions: number;
  bytes: (StartupBytes & { budgetBytes: number })[];
  interactive: { screen: string; runsMs: number[]; medianMs: number }[];
}

/**
 * Start-up bytes (light theme) and time to interactive of each screen, with `versions` versions in
 * the project. Files the local Forge host serves itself (its bridge script, as Forge serves its own)
 * are not the app's and are left out.
 */
export async function measureUi(site: LocalSite, opts: { versions: number; runs: number; cpuSlowdown: number }): Promise<UiFigures> {
  const shop = site.jira.store.findProject('SHOP');
  if (!shop) throw new Error('no SHOP project');
  // The handoff page is measured with a handoff to read (saved first: a save is slower in a big project).
  unwrap(await invoker(site)('po', 'saveHandoff', { versionId: '10003', baseRevision: 0, content: content() }), 'seed handoff');
  const rita = { kind: 'user' as const, accountId: person(site, 'release-manager').accountId };
  for (let i = site.jira.store.versionRows(shop.id).length; i < opts.versions; i += 1) {
    site.jira.store.createVersion(rita, { projectId: String(shop.id), name: `Bench ${i + 1}`, releaseDate: '2099-06-01' });
  }
  const browser = await launch();
  try {
    const bytes: UiFigures['bytes'] = [];
    const interactive: UiFigures['interactive'] = [];
    for (const s of Object.values(SCREENS)) {
      const measured = await startupBytes(browser, site, {
        name: s.name,
        sub: s.sub,
        role: s.role,
        ready: s.firstRender,
        markIsFirstRender: s.markIsFirstRender,
        ...('renderMark' in s ? { renderMark: s.renderMark } : {}),
      });
      const files = measured.files.filter((f) => f.url !== 'iframe-bridge.js');
      const sum = (kind: 'js' | 'css') => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzipBytes, 0);
      bytes.push({ ...measured, files, jsGzipBytes: sum('js'), cssGzipBytes: sum('css'), totalGzipBytes: sum('js') + sum('css'), budgetBytes: s.budgetBytes });
      interactive.push({ screen: s.name, ...(await throttledInteractive(browser, site, { name: s.name, sub: s.sub, role: s.role, ready: s.interactive }, opts.runs, opts.cpuSlowdown)) });
    }
    return { versions: Math.max(opts.versions, site.jira.store.versionRows(shop.id).length), bytes, interactive };
  } finally {
    await browser.close();
  }
}
