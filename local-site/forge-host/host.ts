import type { VersionEvent } from '../jira/types';
import { DeliveryLog } from './deliveries';
import { loadHandler, type ForgeFunction } from './functions';
import type { ForgeHost, ForgeHostOptions, InvokeOptions, UiContext } from './host-types';
import { loadManifest, type UiModule } from './manifest';
import { createQueueHost, FunctionTimeoutError } from './queues';
import { runInvocation } from './runtime';
import { projectLookup } from './project-lookup';
import { createStorageService } from './storage-service';
import { KvsStore } from './storage/store';

export type { ForgeHost, ForgeHostOptions, InvocationContext, InvokeOptions, ProjectContext, ProjectRef, UiContext } from './host-types';
export type { StorageCall, StorageFault } from './storage-service';
export { eventDeliveryFromEnv, type EventDelivery } from './event-delivery';

/** Fixed ids for the one local "installation" (Forge would mint them at install time). */
export const LOCAL_CLOUD_ID = '5e1f0c2a-7d4b-4c1e-9a3f-10ca15e17e00';
export const LOCAL_INSTALLATION_ID = '9b2d4e6f-1a3c-4d5e-8f70-10ca11057a11';
export const LOCAL_ENVIRONMENT_ID = 'local';

/** Forge's resolver (UI invoke) time limit. */
const UI_TIMEOUT_MS = 25_000;
const BACKGROUND_TIMEOUT_MS = 55_000;

