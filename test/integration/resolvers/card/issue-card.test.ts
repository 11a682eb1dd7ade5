/**
 * The "Release handoff" card's resolvers through the local Forge host, called with the context Jira gives
 * a jira:issueContext module (extension.issue beside extension.project): which release the card shows,
 * who may see what, "Find an answer", and the calls it takes to open the card.
 */
import type { AnswerResults, CardReleaseRef, IssueHandoffCard } from '#contract';
import type { InvocationContext } from '../../../../local-site/forge-host/host';
import { rest } from '../../../../bench/fixtures';
import { roundsOf } from '../../../../local-site/jira/request-log';
import { cardHelpers, type IssueRef } from './helpers';
import { completeContent, expectError, expectOk, OPS_VERSION, SHOP_VERSION, SOON_VERSION, useStartedSite } from '../helpers';

jest.setTimeout(120_000);

const { site, invoke, markCalls, callsSince } = useStartedSite();

const { createIssue, onIssue } = cardHelpers(site);

/** What "link to release" writes on the request (the issue entity property), written here as the app; null deletes it. */
async function putLink(issueKey: string, value: unknown): Promise<void> {
  const path = `/rest/api/3/issue/${issueKey}/properties/cs-handoff.release`;
  const { status } = await rest(site(), 'app', value === null ? 'DELETE' : 'PUT', path, value === null ? undefined : value);
  if (status >= 300) throw new Error(`${value === null ? 'DELETE' : 'PUT'} ${path}: ${status}`);
}

const REFUND_CONTENT = completeContent({
  whatsNew: 'Gift cards can be bought, sent and redeemed.',
  limitations: ['Refunds to a gift card are not yet possible: see https://status.example.com/refunds'],
  questions: [
    { question: 'Can a customer get a refund for a gift card?', answer: 'Yes, within 14 days, from Orders > Refund.' },
    { question: 'Does a gift card expire?', answer: 'After 12 months.' },
  ],
});

let withFixVersion: IssueRef;
let withoutVersion: IssueRef;
let opsIssue: IssueRef;

beforeAll(async () => {
  // SOON (gift cards) is live: its rollout is at 5%. SHOP (saved carts) has a handoff but is not live.
  // OPS has a live handoff only people who browse OPS may see.
  expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: REFUND_CONTENT }));
  expectOk(await invoke('po', 'moveRollout', { versionId: SOON_VERSION, baseRevision: 0, to: '5', learned: '' }));
  expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
  expectOk(
    await invoke(
      'release-manager',
      'saveHandoff',
      { versionId: OPS_VERSION, baseRevision: 0, content: completeContent({ questions: [{ question: 'Refund of OPS secret?', answer: 'OPS secret answer.' }] }) },
      'OPS',
    ),
  );
  expectOk(await invoke('release-manager', 'moveRollout', { versionId: OPS_VERSION, baseRevision: 0, to: '25', learned: '' }, 'OPS'));
  withFixVersion = await createIssue('SHOP', 'Cart lost after logout', [SHOP_VERSION]);
  withoutVersion = await createIssue('SHOP', 'Customer asks about a refund');
  opsIssue = await createIssue('OPS', 'Ops request');
});

