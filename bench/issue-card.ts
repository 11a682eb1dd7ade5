/**
 * The issue card (jira:issueContext): calls and rounds to open it, and "Find an answer" over 200 live
 * handoffs (rollout in progress), end to end through the resolver and the ranking alone.
 */
import { roundsOf } from '../local-site/jira';
import type { LocalSite } from '../local-site/site';
import type { AnswerResults, IssueHandoffCard, Result } from '#contract';
import { answerEntriesOf, rankAnswers } from '#domain/card/answer-search';
import { content, invoker, median, person, rest, unwrap } from './fixtures';
import { measured } from './rounds';
import { launch, startupBytes, type StartupBytes } from './startup';

export interface CardRow {
  action: string;
  calls: number;
  storageCalls: number;
  rounds: number;
  wallMs: number;
}

export interface CardBench {
  rows: CardRow[];
  live: number;
  matches: number;
  /** findAnswers end to end (Jira and storage at 0 ms), median of 5. */
  searchMs: number;
  searchRunsMs: number[];
  /** rankAnswers alone over every entry of the live handoffs, median of 20. */
  rankMs: number;
  entries: number;
  /** The card's start-up in Chromium (gzip -9 of its JS and CSS before it shows the release), light theme. */
  startup: StartupBytes;
}

/** The card's frame in the issue view, as the local site names it (the module key of manifest.yml). */
const CARD_FRAME = '[data-testid="issue-context-frame-cs-handoff-issue-card"]';

/**
 * What the card costs a browser before it shows a release: every JS and CSS file of its frame, gzip -9,
 * without the host's own bridge script (Forge serves its own). The dialog code loads on first use, not here.
 */
export async function cardStartup(site: LocalSite, issueKey: string, role: string): Promise<StartupBytes> {
  const browser = await launch();
  try {
    const m = await startupBytes(browser, site, { name: 'issue card', sub: '', role, ready: '[data-testid="issue-card-release-name"]', page: { path: `/browse/${issueKey}`, frame: CARD_FRAME } });
    const files = m.files.filter((f) => f.url !== 'iframe-bridge.js');
    const sum = (kind: 'js' | 'css') => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzipBytes, 0);
    return { ...m, files, jsGzipBytes: sum('js'), cssGzipBytes: sum('css'), totalGzipBytes: sum('js') + sum('css') };
  } finally {
    await browser.close();
  }
}

/** A handoff for live release i: every tenth has a refund question, the rest other questions. */
function liveContent(i: number) {
  const c = content(`Release ${i}: what changed for shoppers.`);
  return {
    ...c,
    limitations: [`Limitation ${i}: not yet on tablets`, `Limitation ${i}b: not in Hebrew`],
    questions: [
      { question: i % 10 === 0 ? `Can a customer get a refund after change ${i}?` : `How does change ${i} look on mobile?`, answer: `Answer ${i}: from Orders, within 14 days.` },
      { question: `Can it be turned off (${i})?`, answer: 'Not in this release.' },
      { question: `Who sees change ${i} first?`, answer: 'The first 5% of shoppers.' },
    ],
  };
}

export async function measureIssueCard(site: LocalSite, liveCount: number, latencyMs: number): Promise<CardBench> {
  const invoke = invoker(site);
  const rita = { kind: 'user' as const, accountId: person(site, 'release-manager').accountId };
  const shop = site.jira.store.findProject('SHOP');
  if (!shop) throw new Error('no SHOP project');
  const versionIds: string[] = [];
  for (let i = 0; i < liveCount; i += 1) {
    versionIds.push(String(site.jira.store.createVersion(rita, { projectId: String(shop.id), name: `Live ${i + 1}`, releaseDate: '2099-06-01' }).id));
  }
  // Live: a handoff and a rollout in progress each (10 at a time, through the real resolvers).
  for (let at = 0; at < versionIds.length; at += 10) {
    await Promise.all(
      versionIds.slice(at, at + 10).map(async (versionId, k) => {
        unwrap(await invoke('po', 'saveHandoff', { versionId, baseRevision: 0, content: liveContent(at + k) }), 'saveHandoff');
        unwrap(await invoke('po', 'moveRollout', { versionId, baseRevision: 0, to: '5', learned: '' }), 'moveRollout');
      }),
    );
  }
  const created = await rest(site, 'app', 'POST', '/rest/api/3/issue', {
    fields: { project: { key: 'SHOP' }, issuetype: { id: '10003' }, summary: 'Bench request', fixVersions: [{ id: versionIds[0] }] },
  });
  const withVersion = created.json as { id: string; key: string };
  const bare = (await rest(site, 'app', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SHOP' }, issuetype: { id: '10003' }, summary: 'Bench request, no version' } })).json as {
    id: string;
    key: string;
  };

  const agent = person(site, 'cs-agent').accountId;
  const onIssue = <T>(issue: { id: string; key: string }, fn: string, payload: unknown) =>
    site.host.invoke<Result<T>>(agent, fn, payload, { projectKey: 'SHOP', moduleKey: 'cs-handoff-issue-card', issueKey: issue.key });

  const row = async (action: string, fn: () => Promise<unknown>): Promise<CardRow> => {
    site.jira.settings.latencyMs = latencyMs;
    site.host.storageSettings.latencyMs = latencyMs;
    try {
      const m = await measured(site.jira.requestLog, fn, site.host.storageLog);
      // The local host reads the issue as the app to build the issue view's context; Jira does that itself.
      const calls = m.calls.filter((c) => !(c.principal === 'app' && /^\/rest\/api\/3\/issue\/[^/]+$/.test(c.path)));
      return { action, calls: calls.length, storageCalls: m.storage.length, rounds: roundsOf([...calls, ...m.storage]), wallMs: m.wallMs };
    } finally {
      site.jira.settings.latencyMs = 0;
      site.host.storageSettings.latencyMs = 0;
    }
  };
  const rows = [
    await row('open the card: fix version with a handoff', async () => unwrap(await onIssue<IssueHandoffCard>(withVersion, 'getIssueHandoffCard', {}), 'card')),
    await row(`open the card: no release, picker of ${liveCount} live releases`, async () => unwrap(await onIssue<IssueHandoffCard>(bare, 'getIssueHandoffCard', {}), 'card')),
    await row(`Find an answer "refund" over ${liveCount} live handoffs`, async () => unwrap(await onIssue<AnswerResults>(bare, 'findAnswers', { query: 'refund' }), 'search')),
  ];

  const runs: number[] = [];
  let last: AnswerResults | undefined;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    last = unwrap(await onIssue<AnswerResults>(bare, 'findAnswers', { query: 'refund customer' }), 'search');
    runs.push(performance.now() - started);
  }
  if (!last || last.searched !== liveCount) throw new Error(`searched ${last?.searched} live handoffs, expected ${liveCount}`);

  const entries = versionIds.flatMap((versionId, i) => answerEntriesOf(liveContent(i), { versionId, releaseDate: '2099-06-01' }));
  const rankRuns: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    rankAnswers('refund customer', entries);
    rankRuns.push(performance.now() - started);
  }
  const startup = await cardStartup(site, withVersion.key, 'cs-agent');
  return { rows, live: liveCount, matches: last.matches.length, searchMs: median(runs), searchRunsMs: runs, rankMs: median(rankRuns), entries: entries.length, startup };
}
