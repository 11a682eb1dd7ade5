import { type StoredHandoff } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { ChainLabelError } from '#domain/chain-label';
import { assertItemExists, NOT_STARTED, rolloutStageOf, withChainLabel } from '#domain/l3-prefill';
import { issueSearchUrl } from '#resolvers/core/l3-rules';
import { KEPT_TYPE_TTL_MS, keptType, keptTypeId } from '#domain/issue-types';
import { thrownAppError } from '../app-error';

const errorOf = (fn: () => unknown) => thrownAppError(fn).error;

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

describe('keptTypeId', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('answers a kept Bug type for a day, then asks Jira again', () => {
    expect(keptTypeId(keptType('10004', new Date(now.getTime() - KEPT_TYPE_TTL_MS + 1000)), now)).toBe('10004');
    expect(keptTypeId(keptType('10004', new Date(now.getTime() - KEPT_TYPE_TTL_MS)), now)).toBeNull();
    // A clock that went back, nothing stored, or something that is not a kept type: asked again.
    expect(keptTypeId(keptType('10004', new Date(now.getTime() + 60_000)), now)).toBeNull();
    expect(keptTypeId(undefined, now)).toBeNull();
    expect(keptTypeId({ revision: 1, issueTypeId: '', readAt: now.toISOString() }, now)).toBeNull();
  });
});
