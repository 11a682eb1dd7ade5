/** The Custom UI: start-up JavaScript (gzip -9) and time to an interactive overview in headless Chromium. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { LocalSite } from '../local-site/site';
import { median, person } from './fixtures';

export const UI_BUILD = resolve(__dirname, '..', 'static', 'cs-handoff', 'build');

export interface InitialJs {
  files: { file: string; rawBytes: number; gzipBytes: number }[];
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}

/** The entry module script plus every modulepreload link of build/index.html, each gzipped at level 9. */
export function initialJavaScript(buildDir = UI_BUILD): InitialJs {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const tag of tags) {
    if (tag.startsWith('<script') && / type="module"/.test(tag) && attr(tag, 'src')) js.add(attr(tag, 'src') as string);
    if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag) && attr(tag, 'href')) js.add(attr(tag, 'href') as string);
    if (tag.startsWith('<link') && /rel="stylesheet"/.test(tag) && attr(tag, 'href')) css.add(attr(tag, 'href') as string);
  }
  const sized = (file: string) => {
    const bytes = readFileSync(resolve(dirname(join(buildDir, 'index.html')), file));
    return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...js].map(sized);
  return {
    files,
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    cssGzipBytes: [...css].map(sized).reduce((n, f) => n + f.gzipBytes, 0),
  };
}

export interface Interactive {
  runsMs: number[];
  medianMs: number;
}

/**
 * From navigation start of the app page (the Jira page holding the iframe) to the app's root with the
 * overview table rendered inside the frame; a fresh browser context (cold cache) per run.
 */
export async function timeToInteractive(site: LocalSite, appPath: string, runs: number, latencyMs: number): Promise<Interactive> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const before = site.jira.settings.latencyMs;
  site.jira.settings.latencyMs = latencyMs;
  const runsMs: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: 'local-site-person', value: person(site, 'po').accountId, url: site.url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(site.url + appPath, { waitUntil: 'commit' });
      const frameElement = await page.waitForSelector('#forge-app-frame', { timeout: 30000 });
      const frame = await frameElement.contentFrame();
      if (!frame) throw new Error('no app frame');
      await frame.waitForSelector('[data-testid="cs-handoff-app"] [data-testid="versions-table"]', { timeout: 30000 });
      runsMs.push(performance.now() - started);
      await context.close();
    }
  } finally {
    site.jira.settings.latencyMs = before;
    await browser.close();
  }
  return { runsMs, medianMs: median(runsMs) };
}
