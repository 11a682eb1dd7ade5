/**
 * The daily early warning. Every project that uses the app gets its gate index REBUILT: each unreleased
 * version's gate state is computed from the app's own records (the by-project index of handoff records
 * in Forge storage, as the overview does) and the project's versions and settings, keeping from the old
 * index what only the gate records know (override, latest block, failed un-release). So a deleted or
 * stale index is repaired by the next run, at a cost per project that does not grow with its versions
 * (a few calls per 100 versions), not one Jira read per version.
 *
 * What the records cannot say is verified against Jira a bounded slice at a time (scan-plan.ts): each
 * run reads the gate record of max(5, 1/7) of each project's handoffs, refreshing their index entries,
 * and publishes again every one of them whose project properties are not its latest commit. Every
 * handoff is verified at least once a week.
 *
 * The run stops at a time budget inside its function's limit (`timeoutSeconds` in manifest.yml) and
 * stores where it stopped in Forge key-value storage after every project; the next run goes on from
 * there and wraps around, so no project is skipped for ever. One run covers 400 projects / 5,000
 * versions in about a fifth of the budget (`npm run bench`), so the daily schedule checks every project
 * daily; the budget and the cursor are what keep that true when Jira is slow.
 */
import { belongsInGateIndex, fitGateIndex, isAtRisk, parseGateIndex, reevaluatedEntry, type GateIndex } from '#domain/gate/gate-index';
import type { ProjectSettings } from '#domain/gate/rules';
import { settingsRecordOf } from '#domain/gate/gate-records';
import { gateStoreRefs, publishGateRecord } from '#resolvers/core/gate-store';
import { parseScanState, planRun, sortedIds, verifySlice, type ScanState } from '#domain/gate/scan-plan';
import { GATE_INDEX_PROPERTY_KEY, SETTINGS_PROPERTY_KEY } from '#domain/property-keys';
import { failureText, type JiraVersion } from '#jira';
import { syncPublished } from '#resolvers/core/publish';
import { overviewEntries } from '#resolvers/core/overview-entries';
import { defaultTriggerDeps, siteTimeZone, type TriggerDeps } from './deps';
import { gateFactsOf, indexEntryOf, readGateInputs } from './gate-load';

/** The limit Forge gives the scan (manifest.yml, function scan-gates): raised from the default 55 s. */
export const SCAN_TIMEOUT_SECONDS = 900;
/**
 * No project is started after this: the margin covers the project in flight (its records are paged 100
 * at a time, its verification slice 5 at a time) and the last write of the cursor.
 */
export const SCAN_BUDGET_MS = (SCAN_TIMEOUT_SECONDS - 120) * 1000;
/** Key of the scan's state (ScanState) in Forge key-value storage. */
export const SCAN_STATE_KEY = 'risk-scan.state';
/** Versions verified against Jira at once: Jira's rate limits, not the scan's time, set the pace. */
const VERIFY_AT_ONCE = 5;

export interface ScanOptions {
  /** Milliseconds since some fixed point; the scan's budget is measured on it. Default: `deps.now()`. */
  clock?: () => number;
  budgetMs?: number;
}

export interface ProjectScan {
  projectKey: string;
  skipped?: 'no handoffs' | 'stopped the previous run';
  versions: number;
  atRisk: string[];
  /** Versions whose gate record was read (and whose published properties were checked) this run. */
  verified: string[];
  error?: string;
}

export interface ScanRun {
  projects: ProjectScan[];
  /** True when the budget ran out before every project was checked; the next run goes on from there. */
  stoppedByBudget: boolean;
  /** Projects not reached this run (the next run starts with them). */
  notReached: number;
}

interface Project {
  id: string;
  key: string;
}

export async function scanProject(deps: TriggerDeps, project: Project, verifyAt: number, siteZone: string | null): Promise<ProjectScan & { verifyNext: number }> {
  const [indexValue, settingsValue, [storedSettings], handoffs] = await Promise.all([
    deps.jira.getProjectPropertyAs(project.key, GATE_INDEX_PROPERTY_KEY, 'app'),
    deps.jira.getProjectPropertyAs(project.key, SETTINGS_PROPERTY_KEY, 'app'),
    deps.store.getMany([gateStoreRefs.settings(project.id)]),
    overviewEntries(deps, project.id),
  ]);
  if (handoffs.size === 0 && indexValue === null && settingsValue === null) return { projectKey: project.key, skipped: 'no handoffs', versions: 0, atRisk: [], verified: [], verifyNext: 0 };
  const all = await deps.jira.listVersionsAsApp(project.key);
  const old = parseGateIndex(indexValue);
  // The settings record is the source of truth (its property, for one stored before records existed); the
  // index's copy is refreshed from it here.
  const settings = settingsRecordOf(storedSettings, settingsValue).value;
  // The index's states use the site's calendar (UTC when it names none); a verified version uses its own (gateFactsOf).
  const rule = { leadTimeDays: settings.leadTimeDays, timeZone: siteZone ?? deps.timeZone };
  const now = deps.now();
  // The zone is copied into the index, so every handoff action counts days in the site's calendar at no extra call.
  const next: GateIndex = { schemaVersion: 1, scannedAt: now.toISOString(), settings, ...(siteZone ? { timeZone: siteZone } : {}), versions: {} };
  const versions = all.filter((v) => belongsInGateIndex(v, old.versions[v.id]));
  for (const version of versions) {
    next.versions[version.id] = reevaluatedEntry(old.versions[version.id], { version, handoff: handoffs.get(version.id) ?? null, rule, now, walkthroughGate: settings.walkthroughGate });
  }
  // Verified: handoffs (their published copies) and versions the old index flags (their gate records).
  const flagged = Object.entries(old.versions)
    .filter(([, e]) => e.override || e.blockedAt || e.unreleaseFailed)
    .map(([id]) => id);
  const known = new Map(all.map((v) => [v.id, v]));
  const slice = verifySlice(sortedIds([...handoffs.keys(), ...flagged].filter((id) => known.has(id))), verifyAt);
  for (let i = 0; i < slice.ids.length; i += VERIFY_AT_ONCE) {
    await Promise.all(slice.ids.slice(i, i + VERIFY_AT_ONCE).map((id) => verifyVersion(deps, project, known.get(id) as JiraVersion, next, { settings, siteZone })));
  }
  await deps.jira.putProjectProperty(project.key, GATE_INDEX_PROPERTY_KEY, fitGateIndex(next));
  const atRisk = Object.entries(next.versions)
    .filter(([, e]) => isAtRisk(e.state))
    .map(([id]) => id);
  return { projectKey: project.key, versions: versions.length, atRisk, verified: slice.ids, verifyNext: slice.next };
}

