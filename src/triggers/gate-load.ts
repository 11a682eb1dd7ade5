/** Reads everything the gate decides on for one version, as the app, in one parallel round. */
import { StoredHandoffSchema, type StoredHandoff } from '#domain/handoff';
import { fitGateIndex, gateIndexEntry, parseGateIndex, withGateEntry, withoutGateEntry, type GateIndex, type GateIndexEntry } from '#domain/gate/gate-index';
import { gateRecordOf, settingsRecordOf, type StoredGate, type Versioned } from '#domain/gate/gate-records';
import { evaluateGate, type GateEvaluation, type GateRecord, type ProjectSettings } from '#domain/gate/rules';
import { gatePropertyKey, GATE_INDEX_PROPERTY_KEY, handoffPropertyKey, SETTINGS_PROPERTY_KEY } from '#domain/property-keys';
import { calendarDateIn } from '#domain/calendar';
import { dayTimeZone, type LatenessRule } from '#domain/state';
import type { JiraVersion } from '#jira';
import type { TriggerDeps } from './deps';
import { composeHandoff, ContentRecordSchema, RolloutRecordSchema, WalkthroughRecordSchema, type HandoffRecords } from '#domain/records';
import { ENTITIES, versionKey } from '#store/port';
import { gateStoreRefs, gateToRepublish } from '#resolvers/core/gate-store';

/** Records that do not parse count as absent: the gate then treats the handoff as missing (fail closed). */
function parseRecordsLeniently(values: { content: unknown; walkthrough: unknown; rollout: unknown }): HandoffRecords {
  const parse = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, v: unknown): T | null => (v === undefined ? null : (schema.safeParse(v).data ?? null));
  return {
    content: parse(ContentRecordSchema, values.content),
    walkthrough: parse(WalkthroughRecordSchema, values.walkthrough),
    rollout: parse(RolloutRecordSchema, values.rollout),
  };
}

export interface GateFacts {
  version: JiraVersion;
  handoff: StoredHandoff | null;
  record: GateRecord;
  settings: ProjectSettings;
  rule: LatenessRule;
  evaluation: GateEvaluation;
  /** The project's gate index as read with the facts (only with `withIndex`). */
  index: GateIndex | null;
  /** 'YYYY-MM-DD': the day it was released in the version's calendar, when judging a release. */
  releasedOn?: string | undefined;
}

export function parseHandoffLeniently(value: unknown, versionId: string, deps: Pick<TriggerDeps, 'log'>): StoredHandoff | null {
  if (value === null || value === undefined) return null;
  const parsed = StoredHandoffSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // An unreadable handoff cannot prove it is on time: the gate treats it as missing and says so in the log.
  deps.log.error(`Stored handoff for version ${versionId} does not match the schema; the gate treats it as missing`);
  return null;
}

export interface GateReadOptions {
  /** The project's settings, when the caller read them once for many versions (the scan). */
  settings?: ProjectSettings;
  /** Also read the gate index, for a caller that will update it. */
  withIndex?: boolean;
}

export interface GateReads {
  projectId: string;
  handoffValue: unknown;
  /** The version's gate record as stored (or as published, before gate records existed) and its revision. */
  gate: Versioned<GateRecord>;
  settings: ProjectSettings;
  index: GateIndex | null;
  /** The stored gate record when its property is behind it (from the reads above): the scan publishes it again. */
  gateToRepublish: StoredGate | null;
}

/**
 * One parallel round: the version's records (the handoff's three, its gate record and the project's
 * settings: one storage call), the handoff's, gate record's and settings' properties (what was stored
 * before records existed), plus the gate index with `withIndex`. The gate never decides on the index's
 * cached copy of the settings. Needs only the ids, so the release trigger can run it beside its version read.
 */
