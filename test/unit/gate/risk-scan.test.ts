/**
 * The daily risk scan's cursor and budget, against an in-memory Jira and record store. The clock is the
 * test's own (it moves only when the fake Jira lists a project's versions), so the budget is exact and
 * no test waits for anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { completeContent } from '../domain/fixtures';
import { nextStamp, publishedValue, type ContentRecord } from '#domain/records';
import { VERIFY_DAYS, type ScanState } from '#domain/gate/scan-plan';
import type { GateIndex } from '#domain/gate/gate-index';
import type { JiraVersion } from '#jira';
import { ENTITIES, versionKey, type ValueStore } from '#store/port';
import type { TriggerDeps } from '#triggers/deps';
import { createRiskScan, SCAN_BUDGET_MS, SCAN_STATE_KEY, SCAN_TIMEOUT_SECONDS } from '#triggers/risk-scan';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-24T03:00:00Z');
const PO = { accountId: 'acc-po', displayName: 'Priya Patel' };
/** Clock units one project's version listing costs. */
const PER_PROJECT = 100;

interface Project {
  id: string;
  key: string;
}

function world(projectCount: number, versionsPerProject = 2) {
  const projects: Project[] = Array.from({ length: projectCount }, (_, i) => ({ id: String(10000 + i), key: `P${i}` }));
  const versions = new Map<string, JiraVersion[]>();
  const properties = new Map<string, unknown>();
  const store = new MemoryStore();
  const values = new Map<string, unknown>();
  const writes: ScanState[] = [];
  const reads: string[] = [];
  const failing = new Set<string>();
  let ticks = 0;
  let n = 0;
  const projectOf = (idOrKey: string) => projects.find((p) => p.id === idOrKey || p.key === idOrKey) as Project;
  for (const project of projects) {
    const list: JiraVersion[] = [];
    for (let v = 0; v < versionsPerProject; v += 1) {
      const id = String(20000 + n++);
      // Release in 30 days: a ready handoff is on time; a draft has time left ("missing").
      list.push({ id, name: `R${id}`, description: '', releaseDate: '2026-12-24', released: false, archived: false, projectId: project.id });
      const ready = v % 2 === 0;
      const record: ContentRecord = {
        ...nextStamp(null, { projectId: project.id, versionId: id }, PO, '2026-11-01T10:00:00.000Z', `w${id}`),
        content: completeContent(),
        status: ready ? 'ready' : 'draft',
        readyAt: ready ? '2026-11-02T10:00:00.000Z' : null,
      };
      if (!store.records.has(ENTITIES.content)) store.records.set(ENTITIES.content, new Map());
      store.records.get(ENTITIES.content)?.set(versionKey(project.id, id), record);
      properties.set(`${project.id}/cs-handoff.version.${id}`, publishedValue('content', record));
    }
    versions.set(project.id, list);
  }
  const jira = {
    listProjectsAsApp: async () => projects,
    getSiteTimeZone: async () => 'UTC',
    listVersionsAsApp: async (key: string) => {
      ticks += PER_PROJECT;
      if (failing.has(key)) throw new Error(`Jira is down for ${key}`);
      return structuredClone(versions.get(projectOf(key).id) ?? []);
    },
    getProjectPropertyAs: async (idOrKey: string, key: string) => {
      reads.push(`${projectOf(idOrKey).key} ${key}`);
      return properties.get(`${projectOf(idOrKey).id}/${key}`) ?? null;
    },
    putProjectProperty: async (idOrKey: string, key: string, value: unknown) => {
      properties.set(`${projectOf(idOrKey).id}/${key}`, structuredClone(value));
    },
  };
  const valueStore: ValueStore = {
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async (key, value) => {
      if (key === SCAN_STATE_KEY) writes.push(structuredClone(value) as ScanState);
      values.set(key, structuredClone(value));
    },
  };
  const log = { error: jest.fn(), warn: jest.fn() };
  const deps = { jira, now: () => NOW, timeZone: 'UTC', log, store, values: valueStore } as unknown as TriggerDeps;
  const scan = (budgetMs: number) => {
    ticks = 0;
    return createRiskScan(deps, { clock: () => ticks, budgetMs })();
  };
  return {
    projects,
    versions,
    properties,
    reads,
    writes,
    failing,
    log,
    scan,
    state: () => values.get(SCAN_STATE_KEY) as ScanState | undefined,
    setState: (state: ScanState) => values.set(SCAN_STATE_KEY, state),
    gateIndex: (p: Project) => properties.get(`${p.id}/cs-handoff.gate-index`) as GateIndex | undefined,
    keys: (run: { projects: { projectKey: string }[] }) => run.projects.map((p) => p.projectKey),
  };
}

