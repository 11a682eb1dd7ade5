import { LIMITS, StoredHandoffSchema } from '#domain/handoff';
import { WalkthroughInputSchema } from '#domain/walkthrough/schema';
import { attendeeAccountIds, normaliseWalkthrough, promoteQuestion, settleQuestion, settlementProblem, unsettledQuestions, walkthroughBlocks } from '#domain/walkthrough/rules';
import { completeContent, storedHandoff } from '../domain/fixtures';
import { thrownAppError } from '../app-error';

const carlos = { accountId: 'acc-lead', displayName: 'Carlos Mendes' };
const now = new Date('2026-07-01T12:00:00.456Z');

const ana = { accountId: 'acc-agent', displayName: 'Ana Silva' };
/** What Jira's bulk user call answers for the walkthrough's attendees. */
const jiraPeople = [carlos, ana];

const walkthrough = () =>
  normaliseWalkthrough(
    WalkthroughInputSchema.parse({
      heldAt: '2026-07-01T10:00:00Z',
      attendees: [{ accountId: carlos.accountId }, { accountId: ana.accountId }],
      questions: [
        { text: 'Does the gift card work on the app?', settlement: null },
        { text: 'Can a card be split across two orders?', raisedBy: 'Ana', settlement: null },
        { text: 'What about refunds?', settlement: null },
      ],
    }),
    undefined,
    completeContent(),
    jiraPeople,
  );

const errorOf = (fn: () => unknown) => thrownAppError(fn).error;

describe('walkthrough question ids', () => {
  it('assigns q1, q2, q3 to new questions and keeps ids that are sent', () => {
    expect(walkthrough().questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    const again = normaliseWalkthrough(
      WalkthroughInputSchema.parse({
        heldAt: '2026-07-01T10:00:00Z',
        attendees: [],
        questions: [
          { id: 'q2', text: 'Kept', settlement: null },
          { text: 'New', settlement: null },
        ],
      }),
      walkthrough(),
      completeContent(),
      [],
    );
    // q3 was used before, so the new question gets q4 even though q3 is no longer sent.
    expect(again.questions.map((q) => q.id)).toEqual(['q2', 'q4']);
  });

  it('refuses the same id twice', () => {
    const input = WalkthroughInputSchema.parse({
      heldAt: '2026-07-01T10:00:00Z',
      attendees: [],
      questions: [
        { id: 'q1', text: 'a', settlement: null },
        { id: 'q1', text: 'b', settlement: null },
      ],
    });
    expect(errorOf(() => normaliseWalkthrough(input, undefined, completeContent(), []))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'walkthrough.questions.1.id': 'Question id q1 is used twice' },
    });
  });

  it('validates the input shape: strict, bounded, named fields', () => {
    expect(WalkthroughInputSchema.safeParse({ heldAt: 'yesterday', attendees: [], questions: [] }).success).toBe(false);
    expect(WalkthroughInputSchema.safeParse({ heldAt: '2026-07-01T10:00:00Z', attendees: Array.from({ length: 21 }, () => ({ displayName: 'x' })), questions: [] }).success).toBe(false);
    expect(WalkthroughInputSchema.safeParse({ heldAt: '2026-07-01T10:00:00Z', attendees: [{ accountId: 'y', role: 'lead' }], questions: [] }).success).toBe(false);
    expect(WalkthroughInputSchema.safeParse({ heldAt: '2026-07-01T10:00:00Z', attendees: [{ accountId: '../etc' }], questions: [] }).success).toBe(false);
    expect(WalkthroughInputSchema.safeParse({ heldAt: '2026-07-01T10:00:00Z', attendees: [{ accountId: 'y', displayName: 'ignored' }], questions: [] }).success).toBe(true);
    const gap = { heldAt: '2026-07-01T10:00:00Z', attendees: [], questions: [{ text: 'q', settlement: { kind: 'brief-gap', note: '   ' } }] };
    expect(WalkthroughInputSchema.safeParse(gap).success).toBe(false);
  });
});

