/**
 * getHandoffPage: the handoff page's one invocation. It answers what getHandoff, getL3Summary and
 * listSupportQuestions answer apart, plus the chart's signals per rollout stage; it reads the person's
 * permissions, the project and the version once for all, and counts with a fixed number of searches;
 * a refused reader gets the refusal, not a half page.
 */
import type { HandoffPage, HandoffView, L3Summary, RequestReleaseLink, StageSignal, SupportQuestionAsked, SupportQuestionsView } from '#contract';
import { rest } from '../../../../bench/fixtures';
import { cardHelpers, type IssueRef } from '../card/helpers';
import { completeContent, expectError, expectOk, SHOP_VERSION, useStartedSite } from '../helpers';

jest.setTimeout(120_000);

const { site, invoke, markCalls, callsSince } = useStartedSite();
const { onIssue } = cardHelpers(site);

beforeAll(async () => {
  expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
});

test('the handoff, its gate and permissions, and the L3 count, as the two separate calls answer them', async () => {
  const apart = expectOk(await invoke<HandoffView>('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
  const l3 = expectOk(await invoke<L3Summary>('cs-agent', 'getL3Summary', { versionId: SHOP_VERSION }));
  const support = expectOk(await invoke<SupportQuestionsView>('cs-agent', 'listSupportQuestions', { versionId: SHOP_VERSION }));
  const page = expectOk(await invoke<HandoffPage>('cs-agent', 'getHandoffPage', { versionId: SHOP_VERSION }));
  expect(page.handoff).toEqual(apart);
  expect(page.l3).toEqual({ ok: true, value: l3 });
  expect(page.support).toEqual({ ok: true, value: support });
});

test('the access check and the version are read once for every part; the counts are a fixed number of searches', async () => {
  site().jira.settings.latencyMs = 30;
  try {
    const mark = markCalls();
    expectOk(await invoke<HandoffPage>('cs-agent', 'getHandoffPage', { versionId: SHOP_VERSION }));
    const { jira } = callsSince(mark);
    expect(jira.filter((c) => c.path === '/rest/api/3/mypermissions' && c.principal !== 'app')).toHaveLength(1);
    expect(jira.filter((c) => c.path === '/rest/api/3/project/search')).toHaveLength(1);
    expect(jira.filter((c) => c.path === `/rest/api/3/version/${SHOP_VERSION}` && c.principal !== 'app')).toHaveLength(1);
    // The L3 count, one count of linked requests per rollout stage (6, as the app), one search of the L3 bugs.
    const searches = jira.filter((c) => c.path.startsWith('/rest/api/3/search'));
    expect(searches.filter((c) => c.path.endsWith('/approximate-count') && c.principal === 'app')).toHaveLength(6);
    expect(searches.filter((c) => c.path.endsWith('/approximate-count') && c.principal !== 'app')).toHaveLength(1);
    expect(searches.filter((c) => c.path.endsWith('/search/jql'))).toHaveLength(1);
    expect(searches).toHaveLength(8);
  } finally {
    site().jira.settings.latencyMs = 0;
  }
});

test('someone who cannot browse the project gets the refusal', async () => {
  expect(expectError(await invoke('outsider', 'getHandoffPage', { versionId: SHOP_VERSION })).code).toBe('FORBIDDEN');
});

/**
 * Returns once the clock is in the next second: rollout moves are stored to the second, so a bug filed
 * in the same second as the move that follows it would count at the stage moved to.
 */
async function nextSecond(): Promise<void> {
  const start = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) <= start) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('questions from support and the signals per rollout stage', () => {
  const page = async (role = 'po') => expectOk(await invoke<HandoffPage>(role, 'getHandoffPage', { versionId: SHOP_VERSION }));
  const release = { versionId: SHOP_VERSION, project: { id: '10000', key: 'SHOP' } };
  const help = (n: number): IssueRef => ({ key: `HELP-${n}`, id: '' });
  const link = async (n: number) => expectOk(await invoke<RequestReleaseLink>('support-agent', 'linkRequestToRelease', { requestKey: `HELP-${n}`, release }, 'HELP'));
  const ask = async (n: number, question: string) => expectOk(await onIssue<SupportQuestionAsked>('support-agent', 'askSupportQuestion', { versionId: SHOP_VERSION, question }, help(n)));
  const fileBug = async (summary: string) => {
    const { status } = await rest(site(), 'app', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SHOP' }, issuetype: { id: '10004' }, summary, labels: ['chain-shop-v10003-l3'] },
    });
    expect(status).toBe(201);
  };
  const moveTo = async (to: string) => {
    await nextSecond();
    const view = (await page()).handoff;
    expectOk(await invoke('po', 'moveRollout', { versionId: SHOP_VERSION, baseRevision: view.revisions.rollout, to, learned: `Moved to ${to}.` }));
  };
  const counts = (signals: HandoffPage['signals']) => Object.fromEntries(expectOk(signals).stages.map((s: StageSignal) => [s.stage, [s.requests, s.l3Bugs, s.questions]]));

  beforeAll(async () => {
    // Not started: one request linked, one L3 bug, one question.
    await link(1);
    await fileBug('[L3] before the rollout');
    await ask(1, 'Can a saved cart be shared with a colleague?');
    await moveTo('1');
    // 1%: two requests, no bug, two questions.
    await link(2);
    await link(3);
    await ask(2, 'Does the saved cart keep the discount code?');
    await ask(3, 'How long is a saved cart kept?');
    await moveTo('5');
    // 5%: one request, two L3 bugs, no question.
    await link(4);
    await fileBug('[L3] cart lost at 5%');
    await fileBug('[L3] cart empty at 5%');
  });

  test('the chart counts per stage: requests by their recorded stage, L3 bugs by when they were filed, questions by the stage they were asked at', async () => {
    const { signals } = await page('po');
    expect(counts(signals)).toEqual({ 'not-started': [1, 1, 1], '1': [2, 0, 2], '5': [1, 2, 0], '25': [0, 0, 0], '50': [0, 0, 0], '100': [0, 0, 0] });
    expect(expectOk(signals).l3Partial).toBe(false);
  });

  test('the PO cannot browse the service project, yet the linked requests count (numbers only, nothing of a request)', async () => {
    // Priya (PO) cannot see HELP: the requests are counted as the app, and nothing else of them is answered.
    expect((await rest(site(), 'po', 'GET', '/rest/api/3/issue/HELP-1')).status).toBe(404);
    const { signals } = await page('po');
    expect(JSON.stringify(signals)).not.toMatch(/HELP-/);
    expect(expectOk(signals).stages.map((s) => s.requests)).toEqual([1, 2, 1, 0, 0, 0]);
  });

  test('a question sent from a request is stored with the stage it was asked at, and listed on the page with who asked and the request', async () => {
    const { support } = await page('cs-lead');
    const questions = expectOk(support).questions;
    expect(questions.map((q) => [q.id, q.issueKey, q.stage, q.askedBy.displayName, q.settlement])).toEqual([
      ['s1', 'HELP-1', 'not-started', 'Sam Support', null],
      ['s2', 'HELP-2', '1', 'Sam Support', null],
      ['s3', 'HELP-3', '1', 'Sam Support', null],
    ]);
  });

  test('settled from the page, the question is no longer open there nor on the overview; the chart still counts it', async () => {
    const before = await page('po');
    const support = expectOk(before.support);
    const overviewBefore = expectOk(await invoke<{ releases: { version: { id: string }; openSupportQuestions: number }[] }>('po', 'listReleases', {}));
    expect(overviewBefore.releases.find((r) => r.version.id === SHOP_VERSION)?.openSupportQuestions).toBe(3);

    expectOk(
      await invoke('po', 'settleSupportQuestion', {
        versionId: SHOP_VERSION,
        baseRevision: support.revision,
        questionId: 's2',
        settlement: { kind: 'brief-gap', note: 'The brief does not say what happens to codes.' },
      }),
    );
    const after = await page('po');
    expect(
      expectOk(after.support)
        .questions.filter((q) => q.settlement === null)
        .map((q) => q.id),
    ).toEqual(['s1', 's3']);
    expect(expectOk(after.support).questions[1]).toMatchObject({ settlement: { kind: 'brief-gap' }, settledBy: expect.objectContaining({ displayName: 'Priya Patel' }) });
    expect(counts(after.signals)['1']).toEqual([2, 0, 2]);
    const overview = expectOk(await invoke<{ releases: { version: { id: string }; openSupportQuestions: number }[] }>('po', 'listReleases', {}));
    expect(overview.releases.find((r) => r.version.id === SHOP_VERSION)?.openSupportQuestions).toBe(2);
    // A release no one sent a question to shows none.
    expect(overview.releases.filter((r) => r.version.id !== SHOP_VERSION).map((r) => r.openSupportQuestions)).toEqual(overview.releases.filter((r) => r.version.id !== SHOP_VERSION).map(() => 0));
  });

  test('the overview reads the questions from support in its storage round: no Jira call, no extra round', async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    try {
      const mark = markCalls();
      expectOk(await invoke('po', 'listReleases', {}));
      const { jira, storage, rounds } = callsSince(mark);
      expect(jira.filter((c) => c.path.startsWith('/rest/api/3/search'))).toEqual([]);
      // The kept health answer (beside the Jira round), then the page's content, walkthrough and support
      // records: one batch get each, side by side.
      expect(storage.filter((c) => c.path.includes('get'))).toHaveLength(4);
      expect(rounds).toBe(2);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });
});
