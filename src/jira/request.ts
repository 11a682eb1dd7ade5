import type { Route } from '@forge/api';
import type { z } from 'zod';
import { appError, type AppError } from '../domain/errors';
import type { JiraFetch, Principal } from './transport';

export interface JiraRequest {
  as: Principal;
  route: Route;
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
}

interface JiraErrorBody {
  errorMessages?: unknown;
  errors?: unknown;
}

/**
 * Sends one request and returns its parsed JSON. Any non-2xx answer becomes the domain error the
 * UI can act on; Jira's own message is kept only where it helps the person (400).
 */
export async function jiraRequest<S extends z.ZodType>(fetch: JiraFetch, request: JiraRequest, schema: S): Promise<z.output<S>> {
  const { status, body } = await send(fetch, request);
  if (status < 200 || status >= 300) throw jiraFailure(status, body);
  return parseAnswer(schema, body, request);
}

/** Like `jiraRequest`, but a 404 is an answer ("there is none"), not an error. */
export async function jiraRequestOrNull<S extends z.ZodType>(fetch: JiraFetch, request: JiraRequest, schema: S): Promise<z.output<S> | null> {
  const { status, body } = await send(fetch, request);
  if (status === 404) return null;
  if (status < 200 || status >= 300) throw jiraFailure(status, body);
  return parseAnswer(schema, body, request);
}

async function send(fetch: JiraFetch, request: JiraRequest): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  let text: string;
  try {
    response = await fetch(request.as, request.route, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    text = await response.text();
  } catch (cause) {
    // Network failures and timeouts: nothing the person did, worth retrying.
    console.error(`Jira request failed: ${request.method ?? 'GET'} ${request.route.value}`, cause);
    throw appError('JIRA_UNAVAILABLE', 'Jira could not be reached. Try again in a moment.');
  }
  return { status: response.status, body: parseJsonText(text) };
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
