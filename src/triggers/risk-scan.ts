/**
 * The daily early warning: re-evaluates every unreleased version of every project that uses the app and
 * REBUILDS the gate index from the per-version handoffs (the index is derivable, so a deleted or stale
 * index is repaired by the next run). Released versions stay in the index only while the app could not
 * un-release them (they still need a person's attention). It also publishes again every handoff record
 * whose project property is not its latest commit (a publish that failed or landed out of order).
 */
import { fitGateIndex, isAtRisk, parseGateIndex, type GateIndex } from '../domain/gate/gate-index';
import { settingsRecordOf } from '../domain/gate/gate-records';
import { gateStoreRefs, syncGatePublished } from '../resolvers/gate-store';
import { calendarDateIn } from '../domain/calendar';
import { releasedRecently } from './release-recheck';
import { GATE_INDEX_PROPERTY_KEY, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import type { ContentRecord } from '../domain/records';
import { syncPublished } from '../resolvers/handoff-store';
import { ENTITIES, INDEXES } from '../store/port';
import { defaultTriggerDeps, type TriggerDeps } from './deps';
import { indexEntryOf, loadGateFacts } from './gate-load';

export interface ProjectScan {
  projectKey: string;
  skipped?: 'no handoffs';
  versions: number;
  atRisk: string[];
  error?: string;
}

export async function scanProject(deps: TriggerDeps, projectKey: string): Promise<ProjectScan> {
  const [oldGateIndex, settingsValue, all, siteZone] = await Promise.all([
    deps.jira.getProjectPropertyAs(projectKey, GATE_INDEX_PROPERTY_KEY, 'app'),
    deps.jira.getProjectPropertyAs(projectKey, SETTINGS_PROPERTY_KEY, 'app'),
    deps.jira.listVersionsAsApp(projectKey),
    // Copied into the index, so every handoff action counts days in the site's calendar at no extra call.
    deps.jira.getSiteTimeZone().catch(() => null),
  ]);
  const projectId = all[0]?.projectId;
  const handoffs = projectId === undefined ? [] : await handoffVersionIds(deps, projectId);
  if (handoffs.length === 0 && oldGateIndex === null && settingsValue === null) return { projectKey, skipped: 'no handoffs', versions: 0, atRisk: [] };
  const old = parseGateIndex(oldGateIndex);
  // The settings record is the source of truth (its property, for one stored before records existed); the
  // index's copy is refreshed from it here.
  const [storedSettings] = projectId === undefined ? [undefined] : await deps.store.getMany([gateStoreRefs.settings(projectId)]);
  const settings = settingsRecordOf(storedSettings, settingsValue).value;
  const versions = all.filter((v) => (!v.released && !v.archived) || (v.released && old.versions[v.id]?.unreleaseFailed === true));
  const next: GateIndex = { schemaVersion: 1, scannedAt: deps.now().toISOString(), settings, ...(siteZone ? { timeZone: siteZone } : {}), versions: {} };
  const atRisk: string[] = [];
  // A few at a time: a daily job has time, Jira's rate limits do not.
  for (let i = 0; i < versions.length; i += 5) {
    const batch = await Promise.all(versions.slice(i, i + 5).map((v) => loadGateFacts(deps, v, { settings })));
    for (const facts of batch) {
      const entry = indexEntryOf(facts);
      // A released version keeps its flag only while its latest block says Jira refused the un-release.
      if (facts.version.released && !entry.unreleaseFailed) continue;
      next.versions[facts.version.id] = entry;
      if (isAtRisk(entry.state)) atRisk.push(facts.version.id);
    }
  }
  await deps.jira.putProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY, fitGateIndex(next));
  // The gate records that still change: the versions scanned, and releases recent enough to be re-checked.
  const today = calendarDateIn(deps.now(), deps.timeZone);
  if (projectId !== undefined) await republishGates(deps, projectId, all.filter((v) => versions.includes(v) || releasedRecently(v, today)).map((v) => v.id));
  await republish(deps, projectKey, projectId ?? '', handoffs);
  return { projectKey, versions: versions.length, atRisk };
}

/** The versions of the project that have a handoff, from the records' by-project index (100 per call). */
async function handoffVersionIds(deps: TriggerDeps, projectId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.query<ContentRecord>({ entity: ENTITIES.content, index: INDEXES.byProject, partition: [projectId], limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.value.versionId));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

/** Every handoff whose published properties are behind its records is published again (a few at a time). Failing is logged. */
async function republish(deps: TriggerDeps, projectKey: string, projectId: string, versionIds: string[]): Promise<void> {
  for (let i = 0; i < versionIds.length; i += 5) {
    await Promise.all(
      versionIds.slice(i, i + 5).map((versionId) =>
        syncPublished(deps, { projectId, projectKey, versionId }).catch((error: unknown) => deps.log.error(`Risk scan could not publish the handoff of version ${versionId}`, error)),
      ),
    );
  }
}

/** Every gate record whose property is not its latest commit is published again (a few at a time). Failing is logged. */
async function republishGates(deps: TriggerDeps, projectId: string, versionIds: string[]): Promise<void> {
  for (let i = 0; i < versionIds.length; i += 5) {
    await Promise.all(
      versionIds.slice(i, i + 5).map((versionId) =>
        syncGatePublished(deps, projectId, versionId).catch((error: unknown) => deps.log.error(`Risk scan could not publish the gate record of version ${versionId}`, error)),
      ),
    );
  }
}

export async function scanProjects(deps: TriggerDeps, projectKeys: string[]): Promise<ProjectScan[]> {
  const results: ProjectScan[] = [];
  for (const projectKey of projectKeys) {
    try {
      results.push(await scanProject(deps, projectKey));
    } catch (error) {
      // One project's failure must not stop the others; the next run repairs it.
      deps.log.error(`Risk scan failed for project ${projectKey}`, error);
      results.push({ projectKey, versions: 0, atRisk: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

export function createRiskScan(deps: TriggerDeps) {
  return async (_event?: unknown, _context?: unknown): Promise<ProjectScan[]> => {
    const projects = await deps.jira.listProjectsAsApp();
    return scanProjects(deps, projects.map((p) => p.key));
  };
}

export const riskScan = createRiskScan(defaultTriggerDeps());
