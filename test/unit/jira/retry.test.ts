import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest, jiraRequestOrNull, type RetryPolicy } from '#jira/request';
import type { JiraFetch } from '#jira';
import { fakeJira, type Answer, type Sent } from './fake-jira';
import { rejectedAppError } from '../app-error';

type Scripted = Answer & { retryAfter?: string; network?: boolean };

/** A fake Jira that answers from a script (the last answer repeats) and can send Retry-After. */
function scripted(answers: Scripted[]): { fetch: JiraFetch; sent: Sent[] } {
  let n = 0;
  const current: Scripted[] = [];
  const inner = fakeJira(() => {
    const answer = answers[Math.min(n, answers.length - 1)] as Scripted;
    n += 1;
    current.push(answer);
    if (answer.network) return Promise.reject(new Error('ECONNRESET'));
    return answer;
  });
  const fetch: JiraFetch = async (as, r, init) => {
    const response = await inner.fetch(as, r, init);
    const answer = current[current.length - 1] as Scripted;
    const headers = new Headers(answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter });
    return Object.assign(response, { headers });
  };
  return { fetch, sent: inner.sent };
}

/** A policy whose sleep only records; jitter fixed at its maximum so delays are predictable. */
function instant(overrides: Partial<RetryPolicy> = {}) {
  const slept: number[] = [];
  const policy: Partial<RetryPolicy> = { sleep: async (ms) => void slept.push(ms), random: () => 0.999, ...overrides };
  return { policy, slept };
}

const versionRoute = route`/rest/api/3/version/10001`;
const ok = { status: 200, body: { id: '10001' } };

const failureOf = async (promise: Promise<unknown>) => (await rejectedAppError(promise, 'a failure')).error;

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('retries in the Jira layer', () => {
  it.each([429, 502, 503, 504])('retries a GET after %i and returns the answer that follows', async (status) => {
    const { fetch, sent } = scripted([{ status }, ok]);
    const { policy, slept } = instant();
    await expect(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.object({ id: z.string() }), policy)).resolves.toEqual({ id: '10001' });
    expect(sent).toHaveLength(2);
    expect(slept).toHaveLength(1);
  });

  it('makes at most 3 attempts, then answers JIRA_UNAVAILABLE naming the status and the attempts', async () => {
    const { fetch, sent } = scripted([{ status: 429 }]);
    const { policy, slept } = instant();
    const error = await failureOf(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy));
    expect(sent).toHaveLength(3);
    expect(slept).toHaveLength(2);
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toBe('Jira is busy (429) — tried 3 times; try again in a minute.');
  });

  it('backs off exponentially from ~200 ms with jitter', async () => {
    const { fetch } = scripted([{ status: 503 }]);
    const { policy, slept } = instant({ random: () => 0.5 });
    await failureOf(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy));
    expect(slept).toEqual([100, 200]);
  });

  it('honours Retry-After (seconds) when it is longer than the backoff', async () => {
    const { fetch, sent } = scripted([{ status: 429, retryAfter: '2' }, ok]);
    const { policy, slept } = instant();
    await jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy);
    expect(slept).toEqual([2000]);
    expect(sent).toHaveLength(2);
  });

  it('keeps the total wait under the cap: a Retry-After beyond it is answered at once, not slept through', async () => {
    const { fetch, sent } = scripted([{ status: 429, retryAfter: '60' }, ok]);
    const { policy, slept } = instant();
    const error = await failureOf(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy));
    expect(slept).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(error).toMatchObject({ code: 'JIRA_UNAVAILABLE', message: 'Jira is busy (429) — tried once; try again in a minute.' });
  });

  it('never waits more than 5 s in total', async () => {
    const { fetch, sent } = scripted([{ status: 429, retryAfter: '3' }, { status: 429, retryAfter: '3' }, ok]);
    const { policy, slept } = instant();
    await failureOf(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy));
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000);
    expect(slept).toEqual([3000]);
    expect(sent).toHaveLength(2);
  });

  it('retries a PUT (a property write is idempotent) after 503 and after a network failure', async () => {
    const { fetch, sent } = scripted([{ status: 503, network: true }, { status: 503 }, { status: 200 }]);
    const { policy } = instant();
    const put = { as: 'app' as const, method: 'PUT' as const, route: route`/rest/api/3/project/SHOP/properties/x`, body: { a: 1 } };
    await expect(jiraRequest(fetch, put, z.unknown(), policy)).resolves.toBeUndefined();
    expect(sent.map((s) => s.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(sent.every((s) => JSON.stringify(s.body) === '{"a":1}')).toBe(true);
  });

  it('retries a DELETE after 502', async () => {
    const { fetch, sent } = scripted([{ status: 502 }, { status: 204 }]);
    const { policy } = instant();
    await jiraRequest(fetch, { as: 'app', method: 'DELETE', route: versionRoute }, z.unknown(), policy);
    expect(sent).toHaveLength(2);
  });

  it('does not retry a POST after 503 (it may have been processed)', async () => {
    const { fetch, sent } = scripted([{ status: 503 }, ok]);
    const { policy, slept } = instant();
    const error = await failureOf(jiraRequest(fetch, { as: 'app', method: 'POST', route: route`/rest/api/3/version/1/relatedwork`, body: {} }, z.unknown(), policy));
    expect(sent).toHaveLength(1);
    expect(slept).toEqual([]);
    expect(error.code).toBe('JIRA_UNAVAILABLE');
  });

  it('does not retry a POST after a network failure', async () => {
    const { fetch, sent } = scripted([{ status: 0, network: true }, ok]);
    const { policy } = instant();
    const error = await failureOf(jiraRequest(fetch, { as: 'app', method: 'POST', route: route`/rest/api/3/issue`, body: {} }, z.unknown(), policy));
    expect(sent).toHaveLength(1);
    expect(error).toMatchObject({ code: 'JIRA_UNAVAILABLE', message: 'Jira could not be reached (tried once). Try again in a moment.' });
  });

  it('retries a POST after 429 (Jira did not process it)', async () => {
    const { fetch, sent } = scripted([
      { status: 429, retryAfter: '1' },
      { status: 201, body: { id: '1' } },
    ]);
    const { policy, slept } = instant();
    await jiraRequest(fetch, { as: 'app', method: 'POST', route: route`/rest/api/3/issue`, body: {} }, z.unknown(), policy);
    expect(sent).toHaveLength(2);
    expect(slept).toEqual([1000]);
  });

  it.each([400, 401, 403, 404, 409, 413, 500])('does not retry %i', async (status) => {
    const { fetch, sent } = scripted([{ status, body: { errorMessages: ['x'] } }, ok]);
    const { policy } = instant();
    await failureOf(jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy));
    expect(sent).toHaveLength(1);
  });

  it('retries in jiraRequestOrNull too, and a 404 after a retry is still "none"', async () => {
    const { fetch, sent } = scripted([{ status: 503 }, { status: 404 }]);
    const { policy } = instant();
    await expect(jiraRequestOrNull(fetch, { as: 'user', route: versionRoute }, z.unknown(), policy)).resolves.toBeNull();
    expect(sent).toHaveLength(2);
  });

  it('by default really waits (real timers), briefly', async () => {
    const { fetch, sent } = scripted([{ status: 503 }, ok]);
    const started = Date.now();
    await jiraRequest(fetch, { as: 'user', route: versionRoute }, z.unknown());
    expect(sent).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