describe('which release the card shows', () => {
  test("the issue's fix version with a handoff", async () => {
    const card = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion));
    expect(card).toMatchObject({ issueKey: withFixVersion.key, source: 'fix-version', choices: [] });
    expect(card.release).toMatchObject({ versionId: SHOP_VERSION, projectKey: 'SHOP', stage: 'not-started', status: 'draft', whatsNew: completeContent().whatsNew });
    expect(card.release?.escalation).toEqual(completeContent().escalation);
    expect(card.release?.handoffUrl).toBe(`${site().url}/jira/software/projects/SHOP/apps/${site().host.appId}/${site().host.environmentId}/version/${SHOP_VERSION}`);
  });

  test('the release the request is linked to comes first: a HELP request about a SHOP release, for the support agent', async () => {
    const shop = await site().host.project('SHOP');
    const linked = { versionId: SOON_VERSION, projectId: shop.id, stage: '5', linkedAt: '2026-11-27T10:00:00Z' };
    await putLink('HELP-1', linked);
    const card = expectOk(await onIssue<IssueHandoffCard>('support-agent', 'getIssueHandoffCard', {}, { id: '', key: 'HELP-1' }));
    expect(card).toMatchObject({ issueKey: 'HELP-1', source: 'linked', release: { versionId: SOON_VERSION, projectId: shop.id, projectKey: 'SHOP', stage: '5', questions: REFUND_CONTENT.questions } });
    // The stage and moment of the link, for the card's "linked" line.
    expect(card.linked).toEqual({ stage: '5', linkedAt: '2026-11-27T10:00:00Z' });
    // The link wins over the issue's own fix version.
    await putLink(withFixVersion.key, linked);
    expect(expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion))).toMatchObject({ source: 'linked', release: { versionId: SOON_VERSION } });
    await putLink(withFixVersion.key, null);
  });

  test('a link the person may not follow, or one naming the wrong project, is not shown: the card falls back', async () => {
    const ops = await site().host.project('OPS');
    const shop = await site().host.project('SHOP');
    await putLink(withFixVersion.key, { versionId: OPS_VERSION, projectId: ops.id, stage: '25', linkedAt: '2026-11-27T10:00:00Z' });
    const agent = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion));
    expect(agent).toMatchObject({ source: 'fix-version', release: { versionId: SHOP_VERSION }, linked: null });
    expect(JSON.stringify(agent)).not.toContain('OPS secret');
    // A hand-edited property pairing a SHOP version with the OPS project is not believed either.
    await putLink(withFixVersion.key, { versionId: SOON_VERSION, projectId: ops.id, stage: '5', linkedAt: '2026-11-27T10:00:00Z' });
    expect(expectOk(await onIssue<IssueHandoffCard>('release-manager', 'getIssueHandoffCard', {}, withFixVersion)).source).toBe('fix-version');
    await putLink(withFixVersion.key, { versionId: SOON_VERSION, projectId: shop.id, stage: 'nonsense', linkedAt: 'x' });
    expect(expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion)).source).toBe('fix-version');
    await putLink(withFixVersion.key, null);
  });

  test('an affects version counts too, after the fix versions', async () => {
    const issue = await createIssue('SHOP', 'Both', ['10001'], [SOON_VERSION]);
    const card = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, issue));
    // 10001 has no handoff, so the affects version with one is shown.
    expect(card).toMatchObject({ source: 'fix-version', release: { versionId: SOON_VERSION, stage: '5' } });
  });

  test('no version: the live releases the person can browse, newest first, with their stage', async () => {
    const card = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withoutVersion));
    expect(card.source).toBe('none');
    expect(card.release).toBeNull();
    expect(card.choices.map((c) => [c.versionId, c.stage])).toEqual([[SOON_VERSION, '5']]);
    // The release manager browses OPS too: its live release is listed, newest release date first.
    const rm = expectOk(await onIssue<CardReleaseRef[]>('release-manager', 'listLiveReleases', {}, withoutVersion));
    expect(rm.map((c) => c.versionId)).toEqual([OPS_VERSION, SOON_VERSION]);
  });

  test('a chosen release is shown; one in a project the person cannot browse is refused and shows nothing of it', async () => {
    const chosen = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', { versionId: SOON_VERSION }, withoutVersion));
    expect(chosen).toMatchObject({ source: 'chosen', release: { versionId: SOON_VERSION, questions: REFUND_CONTENT.questions } });
    const refused = await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', { versionId: OPS_VERSION }, withoutVersion);
    expect(expectError(refused).code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused)).not.toContain('OPS secret');
  });

  test('a release with no handoff yet is named, with nothing to read', async () => {
    const card = expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', { versionId: '10001' }, withoutVersion));
    expect(card.release).toMatchObject({ versionId: '10001', status: 'none', whatsNew: '', questions: [], limitations: [] });
  });
});

