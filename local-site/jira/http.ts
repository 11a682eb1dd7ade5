import type { IncomingMessage, ServerResponse } from 'node:http';
import { JiraError } from './errors';

/** Larger bodies are refused before parsing; Jira's gateway does the same with 413. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (status: number, body?: unknown): RouteResult => ({ status, body });

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Keep draining past the limit: throwing mid-stream would destroy the socket and reset the
  // client's keep-alive connection instead of letting it read the 413.
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buf);
  }
  if (size > MAX_BODY_BYTES) throw new JiraError(413, ['The request is too large.']);
  return Buffer.concat(chunks).toString('utf8');
}

const MALFORMED = 'Invalid request payload. Refer to the REST API documentation and try again.';

/**
 * Parses a JSON request body as Jira does: a non-JSON content type is 415, a body that does not
 * parse is 400 with Jira's generic payload message (never the parser's own text or a stack).
 */
export function parseJsonBody(req: IncomingMessage, raw: string): unknown {
  if (raw.trim() === '') return undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type !== '' && !type.includes('json')) {
    throw new JiraError(415, ['Unsupported Media Type']);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new JiraError(400, [MALFORMED]);
  }
}

export function sendJson(res: ServerResponse, result: RouteResult): void {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.body === undefined) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(result.body);
  headers['content-type'] = 'application/json;charset=UTF-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(result.status, headers);
  res.end(text);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Integer query parameter with Jira's lenient default on absence and 400 on garbage. */
export function intParam(url: URL, name: string, fallback: number, min = 0): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new JiraError(400, [`The value '${raw}' is not valid for the parameter '${name}'.`]);
  return Math.max(min, Number(raw));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
