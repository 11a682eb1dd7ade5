import type { HandoffView } from '#contract';
import { emptyContent } from '#domain/handoff-defaults';
import { matchingTarget } from '../../static/cs-handoff/src/living/walkthrough-model';

const viewWith = (questions: string[]) =>
  ({ handoff: { content: { ...emptyContent(), whatsNew: 'Gift cards.', questions: questions.map((question) => ({ question, answer: 'An answer.' })) } } }) as unknown as HandoffView;

describe('the settle form pre-selection', () => {
  it('pre-selects the Q&A that asks the same thing in other words', () => {
    const view = viewWith(['Can I turn this off?', 'Can a gift card be combined with a discount code?']);
    expect(matchingTarget(view, 'Can gift cards be combined with a discount code?')).toBe('questions:1');
  });

  it('pre-selects nothing when no Q&A asks it, so the person chooses (never "What\'s new" by default)', () => {
    const view = viewWith(['Can I turn this off?']);
    expect(matchingTarget(view, 'What happens when the gift card email bounces?')).toBeNull();
    expect(matchingTarget(viewWith([]), 'Anything?')).toBeNull();
    expect(matchingTarget({ handoff: null } as unknown as HandoffView, 'Anything?')).toBeNull();
  });

  it('takes the closest of several partly matching Q&As', () => {
    const view = viewWith(['Does the gift card expire?', 'Does the gift card expire after one year for business customers?']);
    expect(matchingTarget(view, 'Does a gift card expire?')).toBe('questions:0');
  });
});
