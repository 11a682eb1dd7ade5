import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraSite, type JiraSite, type JiraSiteOptions } from '../../../local-site/jira';

export const FIXED_NOW = new Date('2026-06-15T10:00:00Z');
export const TODAY = '2026-06-15';

export const EMAIL = {
  po: 'priya@shop.example',
  lead: 'carlos@shop.example',
  agent: 'ana@shop.example',
  rm: 'rita@shop.example',
  outsider: 'otto@shop.example',
  support: 'sam@shop.example',
} as const;

export type As = keyof typeof EMAIL | 'app' | 'anonymous' | { header: string };

export interface Running {
  site: JiraSite;
  base: string;
  dataDir: string;
  call(method: string, path: string, opts?: { as?: As; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Closes server and site; keeps the data folder unless `wipe`. */
  stop(wipe?: boolean): Promise<void>;
}

export async function start(options: Partial<JiraSiteOptions> & { dataDir?: string } = {}): Promise<Running> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'jira-emulator-'));
  const site = createJiraSite({ now: () => FIXED_NOW, ...options, dataDir });
  const server: Server = createServer((req, res) => {
    site.handle(req, res).then(
      (handled) => {
        if (!handled) {
          res.writeHead(418);
          res.end('not mine');
        }
      },
      (err) => {
        res.writeHead(599);
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const authHeader = (as: As): string | undefined => {
    if (as === 'anonymous') return undefined;
    if (as === 'app') return `ForgeApp ${site.appSecret}`;
    if (typeof as === 'object') return as.header;
    return `Basic ${Buffer.from(`${EMAIL[as]}:any-token`).toString('base64')}`;
  };

  return {
    site,
    base,
    dataDir,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
      const auth = authHeader(opts.as ?? 'rm');
      if (auth) headers.authorization = auth;
      let body: string | undefined;
      if (opts.rawBody !== undefined) body = opts.rawBody;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async stop(wipe = true) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      site.close();
      if (wipe) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function expectJiraError(res: { status: number; body: any }, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ errorMessages: expect.any(Array), errors: expect.any(Object) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
}
