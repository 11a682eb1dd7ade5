/**
 * The daily risk scan at site scale, in simulated time. The scan's own code runs unchanged (the real
 * Jira client with its paging and parsing, the real record store logic) against an in-memory site:
 * every Jira and Forge storage call takes LATENCY_MS of a virtual clock, so 400 projects and 5,000
 * versions are measured in seconds of real time, and the function is stopped where Forge would stop it
 * (the `timeoutSeconds` of its function in manifest.yml, 55 s without it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { APIResponse, RequestInit, Route } from '@forge/api';
import { roundsOf } from '../local-site/jira';
import { createJira, type Principal } from '#jira';
import { nextStamp, publishedValue, type ContentRecord } from '#domain/records';
import { ENTITIES, versionKey, type ValueStore } from '#store/port';
import { createRiskScan } from '#triggers/risk-scan';
import type { TriggerDeps } from '#triggers/deps';
import { MemoryStore } from '../test/support/memory-store';
import { content } from './fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-11-24T03:00:00Z');

interface Call {
  kind: 'jira' | 'storage';
  what: string;
  startedAt: number;
  endedAt: number;
}

/** Timers on a virtual clock: time moves only when every piece of work is waiting on one. */
class VirtualTime {
  now = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push({ at: this.now + ms, resolve }));
  }
  /** Runs `work` to its end or until `limitMs` of virtual time passed (then it is abandoned, as Forge kills it). */
  async drive<T>(work: () => Promise<T>, limitMs: number): Promise<{ finished: boolean; value?: T; elapsedMs: number }> {
    const from = this.now;
    let state: { done: boolean; value?: T; error?: unknown } = { done: false };
    work().then(
      (value) => (state = { done: true, value }),
      (error: unknown) => (state = { done: true, error }),
    );
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (state.done) break;
      if (this.timers.length === 0) throw new Error('the scan stalled: nothing running, nothing waiting');
      const at = Math.min(...this.timers.map((t) => t.at));
      if (at - from > limitMs) {
        this.timers = [];
        this.now = from + limitMs;
        return { finished: false, elapsedMs: limitMs };
      }
      this.now = at;
      const due = this.timers.filter((t) => t.at <= at);
      this.timers = this.timers.filter((t) => t.at > at);
      for (const t of due) t.resolve();
    }
    // Rethrows the scan's rejection reason unchanged, whatever the app threw.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (state.error !== undefined) throw state.error;
    return { finished: true, ...(state.value === undefined ? {} : { value: state.value }), elapsedMs: this.now - from };
  }
}

function response(status: number, body: unknown): APIResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { ok: status < 300, status, statusText: String(status), headers: new Headers(), text: async () => text, json: async () => JSON.parse(text) as unknown } as unknown as APIResponse;
}

/** A site with `projects` projects sharing `versions` unreleased versions, every version with a handoff (published). */
class SimulatedSite {
  readonly calls: Call[] = [];
  readonly projects: { id: string; key: string }[] = [];
  readonly versions = new Map<string, { id: string; name: string; releaseDate: string; released: boolean; archived: boolean; projectId: string }[]>();
  readonly properties = new Map<string, unknown>();
  readonly values = new Map<string, unknown>();
  readonly store: MemoryStore;

  constructor(
    readonly time: VirtualTime,
    readonly latencyMs: number,
    projectCount: number,
    versionCount: number,
  ) {
    this.store = new MemoryStore({ before: (op) => this.call('storage', op) });
    for (let p = 0; p < projectCount; p += 1) {
      const project = { id: String(10000 + p), key: `P${String(p + 1).padStart(4, '0')}` };
      this.projects.push(project);
      this.versions.set(project.id, []);
    }
    const by = { accountId: 'bench-po', displayName: 'Bench PO' };
    for (let v = 0; v < versionCount; v += 1) {
      const project = this.projects[v % projectCount] as { id: string; key: string };
      const id = String(100000 + v);
      const releaseDate = new Date(START + ((v % 60) - 5) * DAY_MS).toISOString().slice(0, 10);
      this.versions.get(project.id)?.push({ id, name: `Release ${v + 1}`, releaseDate, released: false, archived: false, projectId: project.id });
      const ready = v % 2 === 0;
      const record: ContentRecord = {
        ...nextStamp(null, { projectId: project.id, versionId: id }, by, new Date(START - 30 * DAY_MS).toISOString(), `w${v}`),
        content: content(),
        status: ready ? 'ready' : 'draft',
        readyAt: ready ? new Date(START - 20 * DAY_MS).toISOString() : null,
      };
      this.store.records.set(ENTITIES.content, this.store.records.get(ENTITIES.content) ?? new Map());
      this.store.records.get(ENTITIES.content)?.set(versionKey(project.id, id), record);
      this.properties.set(`${project.id}/cs-handoff.version.${id}`, publishedValue('content', record));
    }
  }

  private async call(kind: Call['kind'], what: string): Promise<void> {
    const startedAt = this.time.now;
    await this.time.sleep(this.latencyMs);
    this.calls.push({ kind, what, startedAt, endedAt: this.time.now });
  }

  private projectOf(idOrKey: string): { id: string; key: string } | undefined {
    return this.projects.find((p) => p.id === idOrKey || p.key === idOrKey);
  }