describe('risk scan: time budget and resume cursor', () => {
  it('stops taking up projects at its budget, stores where it stopped, and the next run resumes there and wraps around', async () => {
    const w = world(5);
    // Budget for three projects: checked at 0, 100, 200; at 300 it is spent.
    const first = await w.scan(3 * PER_PROJECT);
    expect(w.keys(first)).toEqual(['P0', 'P1', 'P2']);
    expect(first).toMatchObject({ stoppedByBudget: true, notReached: 2 });
    expect(w.state()).toMatchObject({ after: '10002', running: null });
    expect(w.gateIndex(w.projects[3] as Project)).toBeUndefined();

    const second = await w.scan(3 * PER_PROJECT);
    expect(w.keys(second)).toEqual(['P3', 'P4', 'P0']);
    expect(w.state()?.after).toBe('10000');
    expect(w.gateIndex(w.projects[4] as Project)?.scannedAt).toBe(NOW.toISOString());
  });

  it('a run with budget for everything goes round once, from the cursor', async () => {
    const w = world(4);
    await w.scan(2 * PER_PROJECT);
    const full = await w.scan(SCAN_BUDGET_MS);
    expect(w.keys(full)).toEqual(['P2', 'P3', 'P0', 'P1']);
    expect(full).toMatchObject({ stoppedByBudget: false, notReached: 0 });
  });

  it('writes its progress after every project, so a run Forge stops loses at most the project in flight', async () => {
    const w = world(3);
    await w.scan(SCAN_BUDGET_MS);
    // Start (a run in flight), one write per project, the end (none in flight).
    expect(w.writes.map((s) => [s.after, s.running === null ? 'idle' : 'running'])).toEqual([
      [null, 'running'],
      ['10000', 'running'],
      ['10001', 'running'],
      ['10002', 'running'],
      ['10002', 'idle'],
    ]);
    // Forge stopped a run inside P1 after it had stored P0 as done: the next run starts with P1 and checks it.
    w.setState({ schemaVersion: 1, after: '10000', verifyAt: {}, running: { startedAt: NOW.toISOString(), after: null } });
    const resumed = await w.scan(SCAN_BUDGET_MS);
    expect(w.keys(resumed)).toEqual(['P1', 'P2', 'P0']);
    expect(resumed.projects.every((p) => p.skipped === undefined)).toBe(true);
  });

  it('nothing is skipped for ever: with budget for one project per run, every project comes up in turn', async () => {
    const w = world(4);
    const seen: string[] = [];
    for (let run = 0; run < 8; run += 1) seen.push(...w.keys(await w.scan(1)));
    expect(seen).toEqual(['P0', 'P1', 'P2', 'P3', 'P0', 'P1', 'P2', 'P3']);
  });

  it('a project that stopped the previous run inside it is passed over once, then checked again', async () => {
    const w = world(3);
    // The previous run started after P0 and stored no progress: Forge ended it inside P1.
    w.setState({ schemaVersion: 1, after: '10000', verifyAt: {}, running: { startedAt: NOW.toISOString(), after: '10000' } });
    const run = await w.scan(SCAN_BUDGET_MS);
    expect(run.projects.map((p) => [p.projectKey, p.skipped ?? 'checked'])).toEqual([
      ['P1', 'stopped the previous run'],
      ['P2', 'checked'],
      ['P0', 'checked'],
    ]);
    expect(w.log.error).toHaveBeenCalledWith(expect.stringContaining('passed over project P1 once'));
    expect(w.gateIndex(w.projects[1] as Project)).toBeUndefined();
    const next = await w.scan(SCAN_BUDGET_MS);
    expect(w.keys(next)).toEqual(['P1', 'P2', 'P0']);
    expect(w.gateIndex(w.projects[1] as Project)?.scannedAt).toBe(NOW.toISOString());
  });

  it('a project that fails is logged and passed, and does not hold the cursor', async () => {
    const w = world(3);
    w.failing.add('P1');
    const run = await w.scan(SCAN_BUDGET_MS);
    expect(run.projects.map((p) => [p.projectKey, p.error ?? 'ok'])).toEqual([
      ['P0', 'ok'],
      ['P1', 'Jira is down for P1'],
      ['P2', 'ok'],
    ]);
    expect(w.state()?.after).toBe('10002');
  });
});