export async function readGateInputs(deps: TriggerDeps, projectId: string, versionId: string, options: GateReadOptions = {}): Promise<GateReads> {
  const key = versionKey(projectId, versionId);
  const [records, publishedValue, recordValue, settingsValue, indexValue] = await Promise.all([
    deps.store.getMany([
      { entity: ENTITIES.content, key },
      { entity: ENTITIES.walkthrough, key },
      { entity: ENTITIES.rollout, key },
      gateStoreRefs.gate(projectId, versionId),
      ...(options.settings === undefined ? [gateStoreRefs.settings(projectId)] : []),
    ]),
    deps.jira.getProjectPropertyAs(projectId, handoffPropertyKey(versionId), 'app'),
    deps.jira.getProjectPropertyAs(projectId, gatePropertyKey(versionId), 'app'),
    options.settings === undefined ? deps.jira.getProjectPropertyAs(projectId, SETTINGS_PROPERTY_KEY, 'app') : Promise.resolve(undefined),
    options.withIndex ? deps.jira.getProjectPropertyAs(projectId, GATE_INDEX_PROPERTY_KEY, 'app') : Promise.resolve(undefined),
  ]);
  // The records are the truth; a handoff stored before records existed is still only its property.
  const [content, walkthrough, rollout, gate, settings] = records;
  const composed = content === undefined ? null : composeHandoff(parseRecordsLeniently({ content, walkthrough, rollout }));
  return {
    projectId,
    handoffValue: composed ?? publishedValue,
    gate: gateRecordOf(gate, recordValue, versionId),
    settings: options.settings ?? settingsRecordOf(settings, settingsValue).value,
    index: options.withIndex ? parseGateIndex(indexValue) : null,
    gateToRepublish: gateToRepublish(gate, recordValue, versionId),
  };
}

export interface JudgedAs {
  /** The site's time zone (`siteTimeZone`); absent or null: the zone of who marked it ready, else `deps.timeZone`. */
  siteTimeZone?: string | null;
  /** The instant it was released, when judging a release: `releasedOn` is its day in the version's calendar. */
  releasedAt?: string;
  /** 'YYYY-MM-DD': the day it was released, when judging a release (see `evaluateGate`). */
  releasedOn?: string;
}

/** The gate's facts for a version from what `readGateInputs` read. */
export function gateFactsOf(deps: TriggerDeps, version: JiraVersion, reads: GateReads, judged: JudgedAs = {}): GateFacts {
  const handoff = parseHandoffLeniently(reads.handoffValue, version.id, deps);
  const record = reads.gate.value;
  const rule = { leadTimeDays: reads.settings.leadTimeDays, timeZone: dayTimeZone(judged.siteTimeZone, handoff?.readyTimeZone, deps.timeZone) };
  const releasedOn = judged.releasedAt ? calendarDateIn(new Date(judged.releasedAt), rule.timeZone) : judged.releasedOn;
  const evaluation = evaluateGate({
    version,
    handoff,
    override: record.override,
    rule,
    now: deps.now(),
    walkthroughGate: reads.settings.walkthroughGate,
    ...(releasedOn ? { releasedOn } : {}),
  });
  return { version, handoff, record, settings: reads.settings, rule, evaluation, index: reads.index, releasedOn };
}

export async function loadGateFacts(deps: TriggerDeps, version: JiraVersion, options: GateReadOptions = {}, judged: JudgedAs = {}): Promise<GateFacts> {
  return gateFactsOf(deps, version, await readGateInputs(deps, version.projectId, version.id, options), judged);
}

export function indexEntryOf(facts: Pick<GateFacts, 'record' | 'evaluation'>): GateIndexEntry {
  return gateIndexEntry(facts.record, facts.evaluation);
}

/**
 * Writes one entry into the index read with the facts (or reads it now), refreshing its copy of the
 * settings with the durable ones read with the facts. The index is a cache: a failure is logged, never fatal.
 */
export async function updateGateIndex(
  deps: TriggerDeps,
  projectIdOrKey: string,
  versionId: string,
  /** null: the version left the index (released through the gate). */
  entry: GateIndexEntry | null,
  read: { index?: GateIndex | null; settings?: ProjectSettings; timeZone?: string } = {},
): Promise<void> {
  try {
    const current: GateIndex = read.index ?? parseGateIndex(await deps.jira.getProjectPropertyAs(projectIdOrKey, GATE_INDEX_PROPERTY_KEY, 'app'));
    // The durable settings were read with the facts: refresh the index's copy with them.
    const settings = read.settings ?? current.settings;
    const base = { ...current, ...(settings ? { settings } : {}), ...(read.timeZone ? { timeZone: read.timeZone } : {}) };
    const next = entry ? withGateEntry(base, versionId, entry) : withoutGateEntry(base, versionId);
    await deps.jira.putProjectProperty(projectIdOrKey, GATE_INDEX_PROPERTY_KEY, fitGateIndex(next));
  } catch (error) {
    deps.log.error(`Could not update the gate index of project ${projectIdOrKey}`, error);
  }
}
