import fc from 'fast-check';
import { type HandoffContent } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { applyWordDiff, changedSections, diffHandoff, diffList, diffWords, type WordToken } from '#domain/living/diff';
import { fullContent } from './fixtures';

const diffStrings = (before: string[], after: string[]) => diffList(before, after, (x, y) => x === y, diffWords);

describe('diffWords', () => {
  it('marks an inserted word and keeps the rest as one run', () => {
    expect(diffWords('Gal opens the exam', 'Gal opens the new exam')).toEqual([
      { op: 'same', text: 'Gal opens the ' },
      { op: 'added', text: 'new ' },
      { op: 'same', text: 'exam' },
    ]);
  });

  it('shows a replaced word as removed then added, and an appended word at the end', () => {
    expect(diffWords('Gal opens the exam, clicks Grade', 'Gal opens the exam and clicks Grade now')).toEqual([
      { op: 'same', text: 'Gal opens the ' },
      { op: 'removed', text: 'exam, ' },
      { op: 'added', text: 'exam and ' },
      { op: 'same', text: 'clicks Grade' },
      { op: 'added', text: ' now' },
    ]);
  });

  it('keeps a full rewrite as one edit instead of word confetti around shared spaces', () => {
    expect(diffWords('a b', 'c d')).toEqual([
      { op: 'removed', text: 'a b' },
      { op: 'added', text: 'c d' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'Not yet on tablets')).toEqual([{ op: 'added', text: 'Not yet on tablets' }]);
    expect(diffWords('Not yet on tablets', '')).toEqual([{ op: 'removed', text: 'Not yet on tablets' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('reports identical text as a single same run', () => {
    expect(diffWords('one\ntwo  three', 'one\ntwo  three')).toEqual([{ op: 'same', text: 'one\ntwo  three' }]);
  });

  it('is exact about white space: a changed line break is a change', () => {
    expect(diffWords('one two', 'one\ntwo')).toEqual([
      { op: 'same', text: 'one' },
      { op: 'removed', text: ' ' },
      { op: 'added', text: '\n' },
      { op: 'same', text: 'two' },
    ]);
  });

  // Texts built from a small vocabulary so the generated pairs share words and the LCS has work to do.
  const word = fc.constantFrom('Gal', 'opens', 'the', 'exam', 'Grade', 'new', 'a', 'b', 'é', '👋', '*x*');
  const space = fc.constantFrom(' ', '  ', '\n', '\t', ' \n');
  const textArb = fc.array(fc.oneof(word, space), { maxLength: 40 }).map((parts) => parts.join(''));

  it('property: same+added gives back the new text, same+removed the old', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 60 })), fc.oneof(textArb, fc.string({ maxLength: 60 })), (before, after) => {
        const tokens = diffWords(before, after);
        expect(applyWordDiff(tokens, 'after')).toBe(after);
        expect(applyWordDiff(tokens, 'before')).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('property: runs are never empty, never two runs of one kind in a row, and identical texts are all same', () => {
    fc.assert(
      fc.property(textArb, textArb, (before, after) => {
        const tokens = diffWords(before, after);
        expect(tokens.every((t) => t.text.length > 0)).toBe(true);
        tokens.forEach((t, k) => {
          const next: WordToken | undefined = tokens[k + 1];
          if (next) expect(next.op === t.op).toBe(false);
        });
        expect(diffWords(before, before).every((t) => t.op === 'same')).toBe(true);
      }),
    );
  });

  // How long this takes is the bench's business; here only that the longest texts diff correctly.
  it('diffs the longest texts LIMITS allow', () => {
    const before = 'a '.repeat(750).trim();
    const after = 'b '.repeat(750).trim();
    const tokens = diffWords(before, after);
    expect(applyWordDiff(tokens, 'before')).toBe(before);
    expect(applyWordDiff(tokens, 'after')).toBe(after);
  });
});

describe('diffList', () => {
  it('reports nothing for equal lists', () => {
    expect(diffStrings(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('reports an added item with its position in the new list', () => {
    expect(diffStrings(['Open the cart', 'Pay'], ['Open the cart', 'Apply the gift card', 'Pay'])).toEqual([{ op: 'added', position: 2, item: 'Apply the gift card' }]);
  });

  it('reports a removed item with its position in the old list', () => {
    expect(diffStrings(['a', 'b', 'c'], ['a', 'c'])).toEqual([{ op: 'removed', position: 2, item: 'b' }]);
  });

  it('reports an item that moved, matched by equality', () => {
    expect(diffStrings(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual([{ op: 'moved', from: 3, to: 1, item: 'c' }]);
  });

  it('reports an edited item in place as changed, with its own word diff', () => {
    expect(diffStrings(['Open the cart', 'Click Apply', 'Pay'], ['Open the cart', 'Click Apply code', 'Pay'])).toEqual([
      {
        op: 'changed',
        from: 2,
        to: 2,
        before: 'Click Apply',
        after: 'Click Apply code',
        diff: [
          { op: 'same', text: 'Click Apply' },
          { op: 'added', text: ' code' },
        ],
      },
    ]);
  });

  it('matches by position between unchanged neighbours: an insert before an edit stays an insert plus an edit', () => {
    expect(diffStrings(['a', 'b'], ['x', 'a', 'b2'])).toEqual([
      { op: 'added', position: 1, item: 'x' },
      {
        op: 'changed',
        from: 2,
        to: 3,
        before: 'b',
        after: 'b2',
        diff: [
          { op: 'removed', text: 'b' },
          { op: 'added', text: 'b2' },
        ],
      },
    ]);
  });

  it('lists changes in reading order of the new list, a removal where the item used to be', () => {
    expect(diffStrings(['a', 'gone', 'b', 'c'], ['a', 'b', 'c', 'new'])).toEqual([
      { op: 'removed', position: 2, item: 'gone' },
      { op: 'added', position: 4, item: 'new' },
    ]);
  });

  it('copes with duplicates', () => {
    expect(diffStrings(['a', 'a'], ['a'])).toEqual([{ op: 'removed', position: 2, item: 'a' }]);
    expect(diffStrings(['a'], ['a', 'a'])).toEqual([{ op: 'added', position: 2, item: 'a' }]);
  });

  it('property: every item is accounted for, and each reported position points at the item it names', () => {
    const item = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.array(item, { maxLength: 12 }), (before, after) => {
        const changes = diffStrings(before, after);
        const fromOld = changes.filter((c) => c.op !== 'added').length;
        const intoNew = changes.filter((c) => c.op !== 'removed').length;
        // The items not reported are the ones kept in place: as many on each side.
        expect(before.length - fromOld).toBe(after.length - intoNew);
        for (const c of changes) {
          if (c.op === 'added') expect(after[c.position - 1]).toBe(c.item);
          if (c.op === 'removed') expect(before[c.position - 1]).toBe(c.item);
          if (c.op === 'moved') expect([before[c.from - 1], after[c.to - 1]]).toEqual([c.item, c.item]);
          if (c.op === 'changed') expect([before[c.from - 1], after[c.to - 1]]).toEqual([c.before, c.after]);
        }
        if (before.join() === after.join()) expect(changes).toEqual([]);
      }),
    );
  });
});

describe('diffHandoff and changedSections', () => {
  it('omits unchanged sections: an unchanged handoff has no changes', () => {
    expect(diffHandoff(fullContent(), fullContent())).toEqual([]);
    expect(changedSections(emptyContent(), emptyContent())).toEqual([]);
  });

  it('names every section, in the brief’s order, when everything changed', () => {
    expect(changedSections(emptyContent(), fullContent())).toEqual(["What's new", 'Happy path', 'Known limitations', 'Likely questions', 'Escalation L1', 'Escalation L2', 'Dashboard link']);
  });

  it('names only what changed', () => {
    const before = fullContent();
    const after: HandoffContent = { ...before, escalation: { ...before.escalation, l2Reproduce: `${before.escalation.l2Reproduce}\n5. Try a second card` } };
    expect(changedSections(before, after)).toEqual(['Escalation L2']);
  });

  it('gives text sections a word diff', () => {
    const before = { ...emptyContent(), whatsNew: 'Shoppers can pay with a gift card.' };
    const after = { ...before, whatsNew: 'Shoppers can now pay with a gift card.' };
    expect(diffHandoff(before, after)).toEqual([
      {
        kind: 'text',
        section: "What's new",
        tokens: [
          { op: 'same', text: 'Shoppers can ' },
          { op: 'added', text: 'now ' },
          { op: 'same', text: 'pay with a gift card.' },
        ],
      },
    ]);
  });

  it('reports the "none known" flag with the known limitations', () => {
    const before = { ...emptyContent(), noKnownLimitations: false };
    const after = { ...emptyContent(), noKnownLimitations: true };
    expect(diffHandoff(before, after)).toEqual([{ kind: 'limitations', section: 'Known limitations', items: [], noneKnown: { before: false, after: true } }]);
  });

  it('leaves the flag out when only the limitations list changed', () => {
    const before = { ...emptyContent(), limitations: ['Not yet in Hebrew'] };
    const after = { ...before, limitations: ['Not yet in Hebrew', 'Not yet on tablets'] };
    expect(diffHandoff(before, after)).toEqual([{ kind: 'limitations', section: 'Known limitations', items: [{ op: 'added', position: 2, item: 'Not yet on tablets' }] }]);
  });

  it('diffs a changed question and its answer separately (the walkthrough sharpened the answer)', () => {
    const q = { question: 'How do I turn this off?', answer: "It's not optional." };
    const before = { ...emptyContent(), questions: [q] };
    const after = { ...emptyContent(), questions: [{ ...q, answer: "It's not optional this release." }] };
    expect(diffHandoff(before, after)).toEqual([
      {
        kind: 'questions',
        section: 'Likely questions',
        items: [
          {
            op: 'changed',
            from: 1,
            to: 1,
            before: q,
            after: after.questions[0],
            diff: {
              question: [{ op: 'same', text: 'How do I turn this off?' }],
              answer: [
                { op: 'same', text: "It's not " },
                { op: 'removed', text: 'optional.' },
                { op: 'added', text: 'optional this release.' },
              ],
            },
          },
        ],
      },
    ]);
  });

  it('reports a reordered question as moved', () => {
    const before = fullContent();
    const [first, ...rest] = before.questions;
    const after = { ...before, questions: [...rest, first!] };
    expect(diffHandoff(before, after)).toEqual([{ kind: 'questions', section: 'Likely questions', items: [{ op: 'moved', from: 1, to: 4, item: first }] }]);
  });

  it('diffs the dashboard link as text', () => {
    const before = { ...emptyContent(), dashboardUrl: 'https://a.example.com/d/1' };
    const after = { ...emptyContent(), dashboardUrl: 'https://a.example.com/d/2' };
    expect(diffHandoff(before, after)).toEqual([
      {
        kind: 'text',
        section: 'Dashboard link',
        tokens: [
          { op: 'removed', text: 'https://a.example.com/d/1' },
          { op: 'added', text: 'https://a.example.com/d/2' },
        ],
      },
    ]);
  });
});
