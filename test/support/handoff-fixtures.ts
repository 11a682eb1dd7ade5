/**
 * Shared fixtures for the browser tests: one local site and one Chromium per test file, opening the app
 * as a seeded person, seeding a handoff through the resolvers, and the app's own axe violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Frame, Page } from 'playwright-core';
import type { HandoffContent } from '#domain/handoff';
import { launchBrowser, openAs, type Opened } from './browser';
import { rest } from '../../bench/fixtures';
import { appPagePath, personOf, startTestSite, type TestSite } from './site';

/** The selector of a `data-testid`. */
export const tid = (id: string) => `[data-testid="${id}"]`;

/** A complete handoff for 2026.12 Gift cards (version 10002): every section written. */
export const GIFT_CARDS_CONTENT: HandoffContent = {
  whatsNew: 'Customers can buy gift cards and send them by email.',
  happyPath: ['Gal opens the shop and clicks Gift cards.', 'Gal picks an amount and enters the email address.'],
  limitations: ['Not yet available in Hebrew.'],
  noKnownLimitations: false,
  questions: [{ question: 'Can I turn this off?', answer: 'Not in this release.' }],
  escalation: { l1LookUp: 'Admin > Gift cards > search by email.', l2Reproduce: '1. Buy a card\n2. Check the email log' },
  dashboardUrl: 'https://grafana.shop.example/d/gift',
};

type Answer = { ok: boolean; value?: { handoff: { revision: number; status: string } }; error?: unknown };

/**
 * Priya (PO) saves `content` as the first revision of the version's handoff through the resolver, and
 * with `ready` marks it ready. Throws when either call is refused.
 */
export async function seedHandoff(site: TestSite, versionId: string, { content = GIFT_CARDS_CONTENT, ready = false }: { content?: HandoffContent; ready?: boolean } = {}): Promise<void> {
  const po = personOf(site, 'po').accountId;
  const saved = await site.host.invoke<Answer>(po, 'saveHandoff', { versionId, baseRevision: 0, content }, { projectKey: 'SHOP' });
  if (!saved.ok || !saved.value) throw new Error(`saveHandoff failed: ${JSON.stringify(saved.error)}`);
  if (!ready) return;
  const marked = await site.host.invoke<Answer>(po, 'setStatus', { versionId, baseRevision: saved.value.handoff.revision, status: 'ready' }, { projectKey: 'SHOP' });
  if (!marked.ok || marked.value?.handoff.status !== 'ready') throw new Error(`setStatus failed: ${JSON.stringify(marked.error)}`);
}

/** The question Sam (support agent) sends from HELP-1 to the handoff in `seedSupportSignals`. */
export const SUPPORT_QUESTION = 'Can a gift card pay for only part of an order?';

/**
 * The signals a release collects from support, before its rollout moves: Sam links HELP-1 and HELP-2 to
 * the release and sends SUPPORT_QUESTION from HELP-1 (through the issue card's resolvers), and one L3
 * bug carrying the release's chain-aware label is filed in SHOP.
 */
export async function seedSupportSignals(site: TestSite, versionId: string): Promise<void> {
  const sam = personOf(site, 'support-agent').accountId;
  const onRequest = async (issueKey: string, resolver: string, payload: unknown) => {
    const answer = await site.host.invoke<{ ok: boolean; error?: unknown }>(sam, resolver, payload, { projectKey: 'HELP', moduleKey: 'cs-handoff-issue-card', issueKey });
    if (!answer.ok) throw new Error(`${resolver} failed: ${JSON.stringify(answer.error)}`);
  };
  const release = { versionId, project: { id: String((await site.host.project('SHOP')).id), key: 'SHOP' } };
  for (const issueKey of ['HELP-1', 'HELP-2']) await onRequest(issueKey, 'linkRequestToRelease', { requestKey: issueKey, release });
  await onRequest('HELP-1', 'askSupportQuestion', { versionId, question: SUPPORT_QUESTION });
  const { status, json } = await rest(site, 'app', 'POST', '/rest/api/3/issue', {
    fields: { project: { key: 'SHOP' }, issuetype: { name: 'Bug' }, summary: '[L3] Gift card: checkout fails', labels: [`chain-shop-v${versionId}-l3`] },
  });
  if (status !== 201) throw new Error(`create L3 bug: ${status} ${JSON.stringify(json)}`);
}

/** Critical or serious axe violations inside the app's iframe (the host page's own chrome is not ours). */
export async function appAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.filter((n) => String(n.target[0]).includes('forge-app-frame')).map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

export type OpenedApp = Opened & { frame: Frame };

export interface AppSession {
  readonly site: TestSite;
  readonly browser: Browser;
  /** Every page opened so far, in order. */
  readonly opened: readonly Opened[];
  /** Opens the SHOP project's app page (plus the app route `sub`, e.g. '/version/10002') as a seeded person. */
  open(role: string, sub?: string): Promise<OpenedApp>;
  /** Opens any path on the site as a seeded person (waits for the app when it is an app page). */
  openPath(role: string, path: string): Promise<OpenedApp>;
}

/**
 * Registers beforeAll/afterAll for a test file: a fresh local site and Chromium, then `seed` (e.g.
 * `seedHandoff`); afterwards every opened context, the browser and the site are closed.
 */
export function useAppSession({ seed }: { seed?: (site: TestSite) => Promise<void> } = {}): AppSession {
  let site: TestSite | undefined;
  let browser: Browser | undefined;
  const opened: Opened[] = [];

  beforeAll(async () => {
    site = await startTestSite();
    browser = await launchBrowser();
    await seed?.(site);
  });
  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
  });

  const started = () => {
    if (!site || !browser) throw new Error('The site is not started: use the session inside a test');
    return { site, browser };
  };
  const openPath = async (role: string, path: string): Promise<OpenedApp> => {
    const s = started();
    const o = await openAs(s.browser, s.site, role, path);
    opened.push(o);
    return { ...o, frame: o.appFrame as Frame };
  };
  return {
    get site() {
      return started().site;
    },
    get browser() {
      return started().browser;
    },
    opened,
    open: (role, sub = '') => openPath(role, appPagePath(started().site, 'SHOP', sub)),
    openPath,
  };
}
