/**
 * The daily early warning: re-evaluates every unreleased version of every project that uses the app and
 * REBUILDS the gate index from the per-version properties (the index is derivable, so a deleted or stale
 * index is repaired by the next run), and repairs the overview's handoff index from the same per-version
 * handoffs. Released versions stay in the index only while the app could not
 * un-release them (they still need a person's attention).
 */
import { fitGateIndex, isAtRisk, parseGateIndex, type GateIndex } from '../domain/gate/gate-index';
import { parseSettings } from '../domain/gate/rules';
import { GATE_INDEX_PROPERTY_KEY, INDEX_PROPERTY_KEY, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import { parseIndex, withHandoff, withoutHandoff, type HandoffIndex } from '../domain/handoff-index';
import { assertIndexFits } from '../domain/storage-size';
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
  const [handoffIndex, oldGateIndex, settingsValue] = await Promise.all([
    deps.jira.getProjectPropertyAs(projectKey, INDEX_PROPERTY_KEY, 'app'),
    deps.jira.getProjectPropertyAs(projectKey, GATE_INDEX_PROPERTY_KEY, 'app'),
    deps.jira.getProjectPropertyAs(projectKey, SETTINGS_PROPERTY_KEY, 'app'),
  ]);
  if (handoffIndex === null && oldGateIndex === null && settingsValue === null) return { projectKey, skipped: 'no handoffs', versions: 0, atRisk: [] };
  const old = parseGateIndex(oldGateIndex);
  // The durable settings property is the source of truth; the index's copy is refreshed from it here.
  const settings = parseSettings(settingsValue);
  const versions = (await deps.jira.listVersionsAsApp(projectKey)).filter(
    (v) => (!v.released && !v.archived) || (v.released && old.versions[v.id]?.unreleaseFailed === true),
  );
  const next: GateIndex = { schemaVersion: 1, scannedAt: deps.now().toISOString(), settings, versions: {} };
  const oldHandoffs = parseIndex(handoffIndex);
  // Versions the scan does not read (released, archived) keep their entries; every scanned one is rewritten.
  let handoffs: HandoffIndex = { schemaVersion: 1, versions: { ...oldHandoffs.versions } };
  const atRisk: string[] = [];
  // A few at a time: a daily job has time, Jira's rate limits do not.
  for (let i = 0; i < versions.length; i += 5) {
    const batch = await Promise.all(versions.slice(i, i + 5).map((v) => loadGateFacts(deps, v, { settings })));
    for (const facts of batch) {
      handoffs = facts.handoff ? withHandoff(handoffs, facts.handoff, { checkSize: false }) : withoutHandoff(handoffs, facts.version.id);
      const entry = indexEntryOf(facts);
      // A released version keeps its flag only while its latest block says Jira refused the un-release.
      if (facts.version.released && !entry.unreleaseFailed) continue;
      next.versions[facts.version.id] = entry;
      if (isAtRisk(entry.state)) atRisk.push(facts.version.id);
    }
  }
  await Promise.all([
    deps.jira.putProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY, fitGateIndex(next)),
    repairHandoffIndex(deps, projectKey, oldHandoffs, handoffs),
  ]);
  return { projectKey, versions: versions.length, atRisk };
}

/**
 * The overview's handoff index, rebuilt from the per-version handoffs the scan just read (a first save or
 * status change whose index write failed left it stale). Written only when it differs. A status change
 * landing between the scan's read of that handoff and this write is undone in the index until that
 * version's next change or the next scan (the handoff itself is untouched). Failing is logged, not fatal.
 */
async function repairHandoffIndex(deps: TriggerDeps, projectKey: string, old: HandoffIndex, next: HandoffIndex): Promise<void> {
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  try {
    assertIndexFits(next, Object.keys(next.versions).length);
    await deps.jira.putProjectProperty(projectKey, INDEX_PROPERTY_KEY, next);
  } catch (error) {
    deps.log.error(`Risk scan could not repair the handoff index of project ${projectKey}`, error);
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
