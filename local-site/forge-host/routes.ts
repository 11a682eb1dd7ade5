import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { CSP_REPORT_PATH, forgeCsp } from './csp';
import type { ForgeHost } from './host';
import { BRIDGE_SCRIPT_PATH, contentTypeOf, injectBridge, readResourceFile, resolveInside } from './resources';

export const INVOKE_PATH = '/forge/host/invoke';
const RESOURCE_PREFIX = '/forge/resources/';
const MAX_BODY = 1024 * 1024;

// The browser-side half of the bridge; read once, it is part of this source tree. The site's origin is
// filled in per request: the frame posts to it and accepts messages from it only.
const bridgeScript = readFileSync(join(__dirname, 'client', 'iframe-bridge.js'), 'utf8');
const PARENT_ORIGIN_PLACEHOLDER = '"__FORGE_LOCAL_PARENT_ORIGIN__"';

export interface ForgeHostRoutes {
  /** The Jira site's side, on the site's origin: invoke. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /**
   * The Custom UI's side, on its own origin as on Forge (where resources come from a CDN host, never the
   * Jira site): the app's resources, the bridge script and the CSP report sink.
   */
  handleResources(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Bodies the browser posted to the CSP report-uri. */
  cspReports: unknown[];
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The host's HTTP face: the app's static resources (with Forge's CSP and the bridge script), the bridge
 * script itself, the invoke endpoint the parent page calls for `invoke`, and the CSP report sink.
 */
export function createForgeHostRoutes(
  host: ForgeHost,
  personOf: (req: IncomingMessage) => string,
  /** The Jira site's origin as the browser that asked for a resource knows it: the frame's only trusted parent. */
  siteOriginOf: (req: IncomingMessage) => string,
): ForgeHostRoutes {
  const cspReports: unknown[] = [];

  async function serveResource(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const rest = path.slice(RESOURCE_PREFIX.length);
    const slash = rest.indexOf('/');
    const key = slash === -1 ? rest : rest.slice(0, slash);
    const sub = slash === -1 ? '' : rest.slice(slash + 1);
    const resource = host.manifest.resources.get(key);
    if (!resource) return send(res, 404, `No resource '${key}' in manifest.yml`, { 'content-type': 'text/plain; charset=utf-8' });
    const root = resolve(host.appDir, resource.path);
    const file = resolveInside(root, sub);
    const body = file ? await readResourceFile(file) : undefined;
    if (!file || !body) {
      const hint = sub === '' || sub === 'index.html' ? ' (build the UI first: npm run build:ui)' : '';
      return send(res, 404, `Not found: ${path}${hint}`, { 'content-type': 'text/plain; charset=utf-8' });
    }
    const type = contentTypeOf(file);
    if (!type.startsWith('text/html')) return send(res, 200, body, { 'content-type': type });
    const html = injectBridge(body.toString('utf8'));
    send(res, 200, html, { 'content-type': type, 'content-security-policy': forgeCsp(html, host.manifest.permissions, siteOriginOf(req)) });
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A JSON body plus a custom header: a cross-site form cannot forge either.
    if (!String(req.headers['content-type'] ?? '').includes('application/json') || req.headers['x-forge-local'] !== '1') {
      return sendJson(res, 400, { error: 'invoke needs a JSON body and the X-Forge-Local header' });
    }
    let call: { functionKey?: unknown; payload?: unknown; projectKey?: unknown; moduleKey?: unknown; issueKey?: unknown };
    try {
      call = JSON.parse(await readBody(req)) as typeof call;
    } catch {
      return sendJson(res, 400, { error: 'invoke body is not JSON' });
    }
    if (typeof call.functionKey !== 'string' || typeof call.projectKey !== 'string') {
      return sendJson(res, 400, { error: 'invoke needs functionKey and projectKey' });
    }
    try {
      const result = await host.invoke(personOf(req), call.functionKey, call.payload, {
        projectKey: call.projectKey,
        ...(typeof call.moduleKey === 'string' ? { moduleKey: call.moduleKey } : {}),
        ...(typeof call.issueKey === 'string' ? { issueKey: call.issueKey } : {}),
      });
      sendJson(res, 200, { ok: true, result: result === undefined ? null : result });
    } catch (e) {
      sendJson(res, 200, { ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (!path.startsWith('/forge/')) return false;
    if (req.method === 'POST' && path === INVOKE_PATH) await invoke(req, res);
    // Resources live on their own origin only, so a frame that assumes the site's origin fails here too.
    else send(res, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' });
    return true;
  }

  async function handleResources(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (req.method === 'GET' && path.startsWith(RESOURCE_PREFIX)) {
      await serveResource(req, res, path);
    } else if (req.method === 'GET' && path === BRIDGE_SCRIPT_PATH) {
      const script = bridgeScript.replace(PARENT_ORIGIN_PLACEHOLDER, JSON.stringify(siteOriginOf(req)));
      send(res, 200, script, { 'content-type': 'text/javascript; charset=utf-8' });
    } else if (req.method === 'POST' && path === CSP_REPORT_PATH) {
      try {
        cspReports.push(JSON.parse(await readBody(req)) as unknown);
      } catch {
        // A malformed report is still a report that something was blocked.
        cspReports.push({ malformed: true });
      }
      send(res, 204, '');
    } else {
      send(res, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' });
    }
    return true;
  }

  return { handle, handleResources, cspReports };
}
