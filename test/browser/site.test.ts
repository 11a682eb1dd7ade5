import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { appPagePath, launchBrowser, openAs, personOf, switchPerson, startTestSite, type TestSite } from '../support';

const SHOTS = '/tmp/shots';
const FIXTURE = join(__dirname, '..', 'integration', 'host', 'fixtures', 'app');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser.close());

describe('the local Jira site with CS Handoff, in Chromium', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite();
  });
  afterAll(() => site.close());

  test("Releases page → CS Handoff: the app loads in the iframe under Forge's CSP, with no violations", async () => {
    const { page, context, problems } = await openAs(browser, site, 'po', '/');
    try {
      await page.waitForSelector('[data-testid="versions-table"]');
      expect(page.url()).toBe(`${site.url}/projects/SHOP/versions`);
      const names = await page.locator('[data-testid="versions-table"] tbody th').allTextContents();
      expect(names).toHaveLength(3);
      expect(await page.locator('tr[data-version-id="10001"] .lozenge').textContent()).toMatch(/released/i);
      await page.screenshot({ path: `${SHOTS}/releases.png`, fullPage: true });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // Keyboard: the first Tab reaches the skip link, and focus is visible.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
      await expect(page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).resolves.toBe('solid');

      const resourceResponse = page.waitForResponse((r) => r.url().endsWith('/forge/resources/main/index.html'));
      await page.locator('tr[data-version-id="10002"] a', { hasText: 'CS Handoff' }).click();
      const response = await resourceResponse;
      expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'/);

      const element = await page.waitForSelector('#forge-app-frame');
      const frame = (await element.contentFrame()) as Frame;
      await frame.waitForSelector('[data-testid="cs-handoff-app"]', { timeout: 20000 });
      expect(page.url()).toBe(`${site.url}${appPagePath(site, 'SHOP', '/version/10002')}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${SHOTS}/app.png`, fullPage: true });

      // The frame is on its own origin, as on Forge: the page's DOM and storage are out of its reach.
      expect(new URL(frame.url()).origin).toBe(site.resourceUrl);
      expect(
        await frame.evaluate(() => {
          try {
            return window.parent.document.title;
          } catch (e) {
            return e instanceof Error ? e.name : String(e);
          }
        }),
      ).toBe('SecurityError');
      await page.evaluate(() => localStorage.setItem('cs-handoff-origin-probe', 'page'));
      expect(await frame.evaluate(() => localStorage.getItem('cs-handoff-origin-probe'))).toBeNull();

      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(site.cspReports).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the person switcher changes who is signed in, for the pages and for the app', async () => {
    const { page, context } = await openAs(browser, site, 'po', appPagePath(site));
    try {
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Priya Patel');
      const carlos = personOf(site, 'cs-lead');
      // The picker applies on change, as Jira's does.
      await switchPerson(page, site, 'cs-lead');
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Carlos Mendes');
      const element = await page.waitForSelector('#forge-app-frame');
      const frame = (await element.contentFrame()) as Frame;
      await frame.waitForSelector('[data-testid="cs-handoff-app"]');
      const ctx = await frame.evaluate(() => (window as unknown as { __bridge: { callBridge(n: string): Promise<{ accountId: string }> } }).__bridge.callBridge('getContext'));
      expect(ctx.accountId).toBe(carlos.accountId);
    } finally {
      await context.close();
    }
  });
});

type Bridge = { callBridge(name: string, payload?: unknown): Promise<unknown> };

