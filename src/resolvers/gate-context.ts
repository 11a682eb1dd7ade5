/**
 * What every handoff action needs from the release gate, read in the action's first (parallel) round:
 * the version's gate record (blocks, override) and the project's gate index, which also holds the
 * project's settings (lead time). Two property reads, never an extra round.
 */
import { parseGateIndex, settingsOf, type GateIndex } from '../domain/gate/gate-index';
import { parseGateRecord, type GateRecord, type ProjectSettings } from '../domain/gate/rules';
import { gatePropertyKey, GATE_INDEX_PROPERTY_KEY } from '../domain/property-keys';
import type { LatenessRule } from '../domain/state';
import { fitGateIndex } from '../domain/gate/gate-index';
import type { ResolverDeps } from './deps';
import { evaluateGate } from '../domain/gate/rules';
import { gateIndexEntry, withGateEntry } from '../domain/gate/gate-index';
import type { StoredHandoff } from '../domain/handoff';
import type { JiraVersion } from '../jira';

export interface GateContext {
  record: GateRecord;
  index: GateIndex;
  settings: ProjectSettings;
  /** The site's time zone as the triggers last copied it into the index (absent until they ran). */
  timeZone?: string;
}

export async function readGateContext(deps: ResolverDeps, projectKey: string, versionId: string): Promise<GateContext> {
  const [recordValue, indexValue] = await Promise.all([
    deps.jira.getProjectProperty(projectKey, gatePropertyKey(versionId)),
    deps.jira.getProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY),
  ]);
  const index = parseGateIndex(indexValue);
  return { record: parseGateRecord(recordValue, versionId), index, settings: settingsOf(index), ...(index.timeZone ? { timeZone: index.timeZone } : {}) };
}

/** The lateness rule of the project: the deployment's time zone, the project's lead time. */
export function ruleOf(lateness: LatenessRule, settings: ProjectSettings): LatenessRule {
  return { ...lateness, leadTimeDays: settings.leadTimeDays };
}

/**
 * Rewrites the version's gate-index entry for the handoff as it now is, when the version belongs in the
 * index (same membership as the scan: unreleased, unarchived, or released ones Jira refused to put back)
 * and the entry changes. Goes in the write round of the action; a failure is logged (the scan repairs it).
 */
export function refreshGateEntry(deps: ResolverDeps, projectKey: string, version: JiraVersion, gate: GateContext | null, handoff: StoredHandoff, now: Date): Promise<void> {
  if (gate === null || version.archived || (version.released && gate.index.versions[version.id] === undefined)) return Promise.resolve();
  const evaluation = evaluateGate({ version, handoff, override: gate.record.override, rule: ruleOf(deps.lateness, gate.settings), now, walkthroughGate: gate.settings.walkthroughGate });
  const entry = gateIndexEntry(gate.record, evaluation);
  if (JSON.stringify(entry) === JSON.stringify(gate.index.versions[version.id])) return Promise.resolve();
  return putGateIndex(deps, projectKey, withGateEntry(gate.index, version.id, entry));
}

/** The gate index is a cache (the scan rebuilds it): failing to write it must not fail what the person did. */
export async function putGateIndex(deps: ResolverDeps, projectKey: string, index: GateIndex): Promise<void> {
  try {
    await deps.jira.putProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY, fitGateIndex(index));
  } catch (error) {
    deps.log.error(`Could not update the gate index of project ${projectKey}`, error);
  }
}
