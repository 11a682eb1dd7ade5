import { NeedsAuthenticationError, type Route } from '@forge/api';
import type { z } from 'zod';
import { appError, type AppError } from '#domain/errors';
import type { JiraFetch, Principal } from './transport';

export interface JiraRequest {
  as: Principal;
  route: Route;
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /**
   * For requests as the app: what the app was doing and the permission its app user needs for it, so a
   * refusal names the fix ("CS Handoff (the app) cannot <action>: give the app's user <permission>").
   */
  appNeeds?: AppNeeds;
}

export interface AppNeeds {
  /** e.g. "edit versions in SHOP". */
  action: string;
  /** e.g. "Administer Projects". */
  permission: string;
}

interface JiraErrorBody {
  errorMessages?: unknown;
  errors?: unknown;
}

/**
 * How `send` retries what is safe to retry. Jira answers 429 when the app or the person is over
 * their rate limit (nothing was processed), and 502/503/504 or a network failure when it could not
 * answer. Idempotent requests (GET, PUT of a property or version, DELETE) are retried on all of
 * these; a POST (issue or related-work create) only on 429, since after a 5xx or a lost connection
 * it may already have been processed. Bounded so a resolver (25 s on Forge) always answers.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** First backoff; doubled per attempt, with full jitter. */
  baseDelayMs: number;
  /** Total time spent waiting between attempts, Retry-After included. */
  maxTotalWaitMs: number;
  /** Injectable so unit tests run instantly. */
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxTotalWaitMs: 5000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Statuses after which a retry can succeed. */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Sends one request and returns its parsed JSON. Any non-2xx answer becomes the domain error the
 * UI can act on; Jira's own message is kept only where it helps the person (400).
 */
export async function jiraRequest<S extends z.ZodType>(fetch: JiraFetch, request: JiraRequest, schema: S, retry: Partial<RetryPolicy> = {}): Promise<z.output<S>> {
  const { status, body } = await send(fetch, request, retry);
  if (status < 200 || status >= 300) throw failureOf(request, status, body);
  return parseAnswer(schema, body, request);
}

/** Like `jiraRequest`, but a 404 is an answer ("there is none"), not an error. */
export async function jiraRequestOrNull<S extends z.ZodType>(fetch: JiraFetch, request: JiraRequest, schema: S, retry: Partial<RetryPolicy> = {}): Promise<z.output<S> | null> {
  const { status, body } = await send(fetch, request, retry);
  if (status === 404) return null;
  if (status < 200 || status >= 300) throw failureOf(request, status, body);
  return parseAnswer(schema, body, request);
}

type Attempt = { kind: 'answer'; status: number; body: unknown; retryAfterMs: number | null } | { kind: 'network'; cause: unknown };

async function attemptOnce(fetch: JiraFetch, request: JiraRequest): Promise<Attempt> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(request.as, request.route, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    return { kind: 'answer', status: response.status, body: parseJsonText(text), retryAfterMs: retryAfterMs(response) };
  } catch (cause) {
    // The person has not let the app act as them yet: Forge's own error, for Forge (and the UI) to
    // handle as itself. It is not a network failure, and asking again cannot succeed.
    if (isNeedsAuthentication(cause)) throw cause;
    return { kind: 'network', cause };
  }
}

