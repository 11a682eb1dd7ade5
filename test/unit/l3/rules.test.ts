import { type StoredHandoff } from '../../../src/domain/handoff';
import { emptyContent } from '../../../src/domain/handoff-defaults';
import { ChainLabelError } from '../../../src/domain/chain-label';
import { assertItemExists, bugTypeOf, issueSearchUrl, NOT_STARTED, rolloutStageOf, withChainLabel } from '../../../src/resolvers/core/l3-rules';
import { thrownAppError } from '../app-error';

const errorOf = (fn: () => unknown) => thrownAppError(fn).error;

const type = (id: string, name: string, subtask = false) => ({ id, name, subtask });

describe('bugTypeOf', () => {
  it('finds Bug by name, ignoring case and surrounding spaces, never by a fixed id', () => {
    expect(bugTypeOf([type('1', 'Task'), type('77', 'bug')], { key: 'SHOP' })).toEqual(type('77', 'bug'));
    expect(bugTypeOf([type('5', ' BUG ')], { key: 'SHOP' }).id).toBe('5');
  });

  it('skips a sub-task type called Bug (the modal cannot create sub-tasks)', () => {
    expect(bugTypeOf([type('9', 'Bug', true), type('10', 'Bug')], { key: 'SHOP' }).id).toBe('10');
    expect(errorOf(() => bugTypeOf([type('9', 'Bug', true)], { key: 'SHOP' })).code).toBe('NOT_FOUND');
  });

  it('explains a project without a Bug type, naming the project and what to do', () => {
    expect(errorOf(() => bugTypeOf([type('10001', 'Task')], { key: 'OPS' }))).toEqual({
      code: 'NOT_FOUND',
      message: "Project OPS has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.",
    });
  });

  it('reads no issue types at all as a missing Create issues permission, not a missing Bug type', () => {
    const error = errorOf(() => bugTypeOf([], { key: 'SHOP' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Create issues');
  });
});

describe('assertItemExists', () => {
  const content = { ...emptyContent(), happyPath: ['a', 'b'], limitations: ['x'], questions: [{ question: 'q', answer: 'a' }] };

  it('accepts no item and items that exist', () => {
    expect(() => assertItemExists(content, undefined)).not.toThrow();
    expect(() => assertItemExists(content, { kind: 'step', position: 2 })).not.toThrow();
    expect(() => assertItemExists(content, { kind: 'limitation', position: 1 })).not.toThrow();
    expect(() => assertItemExists(content, { kind: 'question', position: 1 })).not.toThrow();
  });

  it('refuses an item that is not in the handoff, naming the field', () => {
    const error = errorOf(() => assertItemExists(content, { kind: 'limitation', position: 2 }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('Known limitation 2');
    expect(error.fields).toEqual({ 'item.position': 'No known limitation 2' });
  });
});

describe('withChainLabel', () => {
  it('turns a label Jira would refuse into INVALID_INPUT and lets other errors through', () => {
    expect(
      errorOf(() =>
        withChainLabel(() => {
          throw new ChainLabelError('too long');
        }),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: 'too long' });
    expect(() =>
      withChainLabel(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    expect(withChainLabel(() => 42)).toBe(42);
  });
});

describe('issueSearchUrl', () => {
  it("is Jira's issue search with the JQL encoded, whatever the site URL's trailing slash", () => {
    const jql = 'project = SHOP AND labels = "chain-shop-v10002-l3" ORDER BY created DESC';
    const url = issueSearchUrl('https://shop.atlassian.net/', jql);
    expect(url).toBe(`https://shop.atlassian.net/issues/?jql=${encodeURIComponent(jql)}`);
    expect(new URL(url).searchParams.get('jql')).toBe(jql);
  });
});

describe('rolloutStageOf', () => {
  it('is "Not started" while handoffs have no rollout record', () => {
    expect(rolloutStageOf({} as StoredHandoff)).toBe(NOT_STARTED);
    expect(NOT_STARTED).toBe('Not started');
  });
});
