import { chromium, type Browser, type BrowserContext, type BrowserServer, type Frame, type Page } from 'playwright-core';
import type { LocalSite } from '../../local-site/site';
import { personOf } from './site';

export const APP_ROOT_SELECTOR = '[data-testid="cs-handoff-app"]';

const CHROMIUM = {
  executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Where browser-server.ts's shared Chromium listens, for the browser suites of one Jest run. */
export const SHARED_BROWSER_ENV = 'CS_HANDOFF_BROWSER_WS';

/**
 * Chromium for one test file. Under Jest's browser project every file connects to the one Chromium its global
 * setup started (starting Chromium costs seconds of a loaded 2-core machine's time, per file): each file still
 * gets its own contexts, and its `browser.close()` closes them and disconnects, leaving Chromium to the others.
 * Without that setup (a script, the bench) it starts its own Chromium.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  return shared ? chromium.connect(shared) : chromium.launch(CHROMIUM);
}

/** Starts a Chromium that test files connect to over its WebSocket endpoint (see launchBrowser). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(CHROMIUM);
}

export interface CspViolation {
  frameUrl: string;
  directive: string;
  blockedUri: string;
  sample: string;
}

/** What went wrong in a page and its frames, collected as it happens so a test can assert none. */
export interface PageProblems {
  cspViolations: CspViolation[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Every page collected in the current test; checked after each test (see the afterEach below). */
const collected: PageProblems[] = [];

// Every browser test, whatever it asserts itself: no CSP violation and no console error in the site's page or
// the app's frame.
if (typeof afterEach === 'function') {
  afterEach(() => {
    const pages = collected.splice(0);
    expect(pages.flatMap((p) => p.cspViolations)).toEqual([]);
    expect(pages.flatMap((p) => p.consoleErrors)).toEqual([]);
  });
}

/**
 * Collects `securitypolicyviolation` events from every frame (the app's iframe included), console errors and
 * uncaught exceptions. Call before the first navigation. The listener is installed by the browser (init script
 * plus a binding), so the app's CSP does not block it.
 */
export async function collectProblems(context: BrowserContext, page: Page): Promise<PageProblems> {
  const problems: PageProblems = { cspViolations: [], consoleErrors: [], pageErrors: [] };
  collected.push(problems);
  await context.exposeBinding('__reportCspViolation', (source, v: Omit<CspViolation, 'frameUrl'>) => {
    problems.cspViolations.push({ ...v, frameUrl: source.frame.url() });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (v: unknown) => void }).__reportCspViolation;
      report?.({ directive: e.effectiveDirective || e.violatedDirective, blockedUri: e.blockedURI, sample: e.sample });
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
  return problems;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** The app's iframe once its UI rendered; undefined when `path` is not an app page. */
  appFrame: Frame | undefined;
  problems: PageProblems;
}

/**
 * Opens `path` on the site in a fresh browser context signed in as a seeded person (e-mail or role). On an
 * app page it waits for the app's iframe and for the UI's root element inside it.
 */
export async function openAs(browser: Browser, site: Pick<LocalSite, 'url' | 'jira'>, personEmailOrRole: string, path = '/', opts: { waitForApp?: boolean; timeoutMs?: number } = {}): Promise<Opened> {
  const person = personOf(site, personEmailOrRole);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'local-site-person', value: person.accountId, url: site.url }]);
  const page = await context.newPage();
  const problems = await collectProblems(context, page);
  await page.goto(site.url + path);
  let appFrame: Frame | undefined;
  const isAppPage = path.startsWith('/jira/software/projects/');
  if (isAppPage && opts.waitForApp !== false) appFrame = await waitForApp(page, opts.timeoutMs);
  return { context, page, appFrame, problems };
}

/** The app's Frame, after its UI's root element has rendered. */
export async function waitForApp(page: Page, timeoutMs = 15000): Promise<Frame> {
  const element = await page.waitForSelector('#forge-app-frame', { timeout: timeoutMs });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The app iframe has no frame');
  await frame.waitForSelector(APP_ROOT_SELECTOR, { timeout: timeoutMs });
  // As on Forge, the Custom UI runs on another origin than the Jira page around it.
  const frameOrigin = new URL(frame.url()).origin;
  if (frameOrigin === new URL(page.url()).origin) throw new Error(`The app frame runs on the site's own origin (${frameOrigin}); Forge serves Custom UI from another origin`);
  return frame;
}

/**
 * Switches who is signed in with the site's own person picker, which applies on change: the form posts and
 * Jira redirects back to the same page, so the URL alone cannot tell the new page from the old one. The
 * test waits until the page names the new person.
 */
export async function switchPerson(page: Page, site: Pick<LocalSite, 'jira'>, personEmailOrRole: string): Promise<void> {
  const person = personOf(site, personEmailOrRole);
  await page.getByLabel('Signed in as').selectOption(person.accountId);
  await page.waitForFunction((name) => document.querySelector('[data-testid="signed-in-as"]')?.textContent?.includes(name) ?? false, person.displayName);
  await page.waitForLoadState('load');
}