describe('risk scan: gates from the records, a bounded slice verified against Jira', () => {
  it("computes every unreleased version's gate from the records and keeps an override only the index knew", async () => {
    const w = world(1, 12);
    const project = w.projects[0] as Project;
    const ids = (w.versions.get(project.id) ?? []).map((v) => v.id);
    const last = ids[ids.length - 1] as string;
    // An override recorded for the last version (its gate record says so too); it is outside the first slice.
    w.properties.set(`${project.id}/cs-handoff.gate-index`, { schemaVersion: 1, scannedAt: null, versions: { [last]: { state: 'overridden', deadline: '2026-12-17', override: true } } });
    w.properties.set(`${project.id}/cs-handoff.gate.${last}`, { schemaVersion: 1, versionId: last, blocks: [], override: { by: PO, at: NOW.toISOString(), reason: 'CS briefed in person' } });
    const run = await w.scan(SCAN_BUDGET_MS);
    const index = w.gateIndex(project) as GateIndex;
    expect(Object.keys(index.versions).sort()).toEqual([...ids].sort());
    expect(index.versions[ids[0] as string]).toEqual({ state: 'ok', deadline: '2026-12-17' });
    expect(index.versions[ids[1] as string]).toEqual({ state: 'missing', deadline: '2026-12-17' });
    expect(index.versions[last]).toMatchObject({ state: 'overridden', override: true });
    // Only the slice's gate records were read: max(5, 12/7) = 5 versions, not 12.
    expect(run.projects[0]?.verified).toHaveLength(5);
    expect(w.reads.filter((r) => /cs-handoff\.gate\.\d+$/.test(r))).toHaveLength(5);
  });

  it('the verification slice goes round: every handoff is verified within a week of daily runs', async () => {
    const w = world(1, 40);
    const all = new Set((w.versions.get('10000') ?? []).map((v) => v.id));
    const verified = new Set<string>();
    for (let day = 0; day < VERIFY_DAYS; day += 1) for (const id of (await w.scan(SCAN_BUDGET_MS)).projects[0]?.verified ?? []) verified.add(id);
    expect(verified).toEqual(all);
  });

  it('publishes again a handoff whose property is behind its record (verified in its slice)', async () => {
    const w = world(1, 3);
    const id = (w.versions.get('10000') ?? [])[1]?.id as string;
    w.properties.delete(`10000/cs-handoff.version.${id}`);
    await w.scan(SCAN_BUDGET_MS);
    expect(w.properties.get(`10000/cs-handoff.version.${id}`)).toMatchObject({ versionId: id, revision: 1 });
  });
});

describe('risk scan: its limit', () => {
  it("its function's timeoutSeconds in manifest.yml is the one the budget is set inside", () => {
    const manifest = parse(readFileSync(join(__dirname, '..', '..', '..', 'manifest.yml'), 'utf8')) as {
      modules: { scheduledTrigger: { key: string; function: string }[]; function: { key: string; timeoutSeconds?: number }[] };
    };
    const trigger = manifest.modules.scheduledTrigger.find((t) => t.key === 'gate-risk-scan');
    const fn = manifest.modules.function.find((f) => f.key === trigger?.function);
    expect(fn?.timeoutSeconds).toBe(SCAN_TIMEOUT_SECONDS);
    expect(SCAN_BUDGET_MS).toBeLessThan(SCAN_TIMEOUT_SECONDS * 1000);
  });
});
