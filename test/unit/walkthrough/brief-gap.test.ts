import { briefGapSummary, briefGapTask, briefGapToFile, recordBriefGapIssue, SUMMARY_MAX } from '#domain/walkthrough/brief-gap';
import { AppError } from '#domain/errors';
import type { StoredHandoff } from '#domain/handoff';
import { adfErrors } from '../adf-errors';

const by = { accountId: 'a1', displayName: 'Carlos Mendes' };

function handoffWith(questions: NonNullable<StoredHandoff['walkthrough']>['questions']): StoredHandoff {
  return {
    revision: 4,
    versionId: '10003',
    walkthrough: { heldAt: '2026-07-01T14:00:00Z', attendees: [], questions },
  } as unknown as StoredHandoff;
}

const gap = { id: 'q2', text: 'What happens to a discontinued product?', settlement: { kind: 'brief-gap' as const, note: 'The brief says nothing about it.' } };

function codeAndFields(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.error.code, fields: Object.keys(error.error.fields ?? {}) };
    throw error;
  }
  return 'no error';
}

describe('filing a brief gap as a Jira task', () => {
  it('only files a question settled as a brief gap that has no issue yet, naming questionId', () => {
    expect(briefGapToFile(handoffWith([gap]), 'q2').settlement.note).toBe('The brief says nothing about it.');
    const answered = { id: 'q1', text: 'Q?', settlement: { kind: 'answered' as const, where: 'whatsNew' as const } };
    const open = { id: 'q3', text: 'Q?', settlement: null };
    const filed = { ...gap, id: 'q4', settlement: { ...gap.settlement, issueKey: 'SHOP-7' } };
    const h = handoffWith([answered, gap, open, filed]);
    for (const id of ['q1', 'q3', 'q4']) expect(codeAndFields(() => briefGapToFile(h, id))).toEqual({ code: 'INVALID_INPUT', fields: ['questionId'] });
    expect(codeAndFields(() => briefGapToFile(h, 'q9'))).toEqual({ code: 'NOT_FOUND', fields: ['questionId'] });
  });

  it("names the version and the question in the summary, shortened to Jira's bound and on one line", () => {
    expect(briefGapSummary('2027.01 Saved carts', 'Can a cart\nbe shared?')).toBe('[Brief gap] 2027.01 Saved carts: Can a cart be shared?');
    const long = briefGapSummary('V'.repeat(255), 'q'.repeat(300));
    expect(long.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(long).toMatch(/^\[Brief gap\] V+…: q+…$/);
  });

  it('builds valid ADF with the question, the note and the link back, and the brief-gap label', () => {
    const task = briefGapTask({
      link: { projectKey: 'SHOP', versionId: '10003' },
      versionName: '2027.01 Saved carts',
      question: { ...gap, raisedBy: 'Ana Silva' },
      note: gap.settlement.note,
      handoffUrl: 'https://example.atlassian.net/jira/software/projects/SHOP/apps/a/e/version/10003',
    });
    expect(adfErrors(task.description)).toEqual([]);
    const json = JSON.stringify(task.description);
    expect(json).toContain(gap.text);
    expect(json).toContain(gap.settlement.note);
    expect(json).toContain('"href":"https://example.atlassian.net/jira/software/projects/SHOP/apps/a/e/version/10003"');
    expect(task.labels).toEqual(['chain-shop-v10003-brief-gap']);
  });

  it('records the key on the settlement as a new revision', () => {
    const next = recordBriefGapIssue(handoffWith([gap]), 'q2', 'SHOP-12', by, new Date('2026-07-02T10:00:00Z'));
    expect(next.revision).toBe(5);
    expect(next.walkthrough?.questions[0]?.settlement).toEqual({ ...gap.settlement, issueKey: 'SHOP-12' });
  });
});