describe('permissions', () => {
  test('an issue the person cannot browse shows nothing: FORBIDDEN, no release, no answers', async () => {
    for (const resolver of ['getIssueHandoffCard', 'listLiveReleases', 'findAnswers']) {
      const result = await onIssue<unknown>('cs-agent', resolver, resolver === 'findAnswers' ? { query: 'refund' } : {}, opsIssue);
      expect({ resolver, code: expectError(result).code }).toEqual({ resolver, code: 'FORBIDDEN' });
      expect(JSON.stringify(result)).not.toContain('OPS secret');
    }
  });

  test("a page naming another project than the issue's is refused", async () => {
    const opsProject = await site().host.project('OPS');
    const forged = (c: InvocationContext): InvocationContext => ({ ...c, extension: { ...c.extension, project: { id: opsProject.id, key: 'SHOP', type: 'software' } } });
    for (const resolver of ['getIssueHandoffCard', 'listLiveReleases', 'findAnswers']) {
      const result = await onIssue<unknown>('release-manager', resolver, resolver === 'findAnswers' ? { query: 'refund' } : {}, withFixVersion, forged);
      expect({ resolver, code: expectError(result).code }).toEqual({ resolver, code: 'FORBIDDEN' });
    }
  });

  test("links are on the site Jira names, never on the page's siteUrl", async () => {
    const hostile = (c: InvocationContext): InvocationContext => ({ ...c, siteUrl: 'https://evil.example' });
    const answers = [
      await onIssue<unknown>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion, hostile),
      await onIssue<unknown>('cs-agent', 'getIssueHandoffCard', {}, withoutVersion, hostile),
      await onIssue<unknown>('cs-agent', 'findAnswers', { query: 'refund' }, withoutVersion, hostile),
    ].map((r) => JSON.stringify(expectOk(r)));
    for (const answer of answers) {
      expect(answer).toContain(`"handoffUrl":"${site().url}/jira/software/projects/SHOP/apps/`);
      expect(answer).not.toContain('evil.example');
    }
  });

  test('the card resolvers answer only on an issue page', async () => {
    expect(expectError(await invoke<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {})).code).toBe('NOT_FOUND');
  });
});

describe('Find an answer', () => {
  test('"refund" finds the live handoff\'s question first, with its answer and the matched words', async () => {
    const results = expectOk(await onIssue<AnswerResults>('cs-agent', 'findAnswers', { query: ' refund ' }, withoutVersion));
    expect(results.query).toBe('refund');
    expect(results.searched).toBe(1);
    const [first, second] = results.matches;
    expect(first).toMatchObject({ kind: 'question', text: REFUND_CONTENT.questions[0]?.question, answer: REFUND_CONTENT.questions[0]?.answer, release: { versionId: SOON_VERSION, stage: '5' } });
    expect(first?.textSpans.map(([a, b]) => first.text.slice(a, b))).toEqual(['refund']);
    expect(first?.answerSpans.map(([a, b]) => first.answer.slice(a, b))).toEqual(['Refund']);
    expect(second).toMatchObject({ kind: 'limitation', text: REFUND_CONTENT.limitations[0] });
    // Saved carts (not live) and OPS (not browsable by the agent) are not searched.
    expect(JSON.stringify(results)).not.toContain('OPS secret');
  });

  test('the release manager, who browses OPS, finds its live handoff too', async () => {
    const results = expectOk(await onIssue<AnswerResults>('release-manager', 'findAnswers', { query: 'refund' }, withoutVersion));
    expect(results.searched).toBe(2);
    expect(results.matches.map((m) => m.release.versionId)).toContain(OPS_VERSION);
  });

  test('a bad query is refused with a message naming it', async () => {
    const error = expectError(await onIssue<AnswerResults>('cs-agent', 'findAnswers', { query: '   ' }, withoutVersion));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/query/);
  });
});

describe('what opening the card costs', () => {
  test('fix version: one round for the issue, its property and serverInfo, then one storage call; nothing written', async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    try {
      const mark = markCalls();
      expectOk(await onIssue<IssueHandoffCard>('cs-agent', 'getIssueHandoffCard', {}, withFixVersion));
      const measured = callsSince(mark);
      // The local host reads the issue as the app to build the issue view's context, before the app runs.
      const jira = measured.jira.filter((c) => !(c.principal === 'app' && c.path === `/rest/api/3/issue/${withFixVersion.key}`));
      const { storage } = measured;
      const rounds = roundsOf([...jira, ...storage]);
      expect(jira.map((c) => `${c.method} ${c.path}`).sort()).toEqual(
        [`GET /rest/api/3/issue/${withFixVersion.key}`, `GET /rest/api/3/issue/${withFixVersion.key}/properties/cs-handoff.release`, 'GET /rest/api/3/serverInfo'].sort(),
      );
      expect(storage.map((c) => c.path)).toEqual(['/api/v1/batch/get']);
      expect(rounds).toBe(2);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });
});
