/**
 * The gate index: one project property (`cs-handoff.gate-index`) that holds
 *  - the gate state per unreleased version, written by the release trigger, the daily scan, overrides and
 *    status changes. It is derivable (versions + handoff + gate properties), so the scan rebuilds it from
 *    scratch each run: a deleted or stale index is repaired within a day;
 *  - a copy of the project's settings, so the overview and every handoff action read one project property
 *    instead of two. The durable settings stay in `cs-handoff.settings` (written only by saveSettings);
 *    the scan copies them in again, so a lost read-modify-write race on this property heals within a day.
 */
import { z } from 'zod';
import { appError } from '../errors';
import { jsonBytes, PROPERTY_MAX_BYTES } from '../storage-size';
import {
  evaluateGate,
  latestBlock,
  parseSettings,
  type GateInput,
  ProjectSettingsSchema,
  GateStateSchema,
  type GateEvaluation,
  type BlockEntry,
  type GateRecord,
  type GateState,
  type ProjectSettings,
} from './rules';

export const GateIndexEntrySchema = z.object({
  state: GateStateSchema,
  deadline: z.string(),
  /** ISO instant of the latest block, when there is one. */
  blockedAt: z.string().optional(),
  /**
   * The latest block's reason, shortened to BLOCK_REASON_MAX characters, so the overview can say why without
   * reading every version's gate record. Dropped first (oldest block first) when the index would not fit.
   */
  blockReason: z.string().max(200).optional(),
  /** True when the app could not put a released version back (Jira refused). */
  unreleaseFailed: z.boolean().optional(),
  /** True while an override is recorded (also when the gate is open anyway, so a later change shows it). */
  override: z.boolean().optional(),
});
export type GateIndexEntry = z.output<typeof GateIndexEntrySchema>;

/** Characters of a block's reason kept in the index (the gate record has the whole sentence). */
export const BLOCK_REASON_MAX = 200;