describe('the bridge between the app frame and the Jira page (fixture app)', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('getContext, invoke, history and the unsupported-call error', async () => {
    const { page, appFrame, context, problems } = await openAs(browser, site, 'cs-agent', appPagePath(site, 'SHOP', '/version/10002'));
    try {
      const frame = appFrame as Frame;
      const ana = personOf(site, 'cs-agent');
      const ctx = (await frame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext'))) as Record<string, unknown>;
      expect(ctx).toMatchObject({
        accountId: ana.accountId,
        cloudId: site.host.cloudId,
        moduleKey: 'fixture-page',
        environmentId: 'local',
        environmentType: 'DEVELOPMENT',
        locale: 'en-US',
        theme: { colorMode: 'light' },
        extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' }, location: page.url() },
      });

      const result = await frame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'whoami', payload: {} }));
      expect(result).toEqual({ asUser: ana.accountId, contextAccountId: ana.accountId });
      const failure = await frame.evaluate(() =>
        (window as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'boom', payload: {} }).then(
          () => 'resolved',
          (e: Error) => e.message,
        ),
      );
      expect(failure).toBe('There was an error invoking the function - kaboom');

      // createHistory: the app's route is the page URL's tail; push/back move the page URL and notify listeners.
      const seen = await frame.evaluate(async () => {
        const history = (await (window as unknown as { __bridge: Bridge }).__bridge.callBridge('createHistory')) as {
          location: { pathname: string };
          push(p: string): void;
          back(): void;
          listen(fn: (l: { pathname: string }, action: string) => void): () => void;
        };
        const events: string[] = [history.location.pathname];
        await new Promise<void>((resolve) => {
          const stop = history.listen((l, action) => {
            events.push(`${action} ${l.pathname}`);
            if (events.length === 3) {
              stop();
              resolve();
            }
          });
          history.push('/overview');
          setTimeout(() => history.back(), 100);
        });
        return events;
      });
      expect(seen).toEqual(['/version/10002', 'PUSH /overview', 'POP /version/10002']);
      expect(page.url()).toBe(`${site.url}${appPagePath(site, 'SHOP', '/version/10002')}`);

      const url = await frame.evaluate(() =>
        (window as unknown as { __bridge: Bridge }).__bridge.callBridge('getUrl', { target: 'module', moduleKey: 'fixture-page', projectKey: 'SHOP', path: '/version/10003' }),
      );
      expect(url).toBe(`${site.url}${appPagePath(site, 'SHOP', '/version/10003')}`);

      const unsupported = await frame.evaluate(() =>
        (window as unknown as { __bridge: Bridge }).__bridge.callBridge('openRovo', {}).then(
          () => 'resolved',
          (e: Error) => e.message,
        ),
      );
      expect(unsupported).toBe("The bridge call 'openRovo' is not supported by the local site");

      await frame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('showFlag', { id: 'f1', title: 'Saved', type: 'success' }));
      await expect(page.locator('.flag', { hasText: 'Saved' }).isVisible()).resolves.toBe(true);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("CreateIssueModal: Jira's dialog in the page, pre-filled; Create files the issue, Esc cancels", async () => {
    const { page, appFrame, context } = await openAs(browser, site, 'po', appPagePath(site, 'SHOP', '/version/10002'));
    try {
      const frame = appFrame as Frame;
      const open = (summary: string) =>
        frame.evaluate(async (s) => {
          const w = window as unknown as { __bridge: Bridge; __closed?: unknown[] };
          w.__closed = [];
          await w.__bridge.callBridge('openIssueCreateModal', {
            data: {
              onClose: (e: unknown) => w.__closed?.push(e),
              context: {
                projectId: '10000',
                summary: s,
                labels: ['chain-aware', 'l3'],
                fixVersions: ['10002'],
                versions: ['10002'],
                description: { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps from the handoff' }] }] },
              },
            },
          });
        }, summary);
      const closed = () => frame.evaluate(() => (window as unknown as { __closed: unknown[] }).__closed);

      await open('[L3] 2026.12 Gift cards – balance shows 0');
      const dialog = page.getByRole('dialog', { name: 'Create issue' });
      await dialog.waitFor();
      await expect(dialog.getByLabel('Summary *').inputValue()).resolves.toBe('[L3] 2026.12 Gift cards – balance shows 0');
      await expect(dialog.getByLabel('Description').inputValue()).resolves.toBe('Steps from the handoff');
      await expect(dialog.getByLabel('Labels').inputValue()).resolves.toBe('chain-aware l3');
      await page.screenshot({ path: `${SHOTS}/create-issue.png` });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await frame.waitForFunction(() => ((window as unknown as { __closed: unknown[] }).__closed ?? []).length > 0);
      await expect(closed()).resolves.toEqual([{ payload: [] }]);

      await open('[L3] second');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'detached' });
      await frame.waitForFunction(() => ((window as unknown as { __closed: unknown[] }).__closed ?? []).length > 0);
      const [event] = (await closed()) as { payload: { issueId: string }[] }[];
      const issueId = event?.payload[0]?.issueId;
      expect(issueId).toMatch(/^\d+$/);
      const priya = personOf(site, 'po');
      const issue = (await (await fetch(`${site.url}/rest/api/3/issue/${issueId}`, { headers: { authorization: `Basic ${Buffer.from(`${priya.emailAddress}:x`).toString('base64')}` } })).json()) as {
        fields: Record<string, unknown>;
      };
      expect(issue.fields).toMatchObject({
        summary: '[L3] second',
        labels: ['chain-aware', 'l3'],
        fixVersions: [expect.objectContaining({ id: '10002' })],
        versions: [expect.objectContaining({ id: '10002' })],
        description: { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps from the handoff' }] }] },
      });
    } finally {
      await context.close();
    }
  });
});
