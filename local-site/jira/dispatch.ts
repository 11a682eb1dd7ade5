import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, principalLabel } from './auth';
import { JiraError, unauthorized } from './errors';
import { faultError, takeFault } from './faults';
import { parseJsonBody, readBody, sendJson, sleep, type RouteResult } from './http';
import { handleLocal } from './routes/local';
import type { Route, RouteContext } from './routes/types';
import type { JiraStore } from './store';
import type { JiraSiteSettings, RequestLogEntry, VersionEvent } from './types';

export const REQUEST_LOG_LIMIT = 10_000;

export interface DispatchDeps {
  store: JiraStore;
  routes: Route[];
  appSecret: string;
  settings(): JiraSiteSettings;
  requestLog(): RequestLogEntry[];
  emit(event: VersionEvent): void;
}

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

function toErrorResult(err: unknown): RouteResult {
  if (err instanceof JiraError) return { status: err.status, body: err.body, headers: err.headers };
  // Never a stack trace on the wire; the console keeps it for whoever runs the site.
  console.error('[local-site/jira] unexpected error', err);
  return { status: 500, body: { errorMessages: ['Internal server error.'], errors: {} } };
}

function bodyReader(req: IncomingMessage): () => Promise<unknown> {
  let parsed: Promise<unknown> | undefined;
  return () => (parsed ??= readBody(req).then((raw) => parseJsonBody(req, raw)));
}

function match(routes: Route[], method: string, path: string): { route: Route; params: string[] } | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) {
      const params = m.slice(1).map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new JiraError(400, [`The path segment '${p}' is not validly encoded.`]);
        }
      });
      return { route, params };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

export function createDispatcher(deps: DispatchDeps) {
  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const { principal, method: authMethod } = authenticate(req, deps.store, deps.appSecret);
    const events: VersionEvent[] = [];
    let result: RouteResult;
    try {
      const { latencyMs } = deps.settings();
      if (latencyMs > 0) await sleep(latencyMs);
      const fault = takeFault(deps.settings(), method, url.pathname);
      if (fault && !fault.after) {
        if (fault.delayMs) await sleep(fault.delayMs);
        throw faultError(fault);
      }
      const found = match(deps.routes, method, url.pathname);
      if (!found) throw new JiraError(404, [`No resource found for ${method} ${url.pathname}.`]);
      if ('allowed' in found) {
        throw new JiraError(405, [`Method ${method} is not allowed for ${url.pathname}.`], {}, { allow: [...new Set(found.allowed)].join(', ') });
      }
      if (principal.kind === 'anonymous' && !found.route.anonymous) throw unauthorized();
      // Jira's XSRF check: cookie-authenticated writes must be JSON (a cross-site form cannot send that).
      if (
        authMethod === 'cookie' &&
        MUTATING.has(method) &&
        !String(req.headers['content-type'] ?? '')
          .toLowerCase()
          .includes('json')
      ) {
        throw new JiraError(403, ['XSRF check failed']);
      }
      const ctx: RouteContext = { req, url, params: found.params, principal, store: deps.store, events, body: bodyReader(req) };
      result = await found.route.handler(ctx);
      // Done, and what it changed is announced; only the answer is lost on the way back.
      if (fault?.after) result = toErrorResult(faultError(fault));
    } catch (err) {
      result = toErrorResult(err);
      events.length = 0; // a failed request changed nothing, so it announces nothing
    }
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      const log = deps.requestLog();
      const entry: RequestLogEntry = { method, path: url.pathname, principal: principalLabel(principal), status: result.status, startedAt, endedAt: Date.now() };
      log.push(entry);
      if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
      for (const event of events) deps.emit(event);
    };
    res.once('finish', finish);
    res.once('close', finish);
    if (!req.readableEnded) req.resume(); // drain an unread body so keep-alive connections stay usable
    sendJson(res, result);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isRest = url.pathname === '/rest/api/3' || url.pathname.startsWith('/rest/api/3/');
    const isLocal = url.pathname === '/_local/jira' || url.pathname.startsWith('/_local/jira/');
    if (!isRest && !isLocal) return false;
    const host = req.headers.host;
    if (host) deps.store.baseUrl = `http://${host}`;
    if (isRest) {
      await handleRest(req, res, url);
      return true;
    }
    let result: RouteResult;
    try {
      result = await handleLocal({ req, url, body: bodyReader(req) }, { settings: deps.settings, requestLog: deps.requestLog });
    } catch (err) {
      result = toErrorResult(err);
    }
    if (!req.readableEnded) req.resume();
    sendJson(res, result);
    return true;
  };
}