  /** Jira's REST API for the few paths the scan calls. */
  readonly fetch = async (_as: Principal, route: Route, init?: RequestInit): Promise<APIResponse> => {
    const method = init?.method ?? 'GET';
    const url = new URL(route.value, 'https://bench.invalid');
    await this.call('jira', `${method} ${url.pathname}`);
    const startAt = Number(url.searchParams.get('startAt') ?? 0);
    const max = Number(url.searchParams.get('maxResults') ?? 50);
    if (url.pathname === '/rest/api/3/serverInfo') return response(200, { serverTimeZone: 'UTC' });
    if (url.pathname === '/rest/api/3/project/search') {
      const values = this.projects.slice(startAt, startAt + max);
      return response(200, { values, isLast: startAt + max >= this.projects.length, total: this.projects.length });
    }
    const versions = /^\/rest\/api\/3\/project\/([^/]+)\/version$/.exec(url.pathname);
    if (versions) {
      const all = this.versions.get(this.projectOf(decodeURIComponent(versions[1] as string))?.id ?? '') ?? [];
      return response(200, { values: all.slice(startAt, startAt + max), isLast: startAt + max >= all.length, total: all.length });
    }
    const property = /^\/rest\/api\/3\/project\/([^/]+)\/properties\/([^/]+)$/.exec(url.pathname);
    if (property) {
      const project = this.projectOf(decodeURIComponent(property[1] as string));
      if (!project) return response(404, { errorMessages: ['No project'] });
      const key = `${project.id}/${decodeURIComponent(property[2] as string)}`;
      if (method === 'PUT') {
        this.properties.set(key, JSON.parse(String(init?.body)) as unknown);
        return response(200, undefined);
      }
      return this.properties.has(key) ? response(200, { key, value: this.properties.get(key) }) : response(404, { errorMessages: ['No property'] });
    }
    return response(404, { errorMessages: [`The bench site has no ${method} ${url.pathname}`] });
  };

  readonly valueStore: ValueStore = {
    get: async <T>(key: string) => {
      await this.call('storage', 'kvs get');
      return this.values.get(key) as T | undefined;
    },
    set: async (key: string, value: unknown) => {
      await this.call('storage', 'kvs set');
      this.values.set(key, structuredClone(value));
    },
  };
}

/** The limit Forge gives the scan's function: its `timeoutSeconds` in manifest.yml, 55 s without. */
export function scanTimeLimitMs(manifestPath = resolve(__dirname, '..', 'manifest.yml')): number {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules: { scheduledTrigger: { key: string; function: string }[]; function: { key: string; timeoutSeconds?: number }[] } };
  const trigger = manifest.modules.scheduledTrigger.find((t) => t.key === 'gate-risk-scan');
  const fn = manifest.modules.function.find((f) => f.key === trigger?.function);
  return (fn?.timeoutSeconds ?? 55) * 1000;
}

export interface ScanRow {
  projects: number;
  versions: number;
  jiraCalls: number;
  storageCalls: number;
  rounds: number;
  simulatedMs: number;
  finished: boolean;
  limitMs: number;
  /** Projects whose gate index the first run rewrote. */
  checkedFirstRun: number;
  /** Daily runs until every project was re-checked at least once (null: not within DAYS). */
  daysToEveryProject: number | null;
  /** Daily runs until every handoff was verified against Jira (its gate record read), null: not within DAYS. */
  daysToEveryHandoff: number | null;
}

const DAYS = 14;

export interface ScanMeasureOptions {
  /** Another scheduled function to run on the same simulated site (default: the risk scan). */
  run?: (deps: TriggerDeps) => () => Promise<unknown>;
  limitMs?: number;
  days?: number;
}

export async function measureScan(projects: number, versions: number, latencyMs: number, options: ScanMeasureOptions = {}): Promise<ScanRow> {
  const time = new VirtualTime();
  const site = new SimulatedSite(time, latencyMs, projects, versions);
  const limitMs = options.limitMs ?? scanTimeLimitMs();
  const run = options.run ?? ((deps: TriggerDeps) => createRiskScan(deps));
  const days = options.days ?? DAYS;
  const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined };
  const checked = new Set<string>();
  const verified = new Set<string>();
  let first: Omit<ScanRow, 'daysToEveryProject' | 'daysToEveryHandoff'> | null = null;
  let daysToEveryProject: number | null = null;
  let daysToEveryHandoff: number | null = null;
  for (let day = 0; day < days && (daysToEveryProject === null || daysToEveryHandoff === null); day += 1) {
    const dayStart = time.now;
    const deps = {
      jira: createJira(site.fetch),
      now: () => new Date(START + day * DAY_MS + (time.now - dayStart)),
      timeZone: 'UTC',
      log: quiet,
      store: site.store,
      values: site.valueStore,
    } as unknown as TriggerDeps;
    const from = site.calls.length;
    const outcome = await time.drive(() => run(deps)(), limitMs);
    const calls = site.calls.slice(from);
    for (const c of calls) {
      const index = /^PUT \/rest\/api\/3\/project\/([^/]+)\/properties\/cs-handoff\.gate-index$/.exec(c.what);
      if (index) checked.add(decodeURIComponent(index[1] as string));
      const gate = /^GET \/rest\/api\/3\/project\/[^/]+\/properties\/cs-handoff\.gate\.(\d+)$/.exec(c.what);
      if (gate) verified.add(gate[1] as string);
    }
    if (day === 0) {
      first = {
        projects,
        versions,
        jiraCalls: calls.filter((c) => c.kind === 'jira').length,
        storageCalls: calls.filter((c) => c.kind === 'storage').length,
        rounds: roundsOf(calls),
        simulatedMs: outcome.elapsedMs,
        finished: outcome.finished,
        limitMs,
        checkedFirstRun: checked.size,
      };
    }
    const everyProject = site.projects.every((p) => checked.has(p.id) || checked.has(p.key));
    if (everyProject && daysToEveryProject === null) daysToEveryProject = day + 1;
    if (verified.size >= versions && daysToEveryHandoff === null) daysToEveryHandoff = day + 1;
  }
  if (!first) throw new Error('no scan ran');
  return { ...first, daysToEveryProject, daysToEveryHandoff };
}
