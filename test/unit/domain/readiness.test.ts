import fc from 'fast-check';
import { emptyContent } from '#domain/handoff-defaults';
import { missingForReady, missingPartsForReady } from '#domain/readiness';
import { completeContent } from './fixtures';

describe('missingForReady', () => {
  it('is empty for a complete handoff', () => {
    expect(missingForReady(completeContent())).toEqual([]);
  });

  it('names everything an empty handoff lacks, in document order', () => {
    expect(missingForReady(emptyContent())).toEqual([
      "A what's-new paragraph",
      'At least one happy-path step',
      'At least one known limitation, or tick "None known"',
      'At least one likely question with an answer',
      'L1: how to look it up',
      'L2: how to reproduce',
    ]);
  });

  it('accepts no limitations only with an explicit "None known"', () => {
    expect(missingForReady(completeContent({ limitations: [], noKnownLimitations: true }))).toEqual([]);
    expect(missingForReady(completeContent({ limitations: [], noKnownLimitations: false }))).toEqual(['At least one known limitation, or tick "None known"']);
  });

  it('names the contradiction of listed limitations with "None known" ticked', () => {
    expect(missingForReady(completeContent({ noKnownLimitations: true }))).toEqual(['Known limitations are listed but "None known" is also ticked: choose one']);
  });

  it('does not count a question without an answer', () => {
    const content = completeContent({ questions: [{ question: 'Will I get the old way back?', answer: '' }] });
    expect(missingForReady(content)).toEqual(['At least one likely question with an answer']);
  });

  it('counts a question once any one of them has an answer', () => {
    const content = completeContent({
      questions: [
        { question: 'Unanswered?', answer: '' },
        { question: 'Answered?', answer: 'Yes.' },
      ],
    });
    expect(missingForReady(content)).toEqual([]);
  });

  it('treats white space as empty', () => {
    const content = completeContent({ whatsNew: '  \n ', happyPath: [' '], escalation: { l1LookUp: '\t', l2Reproduce: 'x' } });
    expect(missingForReady(content)).toEqual(["A what's-new paragraph", 'At least one happy-path step', 'L1: how to look it up']);
  });

  it('points every missing part at a payload field', () => {
    expect(missingPartsForReady(emptyContent()).map((p) => p.field)).toEqual([
      'content.whatsNew',
      'content.happyPath',
      'content.limitations',
      'content.questions',
      'content.escalation.l1LookUp',
      'content.escalation.l2Reproduce',
    ]);
  });

  it('never lists more than six parts and lists none only when every rule holds (generated)', () => {
    const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(
        fc.record({
          whatsNew: text,
          happyPath: fc.array(text, { maxLength: 3 }),
          limitations: fc.array(text, { maxLength: 3 }),
          noKnownLimitations: fc.boolean(),
          questions: fc.array(fc.record({ question: text, answer: text }), { maxLength: 3 }),
          escalation: fc.record({ l1LookUp: text, l2Reproduce: text }),
          dashboardUrl: fc.constant(''),
        }),
        (content) => {
          const missing = missingForReady(content);
          expect(missing.length).toBeLessThanOrEqual(6);
          const filled = (s: string) => s.trim() !== '';
          const ready =
            filled(content.whatsNew) &&
            content.happyPath.some(filled) &&
            content.limitations.some(filled) !== content.noKnownLimitations &&
            content.questions.some((q) => filled(q.question) && filled(q.answer)) &&
            filled(content.escalation.l1LookUp) &&
            filled(content.escalation.l2Reproduce);
          expect(missing.length === 0).toBe(ready);
        },
      ),
    );
  });
});
