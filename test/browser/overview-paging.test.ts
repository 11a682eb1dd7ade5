/**
 * The overview at size, in the real UI: 60 versions show 25 at a time with Atlaskit-style pagination
 * (reached and used with the keyboard), a name search and a release-status filter, each answered by
 * one resolver invocation; opening the overview is one invocation too, sent by the entry module.
 */
import type { Frame, Page } from 'playwright-core';
import { appPagePath, collectProblems, personOf, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const EXTRA = 60;
const session = useAppSession({
  seed: async (site) => {
    const rita = { kind: 'user' as const, accountId: personOf(site, 'release-manager').accountId };
    const shop = site.jira.store.findProject('SHOP');
    if (!shop) throw new Error('no SHOP project');
    for (let i = 1; i <= EXTRA; i += 1) site.jira.store.createVersion(rita, { projectId: String(shop.id), name: `Paging ${i}`, releaseDate: '2099-06-01' });
  },
});

/** The resolver functions the app's page asked the host for, in order. */
function countInvocations(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/forge/host/invoke')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { functionKey?: string };
    calls.push(String(body.functionKey));
  });
  return calls;
}

const rowNames = (frame: Frame) => frame.$$eval(`${tid('versions-table')} tbody tr td:first-child a`, (as) => as.map((a) => a.textContent ?? ''));

test('paging, search and the release filter, by keyboard, one invocation each', async () => {
  const { site, browser } = session;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'local-site-person', value: personOf(site, 'po').accountId, url: site.url }]);
  const page = await context.newPage();
  const invoked = countInvocations(page);
  try {
    const problems = await collectProblems(context, page);
    await page.goto(site.url + appPagePath(site));
    const frame = await waitForApp(page);
    await frame.waitForSelector(tid('versions-table'));
    expect(invoked).toEqual(['listReleases']);

    const first = await rowNames(frame);
    expect(first).toHaveLength(25);
    expect(await frame.getAttribute(tid('page-1'), 'aria-current')).toBe('page');
    expect(await frame.isDisabled(tid('page-previous'))).toBe(true);
    // 60 seeded + SHOP's own versions: 3 pages, all listed (first, current ±1, last).
    expect(await frame.isVisible(tid('page-3'))).toBe(true);

    // Keyboard: focus "Page 2" and press Enter.
    await frame.focus(tid('page-2'));
    await page.keyboard.press('Enter');
    await frame.waitForSelector(`${tid('page-2')}[aria-current="page"]`);
    await frame.waitForSelector(`${tid('versions-table')}[aria-busy="false"]`);
    const second = await rowNames(frame);
    expect(second).toHaveLength(25);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    expect(invoked).toEqual(['listReleases', 'listReleases']);

    // Search: type a name and press Enter (no wait for the typing pause).
    await frame.focus(tid('version-search'));
    await page.keyboard.type('Paging 42');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('[data-testid="versions-table"] tbody tr').length === 1);
    expect(await rowNames(frame)).toEqual(['Paging 42']);
    expect(await frame.isVisible(tid('pagination'))).toBe(false);

    // Filter: released versions named "Paging 42": none.
    await frame.selectOption(tid('version-filter'), 'released');
    await frame.waitForSelector(tid('overview-no-match'));
    expect(await frame.textContent(tid('overview-no-match'))).toContain('No versions match “Paging 42” among released versions');

    // Clearing both shows page 1 of everything again.
    await frame.selectOption(tid('version-filter'), 'all');
    await frame.fill(tid('version-search'), '');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('[data-testid="versions-table"] tbody tr').length === 25);
    expect(await frame.getAttribute(tid('page-1'), 'aria-current')).toBe('page');
    // Only the overview's own resolver, never a second one per screen.
    expect(invoked.every((f) => f === 'listReleases')).toBe(true);
    expect(problems.pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
