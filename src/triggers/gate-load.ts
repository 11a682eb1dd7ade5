/** Reads everything the gate decides on for one version, as the app, in one parallel round. */
import { StoredHandoffSchema, type StoredHandoff } from '../domain/handoff';
import { parseGateIndex, withGateEntry, type GateIndex, type GateIndexEntry } from '../domain/gate/gate-index';
import { evaluateGate, latestBlock, parseGateRecord, parseSettings, type GateEvaluation, type GateRecord, type ProjectSettings } from '../domain/gate/rules';
import { gatePropertyKey, GATE_INDEX_PROPERTY_KEY, handoffPropertyKey, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import type { LatenessRule } from '../domain/state';
import type { JiraVersion } from '../jira';
import type { TriggerDeps } from './deps';

export interface GateFacts {
  version: JiraVersion;
  handoff: StoredHandoff | null;
  record: GateRecord;
  settings: ProjectSettings;
  rule: LatenessRule;
  evaluation: GateEvaluation;
}

export function parseHandoffLeniently(value: unknown, versionId: string, deps: Pick<TriggerDeps, 'log'>): StoredHandoff | null {
  if (value === null || value === undefined) return null;
  const parsed = StoredHandoffSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // An unreadable handoff cannot prove it is on time: the gate treats it as missing and says so in the log.
  deps.log.error(`Stored handoff for version ${versionId} does not match the schema; the gate treats it as missing`);
  return null;
}

export async function loadGateFacts(deps: TriggerDeps, version: JiraVersion, settingsValue?: unknown): Promise<GateFacts> {
  const project = version.projectId;
  const [handoffValue, recordValue, settingsRead] = await Promise.all([
    deps.jira.getProjectPropertyAs(project, handoffPropertyKey(version.id), 'app'),
    deps.jira.getProjectPropertyAs(project, gatePropertyKey(version.id), 'app'),
    settingsValue === undefined ? deps.jira.getProjectPropertyAs(project, SETTINGS_PROPERTY_KEY, 'app') : Promise.resolve(settingsValue),
  ]);
  const handoff = parseHandoffLeniently(handoffValue, version.id, deps);
  const record = parseGateRecord(recordValue, version.id);
  const settings = parseSettings(settingsRead);
  const rule = { leadTimeDays: settings.leadTimeDays, timeZone: deps.timeZone };
  const evaluation = evaluateGate({ version, handoff, override: record.override, rule, now: deps.now() });
  return { version, handoff, record, settings, rule, evaluation };
}

export function indexEntryOf(facts: Pick<GateFacts, 'record' | 'evaluation'>): GateIndexEntry {
  const block = latestBlock(facts.record);
  return {
    state: facts.evaluation.state,
    deadline: facts.evaluation.deadline,
    ...(block ? { blockedAt: block.at } : {}),
    ...(block?.unreleaseFailed ? { unreleaseFailed: true } : {}),
  };
}

/** Read-modify-write of one entry. The index is a cache: a failure is logged, never fatal. */
export async function updateGateIndex(deps: TriggerDeps, projectIdOrKey: string, versionId: string, entry: GateIndexEntry): Promise<void> {
  try {
    const current: GateIndex = parseGateIndex(await deps.jira.getProjectPropertyAs(projectIdOrKey, GATE_INDEX_PROPERTY_KEY, 'app'));
    await deps.jira.putProjectProperty(projectIdOrKey, GATE_INDEX_PROPERTY_KEY, withGateEntry(current, versionId, entry));
  } catch (error) {
    deps.log.error(`Could not update the gate index of project ${projectIdOrKey}`, error);
  }
}