describe('attendees are Jira people', () => {
  const input = (attendees: unknown[]) => WalkthroughInputSchema.parse({ heldAt: '2026-07-01T10:00:00Z', attendees, questions: [] });

  it("stores Jira's names, never the UI's, and lists a person once", () => {
    const saved = normaliseWalkthrough(
      input([{ accountId: ana.accountId, displayName: 'Queen of Refunds' }, { accountId: carlos.accountId }, { accountId: ana.accountId }]),
      undefined,
      completeContent(),
      jiraPeople,
    );
    expect(saved.attendees).toEqual([ana, carlos]);
    expect(attendeeAccountIds(input([{ accountId: 'a' }, { accountId: 'a' }, { accountId: 'b' }]))).toEqual(['a', 'b']);
  });

  it('refuses an accountId Jira did not answer for, naming the field', () => {
    expect(errorOf(() => normaliseWalkthrough(input([{ accountId: carlos.accountId }, { accountId: 'acc-ghost' }]), undefined, completeContent(), jiraPeople))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'walkthrough.attendees.1.accountId': expect.stringContaining('not a person Jira knows') },
    });
  });

  it('reads an old walkthrough with name-only attendees, keeps them on a re-save, refuses new typed names', () => {
    const old = { heldAt: '2026-07-01T10:00:00Z', attendees: [{ displayName: 'Carlos Mendes' }, { displayName: 'Dana (vendor)' }], questions: [] };
    const stored = StoredHandoffSchema.parse({ ...storedHandoff(), walkthrough: old });
    expect(stored.walkthrough?.attendees).toEqual(old.attendees);
    const kept = normaliseWalkthrough(input([{ displayName: 'Dana (vendor)' }, { accountId: carlos.accountId }]), stored.walkthrough, completeContent(), jiraPeople);
    expect(kept.attendees).toEqual([{ displayName: 'Dana (vendor)' }, carlos]);
    expect(errorOf(() => normaliseWalkthrough(input([{ displayName: 'Someone new' }]), stored.walkthrough, completeContent(), []))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'walkthrough.attendees.0': expect.stringContaining('must be picked from Jira people') },
    });
  });
});

describe('settlement rules', () => {
  it('answered in Likely questions needs an existing 0-based questionIndex', () => {
    const content = completeContent();
    expect(settlementProblem(content, { kind: 'answered', where: 'questions', questionIndex: 0 })).toBeNull();
    expect(settlementProblem(content, { kind: 'answered', where: 'questions' })).toContain('questionIndex');
    expect(settlementProblem(content, { kind: 'answered', where: 'questions', questionIndex: 1 })).toContain('does not exist');
    expect(settlementProblem(content, { kind: 'answered', where: 'happyPath', questionIndex: 0 })).toContain('only applies');
  });

  it('answered elsewhere needs that section written', () => {
    expect(settlementProblem(completeContent(), { kind: 'answered', where: 'dashboard' })).toBeNull();
    expect(settlementProblem(completeContent({ dashboardUrl: '' }), { kind: 'answered', where: 'dashboard' })).toContain('not written');
    expect(settlementProblem(completeContent({ limitations: [], noKnownLimitations: true }), { kind: 'answered', where: 'limitations' })).toBeNull();
  });

  it('a brief gap always stands (its note is required by the schema)', () => {
    expect(settlementProblem(completeContent({ whatsNew: '' }), { kind: 'brief-gap', note: 'Refunds are not in the brief' })).toBeNull();
  });

  it('settles and unsettles one question as a new revision; the rest is untouched', () => {
    const handoff = storedHandoff({ content: completeContent(), walkthrough: walkthrough(), revision: 4 });
    const settled = settleQuestion(handoff, 'q3', { kind: 'brief-gap', note: 'Refunds are not in the brief' }, carlos, now);
    expect(settled).toMatchObject({ revision: 5, updatedBy: carlos, updatedAt: '2026-07-01T12:00:00.000Z', content: handoff.content });
    expect(unsettledQuestions(settled.walkthrough)).toBe(2);
    expect(unsettledQuestions(settleQuestion(settled, 'q3', null, carlos, now).walkthrough)).toBe(3);
    expect(errorOf(() => settleQuestion(handoff, 'q9', null, carlos, now)).code).toBe('NOT_FOUND');
    expect(errorOf(() => settleQuestion(storedHandoff(), 'q1', null, carlos, now)).code).toBe('NOT_FOUND');
    expect(errorOf(() => settleQuestion(handoff, 'q1', { kind: 'answered', where: 'questions', questionIndex: 5 }, carlos, now))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { settlement: expect.stringContaining('does not exist') },
    });
  });

  it('an old settlement is kept on re-save even if its section has since been emptied', () => {
    const first = normaliseWalkthrough(
      WalkthroughInputSchema.parse({ heldAt: '2026-07-01T10:00:00Z', attendees: [], questions: [{ text: 'q', settlement: { kind: 'answered', where: 'dashboard' } }] }),
      undefined,
      completeContent(),
      [],
    );
    const resend = WalkthroughInputSchema.parse({ ...first, questions: first.questions });
    expect(() => normaliseWalkthrough(resend, first, completeContent({ dashboardUrl: '' }), [])).not.toThrow();
  });
});

