/**
 * Generated payloads (fast-check) for every resolver of the contract: random JSON, wrong types, huge
 * strings, unicode, prototype-pollution keys, deep nesting. Whatever arrives, the invoke resolves (never
 * rejects) with `{ ok: true }` or `{ ok: false, error: { code, message } }`; no message leaks a stack or a
 * path; and a rejected call writes nothing to Jira.
 */
import fc from 'fast-check';
import * as contract from '#contract';
import type { ErrorCode, Result } from '#contract';
import { completeContent, SHOP_VERSION, useStartedSite } from '../resolvers/helpers';
import { personOf } from '../../support';

jest.setTimeout(120_000);

const ERROR_CODES: ErrorCode[] = ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'APP_FORBIDDEN', 'CONFLICT', 'NOT_READY', 'TOO_LARGE', 'JIRA_UNAVAILABLE', 'INTERNAL'];

/** Every resolver in the contract's table. */
const RESOLVERS = Object.keys(contract.RESOLVERS).sort();

const { site } = useStartedSite();

// ---- generators -----------------------------------------------------------------------------
const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'versionId', 'content', 'baseRevision', 'status', 'reason', 'leadTimeDays', 'item');
const hugeString = fc.constantFrom('x'.repeat(100_000), '🎁'.repeat(40_000), '\u0000'.repeat(1000), 'a\u202Eb'.repeat(5000));
const weirdString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  hugeString,
  fc.constantFrom('', ' ', '10003', '-1', '1e3', '0x10', '../../etc', '<script>alert(1)</script>', 'javascript:alert(1)'),
);
const scalar = fc.oneof(weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-1, 0, 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2));
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKeys, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;
/** 500 levels of nesting, of objects or arrays. */
const deep = fc.constantFrom('object', 'array').map((kind) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < 500; i += 1) v = kind === 'object' ? { versionId: v } : [v];
  return v;
});
/** Prototype-pollution attempts as JSON would deliver them (own `__proto__` keys). */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse(`{"versionId": "${SHOP_VERSION}", "__proto__": {"polluted": "yes"}}`) as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  JSON.parse(`{"versionId": "${SHOP_VERSION}", "baseRevision": 0, "content": {"__proto__": {"whatsNew": "x"}}}`) as unknown,
  JSON.parse(`{"versionId": "${SHOP_VERSION}", "item": {"__proto__": {"kind": "step"}, "position": 1}}`) as unknown,
);
/** Near-valid payloads with one part replaced by something generated. */
const nearValid = fc.record(
  {
    versionId: fc.oneof(fc.constant(SHOP_VERSION), scalar),
    baseRevision: fc.oneof(fc.constant(0), scalar),
    content: fc.oneof(fc.constant(completeContent()), json, fc.record({ whatsNew: scalar, happyPath: fc.oneof(json, fc.array(scalar)), dashboardUrl: weirdString })),
    status: fc.oneof(fc.constantFrom('draft', 'ready'), scalar),
    reason: scalar,
    leadTimeDays: scalar,
    item: fc.oneof(fc.record({ kind: fc.oneof(fc.constantFrom('step', 'limitation', 'question'), scalar), position: scalar }), json),
    extra: json,
  },
  { requiredKeys: [] },
);
const payloads = fc.oneof(json, deep, pollution, nearValid);

// ---- the properties -------------------------------------------------------------------------
/** A stack frame ("at fn (file:1:2)", "\n    at …"), a repository or install path, a source position. */
const STACK_OR_PATH = /\bat [\w$.<>]+ \(|\bat \/|\n\s+at |\/work\/|node_modules|\.(ts|js):\d+/;
const isWrite = (e: { method: string; path: string }) => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);

test('the contract has payload schemas for every resolver', () => {
  expect(RESOLVERS).toEqual(expect.arrayContaining(['listReleases', 'getHandoff', 'saveHandoff', 'setStatus', 'getL3Prefill', 'getL3Summary']));
});

describe.each(RESOLVERS)('%s survives generated payloads', (resolverName) => {
  test('never rejects, answers a Result, leaks nothing, writes nothing when it refuses', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const roles = ['release-manager', 'po', 'cs-agent', 'outsider'];
    const seen: Record<string, number> = {};
    try {
      await fc.assert(
        fc.asyncProperty(payloads, fc.nat(roles.length - 1), async (payload, roleIndex) => {
          const from = site().jira.requestLog.length;
          const accountId = personOf(site(), roles[roleIndex] as string).accountId;
          let result: Result<unknown>;
          try {
            result = await site().host.invoke<Result<unknown>>(accountId, resolverName, payload, { projectKey: 'SHOP' });
          } catch (e) {
            throw new Error(`invoke rejected: ${String(e)}`, { cause: e });
          }
          expect(typeof result).toBe('object');
          expect([true, false]).toContain(result.ok);
          const label = result.ok ? 'ok' : result.error.code;
          seen[label] = (seen[label] ?? 0) + 1;
          if (!result.ok) {
            expect(ERROR_CODES).toContain(result.error.code);
            expect(typeof result.error.message).toBe('string');
            const text = JSON.stringify({ message: result.error.message, fields: result.error.fields ?? {} });
            expect(text).not.toMatch(STACK_OR_PATH);
            expect(site().jira.requestLog.slice(from).filter(isWrite)).toEqual([]);
          }
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        }),
        { numRuns: 30, seed: Number(process.env['FUZZ_SEED'] ?? 20261124) },
      );
      // Every generated case reached the resolver and was answered.
      expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(30);
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });
});