/** By name as well as class: @forge/kvs bundles its own copy of @forge/api, whose class is another. */
export function isNeedsAuthentication(error: unknown): error is NeedsAuthenticationError {
  return error instanceof NeedsAuthenticationError || (error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR');
}

/** `Retry-After` in seconds (what Jira sends) or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(response: { headers?: { get(name: string): string | null } }): number | null {
  const value = response.headers?.get?.('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function isRetryable(method: string, attempt: Attempt): boolean {
  if (attempt.kind === 'answer' && attempt.status === 429) return true; // Jira did not process it
  if (method === 'POST') return false; // may have been processed: creating twice is worse than failing
  return attempt.kind === 'network' || TRANSIENT_STATUSES.has(attempt.status);
}

async function send(fetch: JiraFetch, request: JiraRequest, overrides: Partial<RetryPolicy>): Promise<{ status: number; body: unknown }> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  const method = request.method ?? 'GET';
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  let waited = 0;
  for (let attemptNo = 1; ; attemptNo += 1) {
    const attempt = await attemptOnce(fetch, request);
    const transient = attempt.kind === 'network' || TRANSIENT_STATUSES.has(attempt.status);
    if (!transient) return { status: attempt.status, body: attempt.body };
    if (isRetryable(method, attempt) && attemptNo < maxAttempts) {
      const backoff = policy.random() * policy.baseDelayMs * 2 ** (attemptNo - 1);
      const retryAfter = attempt.kind === 'answer' ? attempt.retryAfterMs : null;
      const delay = Math.max(backoff, retryAfter ?? 0);
      // When Jira asks for longer than this request may still wait, asking again sooner would be refused too.
      if (waited + delay <= policy.maxTotalWaitMs) {
        waited += delay;
        await policy.sleep(delay);
        continue;
      }
    }
    throw unavailable(request, attempt, attemptNo);
  }
}

function unavailable(request: JiraRequest, attempt: Attempt, attempts: number): AppError {
  const method = request.method ?? 'GET';
  const tried = attempts === 1 ? 'tried once' : `tried ${attempts} times`;
  if (attempt.kind === 'network') {
    // Network failures and timeouts: nothing the person did.
    console.error(`Jira request failed: ${method} ${request.route.value} (${tried})`, attempt.cause);
    return appError('JIRA_UNAVAILABLE', `Jira could not be reached (${tried}). Try again in a moment.`);
  }
  const { status } = attempt;
  if (status === 429) return appError('JIRA_UNAVAILABLE', `Jira is busy (429) — ${tried}; try again in a minute.`);
  return appError('JIRA_UNAVAILABLE', `Jira is unavailable right now (${status}) — ${tried}; try again in a minute.`);
}

function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, request: JiraRequest): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  console.error(`Unexpected Jira answer to ${request.method ?? 'GET'} ${request.route.value}`, parsed.error.issues.slice(0, 3));
  throw appError('INTERNAL', 'Jira answered in an unexpected format.');
}

/** Jira's messages from its error body: `errorMessages` first, then the per-field `errors`. */
export function jiraMessages(body: unknown): { messages: string[]; fields: Record<string, string> } {
  const errorBody = (typeof body === 'object' && body !== null ? body : {}) as JiraErrorBody;
  const messages = Array.isArray(errorBody.errorMessages) ? errorBody.errorMessages.filter((m): m is string => typeof m === 'string') : [];
  const fields: Record<string, string> = {};
  if (typeof errorBody.errors === 'object' && errorBody.errors !== null) {
    for (const [field, message] of Object.entries(errorBody.errors)) {
      if (typeof message === 'string') fields[field] = message;
    }
  }
  return { messages, fields };
}

/**
 * A refusal of the app itself is not the person's: it names what the app's user lacks, for an admin to
 * grant. (Jira answers 403 for a missing permission and 401 when the app's access is gone.)
 */
function failureOf(request: JiraRequest, status: number, body: unknown): AppError {
  if (request.as === 'app' && (status === 401 || status === 403)) return appRefused(status, request.appNeeds);
  return jiraFailure(status, body);
}

export function appRefused(status: number, needs: AppNeeds | undefined): AppError {
  const message = needs
    ? `CS Handoff (the app) cannot ${needs.action}: give the app's user ${needs.permission}. This is not about your own permissions; a Jira admin can fix it.`
    : `Jira refused CS Handoff (the app) itself (${status}): a Jira admin should check the app's permissions. This is not about your own permissions.`;
  return appError('APP_FORBIDDEN', message);
}

export function jiraFailure(status: number, body: unknown): AppError {
  const { messages, fields } = jiraMessages(body);
  const jiraSays = [...messages, ...Object.values(fields)].join(' ');
  if (status === 400) {
    return appError('INVALID_INPUT', jiraSays || 'Jira refused the request as invalid.', Object.keys(fields).length > 0 ? { fields } : {});
  }
  if (status === 401 || status === 403) {
    return appError('FORBIDDEN', jiraSays || "You don't have permission to do this in Jira.");
  }
  if (status === 404) return appError('NOT_FOUND', jiraSays || 'Jira could not find it.');
  if (status === 413) return appError('TOO_LARGE', jiraSays || 'Jira refused the request as too large.');
  if (status === 429 || status >= 500) {
    return appError('JIRA_UNAVAILABLE', 'Jira is busy or unavailable right now. Try again in a moment.');
  }
  return appError('INTERNAL', `Jira answered with an unexpected status (${status}).`);
}