/** The reason as the index keeps it: whitespace collapsed, at most BLOCK_REASON_MAX characters, cut at a word with "…". */
export function shortBlockReason(reason: string): string {
  const text = reason.replace(/\s+/g, ' ').trim();
  if (text.length <= BLOCK_REASON_MAX) return text;
  const cut = text.slice(0, BLOCK_REASON_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > BLOCK_REASON_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const GateIndexSchema = z.object({
  schemaVersion: z.literal(1),
  /** ISO instant of the last full rebuild (the scan), or null when only incremental writes happened. */
  scannedAt: z.string().nullable(),
  /** Copy of the project's settings; absent in indexes written before settings moved in (read: defaults). */
  settings: ProjectSettingsSchema.optional(),
  /**
   * The site's default time zone (serverInfo) as the triggers last read it: a copy every action already
   * reads with the index, so a handoff change counts days in the site's calendar at no extra call.
   */
  timeZone: z.string().max(64).optional(),
  versions: z.record(z.string(), GateIndexEntrySchema),
});
export type GateIndex = z.output<typeof GateIndexSchema>;

export function emptyGateIndex(): GateIndex {
  return { schemaVersion: 1, scannedAt: null, versions: {} };
}

export function parseGateIndex(value: unknown): GateIndex {
  const parsed = GateIndexSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Keep readable settings even when an entry is damaged: they are the part that is not derivable.
  const settings = typeof value === 'object' && value !== null ? ProjectSettingsSchema.safeParse((value as { settings?: unknown }).settings) : null;
  return settings?.success ? { ...emptyGateIndex(), settings: settings.data } : emptyGateIndex();
}

/** The project's settings as the index holds them (defaults when it holds none). */
export function settingsOf(index: GateIndex): ProjectSettings {
  return parseSettings(index.settings);
}

export function withGateEntry(index: GateIndex, versionId: string, entry: GateIndexEntry): GateIndex {
  return { ...index, versions: { ...index.versions, [versionId]: entry } };
}

export function withoutGateEntry(index: GateIndex, versionId: string): GateIndex {
  const { [versionId]: _gone, ...versions } = index.versions;
  return { ...index, versions };
}

export function withSettings(index: GateIndex, settings: ProjectSettings): GateIndex {
  return { ...index, settings };
}

/**
 * Whether a version has an entry in the gate index: unreleased versions that are not archived, and
 * released ones Jira refused to put back, archived or not. The index is a cache the scan rebuilds with
 * this rule, so every write uses it too (an entry one writer keeps and the scan drops would come and go).
 *
 * Failing closed decides the two cases where writers used to disagree: a released version whose put-back
 * failed stays even when someone archives it (archiving does not un-release it: a person must still act,
 * and the overview must keep saying so), and a released version with no failed put-back leaves even when
 * it has an entry (it went out through the gate; its gate record keeps how).
 *
 * `entry` is the freshest one at hand: the one about to be written (from the gate record), else the stored one.
 */
export function belongsInGateIndex(version: { released: boolean; archived: boolean }, entry: GateIndexEntry | undefined): boolean {
  if (version.released) return entry?.unreleaseFailed === true;
  return !version.archived;
}

/**
 * The index with the version's entry as `belongsInGateIndex` says (`entry`, or none), or null when that
 * is what it already holds, so a caller writes only a change.
 */
export function gateIndexWith(index: GateIndex, version: { id: string; released: boolean; archived: boolean }, entry: GateIndexEntry): GateIndex | null {
  const belongs = belongsInGateIndex(version, entry);
  const current = index.versions[version.id];
  if (!belongs) return current === undefined ? null : withoutGateEntry(index, version.id);
  return JSON.stringify(current) === JSON.stringify(entry) ? null : withGateEntry(index, version.id, entry);
}

export function isAtRisk(state: GateState): boolean {
  return state !== 'ok' && state !== 'overridden';
}

/**
 * Whether the version is still out after Jira refused to put it back. A later release attempt decided
 * otherwise (allowed, or put back) ends it: the refused put-back stays in the record's blocks as history,
 * but a version released properly since must not keep a warning, nor its place in the index.
 * A record from before decisions were kept has only the block to go by.
 */
function putBackStillRefused(record: GateRecord | null, block: BlockEntry | null): boolean {
  if (!block?.unreleaseFailed) return false;
  return record?.decision === undefined || record.decision.outcome === 'could-not-put-back';
}

/** The index entry for one version, from its gate record and its evaluation. */
export function gateIndexEntry(record: GateRecord | null, evaluation: Pick<GateEvaluation, 'state' | 'deadline'>): GateIndexEntry {
  const block = latestBlock(record);
  return {
    state: evaluation.state,
    deadline: evaluation.deadline,
    ...(block ? { blockedAt: block.at } : {}),
    ...(block?.reason ? { blockReason: shortBlockReason(block.reason) } : {}),
    ...(putBackStillRefused(record, block) ? { unreleaseFailed: true } : {}),
    ...(record?.override ? { override: true } : {}),
  };
}

/** Whether the entry says an override is recorded (entries written before the flag existed: by their state). */
export function hasOverride(entry: GateIndexEntry | undefined): boolean {
  return entry?.override === true || entry?.state === 'overridden';
}

/**
 * The entry re-evaluated with new facts (a changed lead time), keeping what only the gate record knows:
 * whether an override is recorded, the latest block, a failed un-release.
 */
export function reevaluatedEntry(entry: GateIndexEntry | undefined, input: Omit<GateInput, 'override'>): GateIndexEntry {
  const evaluation = evaluateGate({ ...input, override: null });
  const overridden = hasOverride(entry);
  return {
    state: overridden && evaluation.underlying !== 'ok' ? 'overridden' : evaluation.underlying,
    deadline: evaluation.deadline,
    ...(entry?.blockedAt ? { blockedAt: entry.blockedAt } : {}),
    ...(entry?.blockedAt && entry.blockReason ? { blockReason: entry.blockReason } : {}),
    ...(entry?.unreleaseFailed ? { unreleaseFailed: true } : {}),
    ...(overridden ? { override: true } : {}),
  };
}

const isPlain = (e: GateIndexEntry): boolean => !e.blockedAt && !e.unreleaseFailed && !e.override && e.state !== 'overridden';

/**
 * The index as it can be stored (Jira's 32,768-byte limit per property). Plain entries (no block, no
 * override, no failed un-release) are derivable by the overview and the scan, so they go first; the
 * flagged ones carry what a person must see. Throws TOO_LARGE when even those do not fit.
 */
export function fitGateIndex(index: GateIndex): GateIndex {
  if (jsonBytes(index) <= PROPERTY_MAX_BYTES) return index;
  const flagged = Object.fromEntries(Object.entries(index.versions).filter(([, e]) => !isPlain(e)));
  const trimmed = { ...index, versions: flagged };
  if (jsonBytes(trimmed) <= PROPERTY_MAX_BYTES) return trimmed;
  // Then the block reasons (each version's gate record keeps the whole one), oldest block first.
  const withReason = Object.entries(trimmed.versions)
    .filter(([, e]) => e.blockReason !== undefined)
    .sort(([, a], [, b]) => (a.blockedAt ?? '').localeCompare(b.blockedAt ?? ''));
  let bytes = jsonBytes(trimmed);
  const versions = { ...trimmed.versions };
  for (const [id, entry] of withReason) {
    if (bytes <= PROPERTY_MAX_BYTES) break;
    const { blockReason: _dropped, ...rest } = entry;
    versions[id] = rest;
    bytes -= jsonBytes(entry) - jsonBytes(rest);
  }
  const shortened = { ...trimmed, versions };
  if (jsonBytes(shortened) <= PROPERTY_MAX_BYTES) return shortened;
  throw appError(
    'TOO_LARGE',
    `The project's release-gate index would exceed Jira's limit of ${PROPERTY_MAX_BYTES.toLocaleString('en-US')} bytes ` +
      `(${Object.keys(flagged).length} versions are blocked or overridden). Archive unreleased versions that will not ship, or withdraw old overrides.`,
  );
}
