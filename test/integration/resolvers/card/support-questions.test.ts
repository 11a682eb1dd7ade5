/**
 * "Not in the handoff": a support agent sends a customer's question from the request (the issue card) to
 * the release's handoff; the PO and CS lead list and settle it on the handoff page, each change a
 * compare-and-set on the questions' own record.
 */
import type { SupportQuestionAsked, SupportQuestionsView } from '#contract';
import type { InvocationContext } from '../../../../local-site/forge-host/host';
import { completeContent, expectError, expectOk, OPS_VERSION, SOON_VERSION, useStartedSite } from '../helpers';
import { cardHelpers, type IssueRef } from './helpers';

jest.setTimeout(120_000);

const { site, invoke, storageCallsSince } = useStartedSite();
const { createIssue, onIssue } = cardHelpers(site);

const QUESTION = 'Can a gift card be split across two orders?';
let request: IssueRef;

beforeAll(async () => {
  expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent() }));
  expectOk(await invoke('release-manager', 'saveHandoff', { versionId: OPS_VERSION, baseRevision: 0, content: completeContent() }, 'OPS'));
  request = await createIssue('SHOP', 'Customer: split a gift card?');
});

const list = (role = 'po') => invoke<SupportQuestionsView>(role, 'listSupportQuestions', { versionId: SOON_VERSION });

test('sent from the request, the question is open on the handoff with a link to the request and who asked', async () => {
  const sent = expectOk(await onIssue<SupportQuestionAsked>('cs-agent', 'askSupportQuestion', { versionId: SOON_VERSION, question: `  ${QUESTION} ` }, request));
  expect(sent).toMatchObject({ questionId: 's1', alreadySent: false, versionName: '2026.12 Gift cards' });
  const view = expectOk(await list('cs-lead'));
  expect(view.revision).toBe(1);
  expect(view.questions).toEqual([
    expect.objectContaining({ id: 's1', text: QUESTION, issueKey: request.key, issueId: request.id, settlement: null, askedBy: expect.objectContaining({ displayName: 'Ana Silva' }) }),
  ]);
});

test('the same open question from the same request is stored once', async () => {
  const again = expectOk(await onIssue<SupportQuestionAsked>('cs-agent', 'askSupportQuestion', { versionId: SOON_VERSION, question: QUESTION.toUpperCase() }, request));
  expect(again).toMatchObject({ questionId: 's1', alreadySent: true });
  expect(expectOk(await list()).questions).toHaveLength(1);
});

test('two agents asking at once both land (the refused commit reads again and appends)', async () => {
  const other = await createIssue('SHOP', 'Another customer');
  const [a, b] = await Promise.all([
    onIssue<SupportQuestionAsked>('cs-agent', 'askSupportQuestion', { versionId: SOON_VERSION, question: 'Does a gift card work in the app?' }, other),
    onIssue<SupportQuestionAsked>('cs-lead', 'askSupportQuestion', { versionId: SOON_VERSION, question: 'Can a gift card be refunded to a bank card?' }, request),
  ]);
  expect([expectOk(a).questionId, expectOk(b).questionId].sort()).toEqual(['s2', 's3']);
  expect(expectOk(await list()).questions.map((q) => q.id)).toEqual(['s1', 's2', 's3']);
});

test('settled like a walkthrough question; a settle planned on an older revision is a conflict and writes nothing', async () => {
  const before = expectOk(await list());
  const settled = expectOk(
    await invoke<SupportQuestionsView>('cs-lead', 'settleSupportQuestion', {
      versionId: SOON_VERSION,
      baseRevision: before.revision,
      questionId: 's1',
      settlement: { kind: 'brief-gap', note: 'The brief does not say whether cards split.' },
    }),
  );
  expect(settled.revision).toBe(before.revision + 1);
  expect(settled.questions[0]).toMatchObject({
    settlement: { kind: 'brief-gap', note: 'The brief does not say whether cards split.' },
    settledBy: expect.objectContaining({ displayName: 'Carlos Mendes' }),
  });

  const mark = site().host.storageLog.length;
  const stale = await invoke<SupportQuestionsView>('po', 'settleSupportQuestion', {
    versionId: SOON_VERSION,
    baseRevision: before.revision,
    questionId: 's2',
    settlement: { kind: 'answered', where: 'whatsNew' },
  });
  expect(expectError(stale).code).toBe('CONFLICT');
  expect(storageCallsSince(mark).filter((c) => c.path.includes('transaction'))).toEqual([]);

  const answered = expectOk(
    await invoke<SupportQuestionsView>('po', 'settleSupportQuestion', {
      versionId: SOON_VERSION,
      baseRevision: settled.revision,
      questionId: 's2',
      settlement: { kind: 'answered', where: 'whatsNew' },
    }),
  );
  expect(answered.questions.filter((q) => q.settlement === null).map((q) => q.id)).toEqual(['s3']);
  // "Answered in" must point at something the handoff has.
  const nowhere = await invoke<SupportQuestionsView>('po', 'settleSupportQuestion', {
    versionId: SOON_VERSION,
    baseRevision: answered.revision,
    questionId: 's3',
    settlement: { kind: 'answered', where: 'questions', questionIndex: 7 },
  });
  expect(expectError(nowhere)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Likely question 8 does not exist/) });
});

describe('permissions', () => {
  test('a release in a project the agent cannot browse takes no question, and nothing is written', async () => {
    const mark = site().host.storageLog.length;
    const refused = await onIssue<SupportQuestionAsked>('cs-agent', 'askSupportQuestion', { versionId: OPS_VERSION, question: QUESTION }, request);
    expect(expectError(refused).code).toBe('FORBIDDEN');
    expect(storageCallsSince(mark).filter((c) => c.path.includes('transaction'))).toEqual([]);
  });

  test('someone who cannot browse the project neither lists nor settles', async () => {
    expect(expectError(await list('outsider')).code).toBe('FORBIDDEN');
    const view = expectOk(await list());
    const settle = await invoke<SupportQuestionsView>('outsider', 'settleSupportQuestion', { versionId: SOON_VERSION, baseRevision: view.revision, questionId: 's3', settlement: null });
    expect(expectError(settle).code).toBe('FORBIDDEN');
    expect(expectOk(await list()).revision).toBe(view.revision);
  });

  test("a page naming another project than the issue's is refused", async () => {
    const ops = await site().host.project('OPS');
    const forged = (c: InvocationContext): InvocationContext => ({ ...c, extension: { ...c.extension, project: { id: ops.id, key: 'SHOP', type: 'software' } } });
    const result = await onIssue<SupportQuestionAsked>('release-manager', 'askSupportQuestion', { versionId: SOON_VERSION, question: 'Forged?' }, request, forged);
    expect(expectError(result).code).toBe('FORBIDDEN');
  });

  test('an empty question is refused, naming the field', async () => {
    const error = expectError(await onIssue<SupportQuestionAsked>('cs-agent', 'askSupportQuestion', { versionId: SOON_VERSION, question: '   ' }, request));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/question/) });
  });
});