/** The rejection a Custom UI `invoke` gets: Forge's wording, never the stack. */
export class ForgeInvokeError extends Error {
  constructor(cause: string) {
    super(`There was an error invoking the function - ${cause}`);
    this.name = 'ForgeInvokeError';
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(`${what} timed out after ${ms / 1000} seconds`)), ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export function createForgeHost(options: ForgeHostOptions): ForgeHost {
  const { appDir, jira, baseUrl } = options;
  const manifest = loadManifest(appDir);
  const log = new DeliveryLog();
  const handlers = new Map<string, ForgeFunction>();
  const project = projectLookup(baseUrl, jira.appSecret);
  const store = new KvsStore(options.dataDir, manifest.entities);
  const caller = {
    scope: `${manifest.appId}/${LOCAL_INSTALLATION_ID}`,
    hasStorageScope: Array.isArray(manifest.permissions.scopes) && manifest.permissions.scopes.includes('storage:app'),
  };
  const { storage, storageLog, storageSettings } = createStorageService(store, caller);
  const warn = (text: string): void => {
    if (!options.quiet) console.error(`[forge-host] ${text}`);
  };

  function functionFor(functionKey: string): { fn: ForgeFunction; handler: string; timeoutMs?: number } {
    const def = manifest.functions.get(functionKey);
    if (!def) throw new Error(`manifest.yml has no function '${functionKey}'`);
    let fn = handlers.get(def.handler);
    if (!fn) {
      fn = loadHandler(appDir, def.handler);
      handlers.set(def.handler, fn);
    }
    return { fn, handler: def.handler, ...(def.timeoutSeconds ? { timeoutMs: def.timeoutSeconds * 1000 } : {}) };
  }

  function specFor(args: { functionKey: string; moduleKey: string; moduleType: string; handler: string; accountId?: string; timeoutMs: number }) {
    return {
      baseUrl,
      appSecret: jira.appSecret,
      appId: manifest.appId,
      installationId: LOCAL_INSTALLATION_ID,
      cloudId: LOCAL_CLOUD_ID,
      functionKey: args.functionKey,
      moduleKey: args.moduleKey,
      moduleType: args.moduleType,
      handler: args.handler,
      appDir,
      permissions: manifest.permissions,
      timeoutMs: args.timeoutMs,
      storage,
      queues: (path: string, init?: RequestInit) => queues.handle(path, init),
      ...(args.accountId ? { accountId: args.accountId } : {}),
    };
  }

  function run<T>(args: { functionKey: string; moduleKey: string; moduleType: string; accountId?: string; defaultTimeoutMs: number }, call: (fn: ForgeFunction) => Promise<T>): Promise<T> {
    const { fn, handler, timeoutMs } = functionFor(args.functionKey);
    const limit = timeoutMs ?? args.defaultTimeoutMs;
    const spec = specFor({ ...args, handler, timeoutMs: limit });
    return withTimeout(
      runInvocation(spec, () => call(fn)),
      limit,
      `Function '${args.functionKey}'`,
    );
  }

  function projectPage(moduleKey?: string): UiModule {
    const page = moduleKey ? manifest.projectPages.find((p) => p.key === moduleKey) : manifest.projectPages[0];
    if (!page) throw new Error(moduleKey ? `manifest.yml has no jira:projectPage '${moduleKey}'` : 'manifest.yml has no jira:projectPage module');
    return page;
  }

  function uiModule(moduleKey?: string): UiModule {
    if (moduleKey === undefined) return projectPage();
    const found = [...manifest.projectPages, ...manifest.issueContexts].find((m) => m.key === moduleKey);
    if (!found) throw new Error(`manifest.yml has no jira:projectPage or jira:issueContext '${moduleKey}'`);
    return found;
  }

  /** The issue as Jira's issue view knows it (read as the app: the page has already checked the person sees it). */
  async function issueRef(issueKey: string): Promise<{ issue: { id: string; key: string; type: string; typeId: string }; projectKey: string }> {
    const res = await fetch(new URL(`/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=issuetype,project`, baseUrl), {
      headers: { authorization: `ForgeApp ${jira.appSecret}`, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`Issue '${issueKey}' was not found on the local site (HTTP ${res.status})`);
    const body = (await res.json()) as { id: string; key: string; fields: { issuetype: { id: string; name: string }; project: { key: string } } };
    return { issue: { id: body.id, key: body.key, type: body.fields.issuetype.name, typeId: body.fields.issuetype.id }, projectKey: body.fields.project.key };
  }

  async function uiContext(accountId: string, opts: InvokeOptions): Promise<UiContext> {
    const module = uiModule(opts.moduleKey);
    let extension: UiContext['extension'];
    if (module.type === 'jira:issueContext') {
      if (!opts.issueKey) throw new Error(`jira:issueContext '${module.key}' needs the issue it is shown on`);
      const { issue, projectKey } = await issueRef(opts.issueKey);
      const ref = await project(projectKey);
      extension = { type: module.type, issue, project: { id: ref.id, key: ref.key, type: ref.type } };
    } else {
      const ref = await project(opts.projectKey);
      extension = { type: module.type, project: { id: ref.id, key: ref.key, type: ref.type } };
    }
    const where = 'issue' in extension ? extension.issue.id : extension.project.id;
    return {
      accountId,
      cloudId: LOCAL_CLOUD_ID,
      siteUrl: baseUrl,
      moduleKey: module.key,
      localId: `${module.key}-${where}`,
      environmentId: LOCAL_ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      extension,
    };
  }

  async function invoke<T>(accountId: string, functionKey: string, payload: unknown, opts: InvokeOptions): Promise<T> {
    try {
      const page = uiModule(opts.moduleKey);
      if (!page.resolverFunction) throw new Error(`${page.type} '${page.key}' has no resolver function`);
      const context = await uiContext(accountId, opts);
      const { locale: _locale, timezone: _timezone, ...genuine } = context;
      const invocationContext = opts.tamper ? opts.tamper(genuine) : genuine;
      const result = await run(
        { functionKey: page.resolverFunction, moduleKey: page.key, moduleType: page.type, accountId, defaultTimeoutMs: UI_TIMEOUT_MS },
        async (fn) => await fn({ call: { functionKey, payload }, context: invocationContext }, { principal: { accountId }, installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }),
      );
      // What crosses to the UI is JSON, as on Forge.
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    } catch (e) {
      warn(`invoke '${functionKey}' failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      throw new ForgeInvokeError(messageOf(e));
    }
  }

  const delayMs = options.eventDelivery?.delayMs ?? 0;
  const copies = options.eventDelivery?.duplicates ? [delayMs, delayMs + delayMs / 2] : [delayMs];

  function deliver(event: VersionEvent): void {
    for (const at of copies) log.schedule(at, () => deliverNow(event));
  }

  function deliverNow(event: VersionEvent): void {
    for (const trigger of manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      const base = { kind: 'trigger' as const, moduleKey: trigger.key, functionKey: trigger.function, eventType: event.eventType, versionId: String(event.version.id) };
      if (trigger.ignoreSelf && event.causedByApp) {
        log.record({ ...base, status: 'ignored-self' }).endedAt = Date.now();
        continue;
      }
      const delivery = log.record({ ...base, status: 'running' });
      const payload = {
        eventType: event.eventType,
        version: event.version,
        ...(event.atlassianId ? { atlassianId: event.atlassianId } : {}),
        selfGenerated: event.causedByApp,
        context: { cloudId: LOCAL_CLOUD_ID, moduleKey: trigger.key },
      };
      void log
        .track(delivery, () =>
          run(
            { functionKey: trigger.function, moduleKey: trigger.key, moduleType: 'core:trigger', defaultTimeoutMs: BACKGROUND_TIMEOUT_MS },
            async (fn) => await fn(payload, { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }),
          ),
        )
        .catch((e: unknown) => warn(`trigger '${trigger.key}' failed on ${event.eventType}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    }
  }

  const unsubscribe = jira.onVersionEvent(deliver);

  async function runScheduledTrigger(moduleKey: string): Promise<unknown> {
    const module = manifest.scheduledTriggers.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`manifest.yml has no scheduledTrigger '${moduleKey}'`);
    const delivery = log.record({ kind: 'scheduledTrigger', moduleKey, functionKey: module.function, status: 'running' });
    return log.track(delivery, () =>
      run(
        { functionKey: module.function, moduleKey, moduleType: 'core:scheduledTrigger', defaultTimeoutMs: BACKGROUND_TIMEOUT_MS },
        async (fn) => await fn({ context: { cloudId: LOCAL_CLOUD_ID, moduleKey }, contextToken: 'local' }, { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }),
      ),
    );
  }

  async function runWorkflowValidator(moduleKey: string, args: unknown): Promise<unknown> {
    const module = manifest.workflowValidators.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`manifest.yml has no jira:workflowValidator '${moduleKey}'`);
    const functionKey = module.function;
    if (!functionKey) throw new Error(`jira:workflowValidator '${moduleKey}' is expression-based; the local site runs only function validators`);
    const delivery = log.record({ kind: 'workflowValidator', moduleKey, functionKey, status: 'running' });
    const payload = { ...(typeof args === 'object' && args !== null ? args : {}), context: { cloudId: LOCAL_CLOUD_ID, moduleKey } };
    return log.track(delivery, () =>
      run(
        { functionKey, moduleKey, moduleType: 'jira:workflowValidator', defaultTimeoutMs: BACKGROUND_TIMEOUT_MS },
        async (fn) => await fn(payload, { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }),
      ),
    );
  }

  const queues = createQueueHost({
    consumers: manifest.consumers,
    log,
    warn,
    ...(options.queues ? { options: options.queues } : {}),
    run: (consumer, event) => {
      const installContext = `ari:cloud:jira::site/${LOCAL_CLOUD_ID}`;
      const functionKey = consumer.function ?? consumer.resolver?.function;
      if (!functionKey) throw new Error(`consumer '${consumer.key}' names neither a function nor a resolver`);
      return run(
        { functionKey, moduleKey: consumer.key, moduleType: 'core:consumer', defaultTimeoutMs: BACKGROUND_TIMEOUT_MS },
        async (fn) =>
          await (consumer.resolver
            ? fn({ call: { functionKey: consumer.resolver.method, payload: event, jobId: event.jobId }, context: { cloudId: LOCAL_CLOUD_ID, moduleKey: consumer.key } }, { installContext })
            : fn(event, { installContext })),
      );
    },
  });

  /** Quiet means no delivery running and no async event waiting for its delivery or retry. */
  // Long enough for a delayed product event, its copy, and what the app does about them.
  async function idle(timeoutMs = 15_000 + 2 * delayMs): Promise<void> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      await log.idle(25, timeoutMs);
      if (queues.pending() === 0) return;
      if (Date.now() > giveUpAt) throw new Error(`Forge host still busy after ${timeoutMs} ms (${queues.pending()} async events waiting for delivery or retry)`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  function runAsApp<T>(work: () => Promise<T>): Promise<T> {
    const spec = specFor({ functionKey: 'local-host', moduleKey: 'local-host', moduleType: 'core:function', handler: 'local-host', timeoutMs: BACKGROUND_TIMEOUT_MS });
    return withTimeout(runInvocation(spec, work), BACKGROUND_TIMEOUT_MS, 'runAsApp');
  }

  return {
    manifest,
    appId: manifest.appId,
    environmentId: LOCAL_ENVIRONMENT_ID,
    cloudId: LOCAL_CLOUD_ID,
    siteUrl: baseUrl,
    appDir,
    deliveries: log.entries,
    storageLog,
    storageSettings,
    invoke,
    runScheduledTrigger,
    runWorkflowValidator,
    runAsApp,
    idle,
    project,
    uiContext,
    projectPage,
    uiModule,
    close: () => {
      unsubscribe();
      log.cancelScheduled();
      queues.close();
      store.close();
    },
  };
}