/**
 * One version against Jira: its gate record (the truth on overrides and blocks) replaces its index
 * entry, and its records are published again where the properties are behind. Failing is logged; the
 * entry computed from the records stays.
 */
async function verifyVersion(deps: TriggerDeps, project: Project, version: JiraVersion, next: GateIndex, read: { settings: ProjectSettings; siteZone: string | null }): Promise<void> {
  try {
    const [reads] = await Promise.all([
      readGateInputs(deps, project.id, version.id, { settings: read.settings }),
      syncPublished(deps, { projectId: project.id, projectKey: project.key, versionId: version.id }),
    ]);
    if (reads.gateToRepublish) await publishGateRecord(deps, project.id, version.id, reads.gateToRepublish);
    const entry = indexEntryOf(gateFactsOf(deps, version, reads, { siteTimeZone: read.siteZone }));
    if (belongsInGateIndex(version, entry)) next.versions[version.id] = entry;
    else delete next.versions[version.id];
  } catch (error) {
    deps.log.error(`Risk scan could not verify version ${version.id} of project ${project.key} against Jira`, error);
  }
}

export function createRiskScan(deps: TriggerDeps, options: ScanOptions = {}) {
  const clock = options.clock ?? (() => deps.now().getTime());
  const budgetMs = options.budgetMs ?? SCAN_BUDGET_MS;
  return async (_event?: unknown, _context?: unknown): Promise<ScanRun> => {
    const startedAt = clock();
    const [stateValue, projects, siteZone] = await Promise.all([deps.values.get(SCAN_STATE_KEY), deps.jira.listProjectsAsApp(), siteTimeZone(deps)]);
    let state: ScanState = parseScanState(stateValue);
    const { order, passOverFirst } = planRun(state, projects);
    state = { ...state, running: { startedAt: deps.now().toISOString(), after: state.after } };
    await deps.values.set(SCAN_STATE_KEY, state);
    const results: ProjectScan[] = [];
    for (const [i, project] of order.entries()) {
      if (clock() - startedAt >= budgetMs) break;
      if (i === 0 && passOverFirst) {
        deps.log.error(`Risk scan passed over project ${project.key} once: the previous run was stopped while checking it`);
        results.push({ projectKey: project.key, skipped: 'stopped the previous run', versions: 0, atRisk: [], verified: [] });
      } else {
        const { verifyNext, ...scan } = await scanProjectSafely(deps, project, state.verifyAt[project.id] ?? 0, siteZone);
        results.push(scan);
        state = { ...state, verifyAt: { ...state.verifyAt, [project.id]: verifyNext } };
      }
      // Progress after every project: a run Forge stops anyway loses at most the project in flight.
      state = { ...state, after: project.id };
      await deps.values.set(SCAN_STATE_KEY, state);
    }
    // Projects gone from the site leave the cursor's verification positions.
    const present = new Set(projects.map((p) => p.id));
    await deps.values.set(SCAN_STATE_KEY, { ...state, running: null, verifyAt: Object.fromEntries(Object.entries(state.verifyAt).filter(([id]) => present.has(id))) });
    const notReached = order.length - results.length;
    return { projects: results, stoppedByBudget: notReached > 0, notReached };
  };
}

async function scanProjectSafely(deps: TriggerDeps, project: Project, verifyAt: number, siteZone: string | null): Promise<ProjectScan & { verifyNext: number }> {
  try {
    return await scanProject(deps, project, verifyAt, siteZone);
  } catch (error) {
    // One project's failure must not stop the others; the next run repairs it.
    deps.log.error(`Risk scan failed for project ${project.key}`, error);
    return { projectKey: project.key, versions: 0, atRisk: [], verified: [], error: failureText(error), verifyNext: verifyAt };
  }
}

export const riskScan = createRiskScan(defaultTriggerDeps());
