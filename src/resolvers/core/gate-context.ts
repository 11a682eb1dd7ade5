/**
 * What every handoff action needs from the release gate, read in the action's first (parallel) round:
 * the version's gate record (blocks, override) and the project's gate index, which also holds the
 * project's settings (lead time). Two property reads, never an extra round — except for the content
 * save, which reads the gate record, the settings and the site's zone from storage in its records'
 * storage call instead (readStoredGate) and no gate index.
 */
import { belongsInGateIndex, fitGateIndex, gateIndexEntry, gateIndexWith, parseGateIndex, settingsOf, type GateIndex } from '#domain/gate/gate-index';
import { evaluateGate, parseGateRecord, type GateRecord, type ProjectSettings } from '#domain/gate/rules';
import { gatePropertyKey, GATE_INDEX_PROPERTY_KEY, SETTINGS_PROPERTY_KEY } from '#domain/property-keys';
import type { LatenessRule } from '#domain/state';
import type { ResolverDeps } from './deps';
import type { StoredHandoff } from '#domain/handoff';
import type { JiraVersion } from '#jira';
import { gateRecordOf, settingsRecordOf, StoredGateSchema, StoredSettingsSchema } from '#domain/gate/gate-records';
import { keptZone, keptZoneOf } from '#domain/site-zone';
import { ENTITIES, SITE_ZONE_KEY, type RecordPut, type RecordRef } from '#store/port';
import { gateStoreRefs, importGateRecords } from './gate-store';
import type { Target } from './handoff-store';

export interface GateContext {
  record: GateRecord;
  index: GateIndex;
  settings: ProjectSettings;
  /** The site's time zone as the triggers last copied it into the index (absent until they ran). */
  timeZone?: string;
}

/** The gate as an action read it: without the index when read from storage (readStoredGate); refreshGateEntry reads it then. */
export type GateView = Omit<GateContext, 'index'> & { index?: GateIndex };

export async function readGateContext(deps: ResolverDeps, projectKey: string, versionId: string): Promise<GateContext> {
  const [recordValue, indexValue] = await Promise.all([deps.jira.getProjectProperty(projectKey, gatePropertyKey(versionId)), deps.jira.getProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY)]);
  const index = parseGateIndex(indexValue);
  return { record: parseGateRecord(recordValue, versionId), index, settings: settingsOf(index), ...(index.timeZone ? { timeZone: index.timeZone } : {}) };
}

/** What a content save reads beside its records, in the same storage call: gate record, settings, the kept site zone. */
export const storedGateRefs = (projectId: string, versionId: string): RecordRef[] => [
  gateStoreRefs.gate(projectId, versionId),
  gateStoreRefs.settings(projectId),
  { entity: ENTITIES.site, key: SITE_ZONE_KEY },
];

/**
 * The gate context from what storedGateRefs read (no gate index: a save does not need it unless it
 * demotes the handoff, and then refreshGateEntry reads it). Call after the access check: it may import.
 *
 * Storage is the source of truth for the gate record and the settings (gate-store.ts). Where nothing is
 * stored yet (an install whose records are not imported, a version never gated, a project whose
 * settings were never saved), their properties are read — one more round, before anything is written,
 * so a failed read fails the save as it always did — and imported in the publish round, so the next
 * change reads them in its one storage call.
 *
 * The site's time zone: the day count must use the site's calendar (Jira's serverInfo), which the save
 * used to find in the gate index's copy (one Jira call per save). It is kept in storage instead
 * (domain/site-zone.ts) and read in the same storage call; when it is missing or a day old, serverInfo
 * is read in the extra round above and the zone is kept with the save's commit (`alongside`). A failed
 * serverInfo read falls back to the zone kept before (or none: the deployment's default, as an index
 * without a zone always did); it never fails a save. (A site whose serverInfo names no zone keeps
 * nothing, so each save asks again: one call more, on such sites only.) The zone is not taken from the
 * triggers' copy in the gate index because reading that property is the very call this saves.
 */