describe('promoteQuestion', () => {
  it('appends the question with its answer and settles it there, in one revision', () => {
    const handoff = storedHandoff({ content: completeContent(), walkthrough: walkthrough(), revision: 2 });
    const next = promoteQuestion(handoff, 'q1', '  Yes, on iOS and Android.  ', carlos, now);
    expect(next.revision).toBe(3);
    expect(next.content.questions).toEqual([...handoff.content.questions, { question: 'Does the gift card work on the app?', answer: 'Yes, on iOS and Android.' }]);
    expect(next.walkthrough?.questions[0]?.settlement).toEqual({ kind: 'answered', where: 'questions', questionIndex: 1 });
    expect(StoredHandoffSchema.parse(next)).toEqual(next);
  });

  it('refuses an empty answer and a full Likely questions list', () => {
    const handoff = storedHandoff({ content: completeContent(), walkthrough: walkthrough() });
    expect(errorOf(() => promoteQuestion(handoff, 'q1', ' ', carlos, now)).fields).toHaveProperty('answer');
    const full = storedHandoff({
      content: completeContent({ questions: Array.from({ length: LIMITS.questions }, (_, i) => ({ question: `Q${i}`, answer: 'A' })) }),
      walkthrough: walkthrough(),
    });
    expect(errorOf(() => promoteQuestion(full, 'q1', 'Yes', carlos, now)).message).toContain(`${LIMITS.questions} likely questions`);
  });
});

describe('walkthroughBlocks (for the release gate)', () => {
  it('blocks until the walkthrough is held and every question is settled', () => {
    expect(walkthroughBlocks(null)).toContain('no handoff');
    expect(walkthroughBlocks(storedHandoff())).toContain('not been recorded');
    const handoff = storedHandoff({ content: completeContent(), walkthrough: walkthrough() });
    expect(walkthroughBlocks(handoff)).toContain('3 questions');
    let settled = settleQuestion(handoff, 'q1', { kind: 'answered', where: 'happyPath' }, carlos, now);
    settled = settleQuestion(settled, 'q2', { kind: 'brief-gap', note: 'Not in the brief' }, carlos, now);
    expect(walkthroughBlocks(settled)).toBe('1 question from the CS walkthrough is not settled yet: answer it in the handoff or mark it as a gap in the release brief.');
    settled = settleQuestion(settled, 'q3', { kind: 'answered', where: 'questions', questionIndex: 0 }, carlos, now);
    expect(walkthroughBlocks(settled)).toBeNull();
  });
});

describe('stored handoffs from before the living handoff', () => {
  it('still parse, with no rollout, walkthrough or history pointer', () => {
    const old = storedHandoff({ content: completeContent() });
    const parsed = StoredHandoffSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed).toEqual(old);
    expect(parsed.walkthrough).toBeUndefined();
  });
});
