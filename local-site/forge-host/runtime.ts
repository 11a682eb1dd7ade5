import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Permissions } from '@forge/manifest';

/**
 * What @forge/api reads through `global.__forge_runtime__` (see node_modules/@forge/api/out/api/runtime.d.ts,
 * `ForgeRuntime`). Declared here rather than imported because @forge/api does not export the type.
 */
export interface LocalForgeRuntime {
  proxy: { token: string; url: string };
  contextAri: string;
  container: { region: string; runtime: string; handler: string; appCodeDir: string };
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    invocationId: string;
    installationId: string;
    functionKey: string;
    moduleType: string;
    moduleKey: string;
    permissions: Permissions;
  };
  aaid?: string;
  lambdaContext: { awsRequestId: string; getRemainingTimeInMillis(): number };
  tracing: { traceId: string; spanId: string };
  realtime: { contextToken?: string };
  metrics: typeof noopMetrics;
  featureFlags: (flag: string) => boolean;
}

/** One running function: who it runs as, and where its Jira lives. */
export interface Invocation {
  /** Base URL of the local site, e.g. http://127.0.0.1:8080; requestJira paths are appended to it. */
  baseUrl: string;
  appSecret: string;
  /** The user the invocation runs for; absent for triggers (app context only). */
  accountId?: string;
  runtime: LocalForgeRuntime;
  /** Answers @forge/kvs's `__forge_fetch__({ type: 'kvs' }, …)` calls for this app installation. */
  storage?: ServiceFetch;
  /** Answers @forge/events's queue calls (`/webhook/queue/…` through the app's stargate requests). */
  queues?: ServiceFetch;
}

/** A local Forge service (storage, queues) answering what @forge/* sends through `__forge_fetch__`. */
export type ServiceFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface InvocationSpec {
  baseUrl: string;
  appSecret: string;
  appId: string;
  installationId: string;
  cloudId: string;
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  handler: string;
  appDir: string;
  permissions: Permissions;
  accountId?: string;
  timeoutMs: number;
  storage?: ServiceFetch;
  queues?: ServiceFetch;
}

const timer = { stop: () => undefined };
const counter = { incr: () => undefined, incrBy: () => undefined, decr: () => undefined, decrBy: () => undefined };
const noopMetrics = {
  timing: () => ({ measure: () => timer }),
  counter: () => counter,
  gauge: () => ({ set: () => undefined }),
};

// Invocations run concurrently in one process, so "the current user" must follow the async call chain.
const current = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return current.getStore();
}

export function runInvocation<T>(spec: InvocationSpec, fn: () => Promise<T>): Promise<T> {
  installForgeGlobals();
  const invocationId = randomUUID();
  const deadline = Date.now() + spec.timeoutMs;
  const runtime: LocalForgeRuntime = {
    proxy: { token: 'local', url: spec.baseUrl },
    contextAri: `ari:cloud:jira::site/${spec.cloudId}`,
    container: { region: 'local', runtime: 'nodejs', handler: spec.handler, appCodeDir: spec.appDir },
    appContext: {
      appId: spec.appId,
      appVersion: '1.0.0',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      invocationId,
      installationId: spec.installationId,
      functionKey: spec.functionKey,
      moduleType: spec.moduleType,
      moduleKey: spec.moduleKey,
      permissions: spec.permissions,
    },
    ...(spec.accountId ? { aaid: spec.accountId } : {}),
    lambdaContext: { awsRequestId: invocationId, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().replace(/-/g, '').slice(0, 16) },
    realtime: {},
    metrics: noopMetrics,
    featureFlags: () => false,
  };
  const invocation: Invocation = {
    baseUrl: spec.baseUrl,
    appSecret: spec.appSecret,
    runtime,
    ...(spec.accountId ? { accountId: spec.accountId } : {}),
    ...(spec.storage ? { storage: spec.storage } : {}),
    ...(spec.queues ? { queues: spec.queues } : {}),
  };
  return current.run(invocation, fn);
}

interface FetchArgs {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** A response shaped like the Forge proxy's own refusals, so @forge/api raises its usual errors. */
function proxyError(status: number, reason: string): Response {
  return new Response(JSON.stringify({ message: reason }), { status, headers: { 'content-type': 'application/json', 'forge-proxy-error': reason } });
}

async function forgeFetch(args: FetchArgs, path: string, init?: RequestInit): Promise<Response> {
  const invocation = current.getStore();
  if (!invocation)
    throw new Error(`A Forge API (${args.type === 'kvs' ? '@forge/kvs' : 'requestJira, @forge/events'}) was called outside a Forge invocation (the local host runs app code only inside invocations).`);
  // @forge/kvs (out/index.js) sends { type: 'kvs', provider: 'app', remote: 'kvs' } when the runtime names no
  // storage host, which the local runtime never does.
  if (args.type === 'kvs') {
    if (!invocation.storage) throw new Error('This invocation has no Forge storage (the local host was started without a data folder).');
    return invocation.storage(path, init);
  }
  // @forge/events sends its queue calls as the app through Atlassian's API gateway (out/queries.js).
  if (args.type === 'fpp' && args.remote === 'stargate' && args.provider === 'app' && path.startsWith('/webhook/queue/')) {
    if (!invocation.queues) throw new Error('This invocation has no async-events queue (the local host has none).');
    return invocation.queues(path, init);
  }
  if (args.type !== 'fpp' || args.remote !== 'jira') {
    throw new Error(`The local site emulates only Jira; '${args.remote ?? args.type}' requests are not supported by the local site.`);
  }
  const headers = new Headers(init?.headers);
  if (args.provider === 'app') {
    headers.set('authorization', `ForgeApp ${invocation.appSecret}`);
  } else if (args.provider === 'user') {
    const accountId = args.accountId ?? invocation.accountId;
    // Forge refuses asUser() where there is no user (triggers, scheduled triggers).
    if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR');
    headers.set('authorization', `ForgeUser ${invocation.appSecret} ${accountId}`);
  } else {
    headers.delete('authorization');
  }
  return fetch(new URL(path, invocation.baseUrl), { ...init, headers });
}

let installed = false;

/** Puts the two seams @forge/api 8.3.0 reads (out/api/fetch.js, out/api/runtime.js) on the global object. */
export function installForgeGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  if (installed && g['__forge_fetch__'] === forgeFetch) return;
  g['__forge_fetch__'] = forgeFetch;
  // A getter, so __getRuntime() answers for the invocation on the current async chain, and throws
  // "Forge runtime not found." outside one, as on Forge.
  Object.defineProperty(globalThis, '__forge_runtime__', { configurable: true, enumerable: false, get: () => current.getStore()?.runtime });
  installed = true;
}
