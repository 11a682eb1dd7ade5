import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createForgeHost, createForgeHostRoutes, type EventDelivery, type ForgeHost, type QueueOptions } from './forge-host';
import { createJiraSite, type JiraSite } from './jira';
import { createPages } from './pages';
import { signedInPerson } from './pages/person';

export interface LocalSiteOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The emulator's SQLite lives here, so what people type survives a restart. */
  dataDir: string;
  /** No request or error logging (tests). */
  quiet?: boolean;
  /** The app's repository root (manifest.yml, src/, static/). Default: this repository. */
  appDir?: string;
  /** Interface to listen on. Default 127.0.0.1: a development site is not for the network. */
  hostname?: string;
  now?: () => Date;
  timeZone?: string;
  /** Deliver product events late and/or twice, as Forge may (default: at once, once). */
  eventDelivery?: EventDelivery;
  /** Async events: milliseconds per second of delay and retry, and the retry limit (tests make them small). */
  queues?: QueueOptions;
}

export interface LocalSite {
  url: string;
  /** The origin the app's Custom UI is served from (another port, as Forge serves it from its own CDN host). */
  resourceUrl: string;
  jira: JiraSite;
  host: ForgeHost;
  /** CSP violation reports the browser sent for the app's frame. */
  cspReports: unknown[];
  close(): Promise<void>;
}

/**
 * The local Jira site on one port: the Jira REST emulator answers first, then the Forge host (the app's
 * resources, the bridge, invoke), then the site's own pages.
 */
export async function startLocalSite(opts: LocalSiteOptions): Promise<LocalSite> {
  const appDir = resolve(opts.appDir ?? resolve(__dirname, '..'));
  const hostname = opts.hostname ?? '127.0.0.1';
  const jira = createJiraSite({ dataDir: opts.dataDir, ...(opts.now ? { now: opts.now } : {}), ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) });

  let next: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>)[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (await jira.handle(req, res)) return;
        for (const handler of next) {
          if (await handler(req, res)) return;
        }
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      } catch (e) {
        if (!opts.quiet) console.error(`[local-site] ${req.method} ${req.url}:`, e);
        // The browser gets a plain message, never a stack.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The local site hit an internal error; see the terminal running it.');
      }
    })();
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostname}:${port}`;

  let handleResources: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> = () => Promise.resolve(false);
  const resourceServer = createServer((req, res) => {
    handleResources(req, res).then(
      (handled) => {
        if (handled) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      },
      (e: unknown) => {
        if (!opts.quiet) console.error(`[local-site] resources ${req.method} ${req.url}:`, e);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The local site hit an internal error; see the terminal running it.');
      },
    );
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      resourceServer.once('error', reject);
      resourceServer.listen(0, hostname, () => {
        resourceServer.off('error', reject);
        resolveListen();
      });
    });
  } catch (e) {
    server.close();
    jira.close();
    throw e;
  }
  const resourcePort = (resourceServer.address() as AddressInfo).port;
  const resourceUrl = `http://${hostname}:${resourcePort}`;
  // The browser may reach the site by another name (localhost): both origins keep the name it used.
  const hostnameOf = (req: IncomingMessage): string => {
    const host = req.headers.host;
    return host ? new URL(`http://${host}`).hostname : hostname;
  };
  const siteOriginOf = (req: IncomingMessage): string => `http://${hostnameOf(req)}:${port}`;
  const resourceOriginOf = (req: IncomingMessage): string => `http://${hostnameOf(req)}:${resourcePort}`;
  jira.store.baseUrl = url;

  let host: ForgeHost;
  try {
    host = createForgeHost({
      appDir,
      jira,
      baseUrl: url,
      dataDir: opts.dataDir,
      ...(opts.quiet ? { quiet: true } : {}),
      ...(opts.eventDelivery ? { eventDelivery: opts.eventDelivery } : {}),
      ...(opts.queues ? { queues: opts.queues } : {}),
    });
  } catch (e) {
    server.close();
    resourceServer.close();
    jira.close();
    throw e;
  }
  // Installing the app makes Jira index the issue properties its jira:entityProperty modules declare.
  jira.store.indexedIssueProperties = host.manifest.issueProperties;
  const routes = createForgeHostRoutes(host, (req) => signedInPerson(req, jira.people).person.accountId, siteOriginOf);
  handleResources = routes.handleResources;
  const pages = createPages({ host, people: jira.people, baseUrl: url, resourceOriginOf });
  next = [routes.handle, pages.handle];

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      host.close();
      await Promise.all(
        [server, resourceServer].map(
          (s) =>
            new Promise<void>((done) => {
              s.close(() => done());
              s.closeAllConnections();
            }),
        ),
      );
      jira.close();
    })();
    return closed;
  };

  return { url, resourceUrl, jira, host, cspReports: routes.cspReports, close };
}