export async function readStoredGate(deps: ResolverDeps, t: Target, stored: readonly unknown[]): Promise<{ gate: GateView; alongside: RecordPut[]; importKept: () => Promise<void> }> {
  const [gateValue, settingsValue, zoneValue] = stored;
  const now = deps.now();
  const gate = StoredGateSchema.safeParse(gateValue);
  const settings = StoredSettingsSchema.safeParse(settingsValue);
  const haveGate = gate.success && gate.data.versionId === t.versionId;
  const kept = keptZoneOf(zoneValue, now);
  const [gateProperty, settingsProperty, siteZone] = await Promise.all([
    haveGate ? null : deps.jira.getProjectPropertyAs(t.projectKey, gatePropertyKey(t.versionId), 'app'),
    settings.success ? null : deps.jira.getProjectPropertyAs(t.projectKey, SETTINGS_PROPERTY_KEY, 'app'),
    kept?.fresh ? { zone: kept.timeZone, read: false } : siteZoneOrKept(deps, kept?.timeZone ?? null),
  ]);
  const record = gateRecordOf(gateValue, gateProperty, t.versionId).value;
  const projectSettings = settingsRecordOf(settingsValue, settingsProperty).value;
  const alongside: RecordPut[] = siteZone.read && siteZone.zone ? [{ entity: ENTITIES.site, key: SITE_ZONE_KEY, value: keptZone(siteZone.zone, now) }] : [];
  // Only what is absent is imported: an unreadable stored record is replaced by the next real commit (gate-store.ts).
  const found = { ...(gateValue == null ? { gate: record } : {}), ...(settingsValue == null ? { settings: projectSettings } : {}) };
  return {
    gate: { record, settings: projectSettings, ...(siteZone.zone ? { timeZone: siteZone.zone } : {}) },
    alongside,
    importKept: () => importGateRecords(deps, t, found),
  };
}

/** `read`: Jira answered (the zone is kept again); otherwise the zone kept before, when there is one. */
async function siteZoneOrKept(deps: ResolverDeps, kept: string | null): Promise<{ zone: string | null; read: boolean }> {
  try {
    const zone = await deps.jira.getSiteTimeZone();
    return zone ? { zone, read: true } : { zone: kept, read: false };
  } catch (error) {
    deps.log.warn('Could not read the site time zone from Jira; days are counted in the zone kept before', error);
    return { zone: kept, read: false };
  }
}

/** The lateness rule of the project: the deployment's time zone, the project's lead time. */
export function ruleOf(lateness: LatenessRule, settings: ProjectSettings): LatenessRule {
  return { ...lateness, leadTimeDays: settings.leadTimeDays };
}

/**
 * Rewrites the version's gate-index entry for the handoff as it now is (membership: belongsInGateIndex),
 * when that changes the index. Goes in the write round of the action; a failure is logged (the scan repairs it).
 */
export async function refreshGateEntry(deps: ResolverDeps, projectKey: string, version: JiraVersion, gate: GateView | null, handoff: StoredHandoff, now: Date): Promise<void> {
  if (gate === null) return;
  const evaluation = evaluateGate({ version, handoff, override: gate.record.override, rule: ruleOf(deps.lateness, gate.settings), now, walkthroughGate: gate.settings.walkthroughGate });
  const entry = gateIndexEntry(gate.record, evaluation);
  // An action that read the gate from storage reads the index only now, when an entry may change (one more
  // round); not for a version that has no place in it: a stale entry there holds nothing a person must act on.
  if (gate.index === undefined && !belongsInGateIndex(version, entry)) return;
  const index = gate.index ?? (await readGateIndex(deps, projectKey));
  const next = index && gateIndexWith(index, version, entry);
  if (next) await putGateIndex(deps, projectKey, next);
}

/** The index for refreshGateEntry; a failed read is logged and the entry left to the scan, like a failed write. */
async function readGateIndex(deps: ResolverDeps, projectKey: string): Promise<GateIndex | null> {
  try {
    return parseGateIndex(await deps.jira.getProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY));
  } catch (error) {
    deps.log.error(`Could not read the gate index of project ${projectKey}`, error);
    return null;
  }
}

/** The gate index is a cache (the scan rebuilds it): failing to write it must not fail what the person did. */
export async function putGateIndex(deps: ResolverDeps, projectKey: string, index: GateIndex): Promise<void> {
  try {
    await deps.jira.putProjectProperty(projectKey, GATE_INDEX_PROPERTY_KEY, fitGateIndex(index));
  } catch (error) {
    deps.log.error(`Could not update the gate index of project ${projectKey}`, error);
  }
}
