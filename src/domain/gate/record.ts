/**
 * The per-version gate record: the blocks (each release the gate put back, or could not), the override
 * and the decision of each release attempt, as stored.
 */
import { z } from 'zod';
import { jsonBytes, PROPERTY_MAX_BYTES } from '../storage-size';

export type GateState = 'ok' | 'missing' | 'due-soon' | 'overdue' | 'late' | 'overridden';

/** Block entries kept per version (oldest dropped first). */
export const MAX_BLOCKS = 20;

const Person = z.object({ accountId: z.string().min(1).max(128), displayName: z.string().max(255).optional() });

export const GateStateSchema = z.enum(['ok', 'missing', 'due-soon', 'overdue', 'late', 'overridden']);

export const BlockEntrySchema = z.object({
  at: z.string(),
  releasedBy: Person,
  /** In words a release manager understands: what is wrong and by when it had to be done. */
  reason: z.string().max(1000),
  gateState: GateStateSchema,
  /** Same release attempt delivered twice → same key; see `releaseEventKey`. */
  eventKey: z.string().max(300),
  /** Set when Jira refused to put the version back to unreleased: what Jira said. */
  unreleaseFailed: z.string().max(500).optional(),
});
export type BlockEntry = z.output<typeof BlockEntrySchema>;

export const OverrideSchema = z.object({ by: Person, at: z.string(), reason: z.string().min(10).max(500) });
export type GateOverride = z.output<typeof OverrideSchema>;

/**
 * How the latest release of the version was decided. `put-back`: blocked and unreleased again, so a
 * version that is released now was released again since (not decided yet); the other two outcomes
 * decide the release the version is in.
 */
export const ReleaseDecisionSchema = z.object({
  at: z.string(),
  outcome: z.enum(['allowed', 'put-back', 'could-not-put-back']),
  gateState: GateStateSchema,
  /** 'YYYY-MM-DD': the day the app saw it released, in the gate's time zone. */
  releasedOn: z.string(),
  /** When the deciding check saw the version released (tells which release a decision was about). */
  observedAt: z.string().optional(),
  /** In words: why it was allowed, or why it was blocked (and what Jira said when it could not be put back). */
  why: z.string().max(1500),
});
export type ReleaseDecision = z.output<typeof ReleaseDecisionSchema>;

export const GateRecordSchema = z.object({
  schemaVersion: z.literal(1),
  versionId: z.string(),
  blocks: z.array(BlockEntrySchema).max(MAX_BLOCKS),
  override: OverrideSchema.nullable(),
  /** The latest release attempt's decision (also the last of `decisions`). */
  decision: ReleaseDecisionSchema.optional(),
  /** One decision per release attempt, oldest first (the last MAX_BLOCKS kept). */
  decisions: z.array(ReleaseDecisionSchema).max(MAX_BLOCKS).optional(),
  /** Set when the release trigger could not decide (Jira failing); the frequent re-check decides it then. */
  undecided: z.object({ since: z.string(), error: z.string().max(500) }).optional(),
});
export type GateRecord = z.output<typeof GateRecordSchema>;

export function emptyGateRecord(versionId: string): GateRecord {
  return { schemaVersion: 1, versionId, blocks: [], override: null };
}

/**
 * The record as it can be stored (Jira's 32,768-byte limit per property): the oldest blocks go first,
 * the override and the latest block always stay.
 */
export function fitGateRecord(record: GateRecord): GateRecord {
  let next = record;
  while (jsonBytes(next) > PROPERTY_MAX_BYTES && (next.blocks.length > 1 || (next.decisions?.length ?? 0) > 1)) {
    next = { ...next, blocks: next.blocks.length > 1 ? next.blocks.slice(1) : next.blocks, ...(next.decisions && next.decisions.length > 1 ? { decisions: next.decisions.slice(1) } : {}) };
  }
  return next;
}

/** A missing record is an empty one; an unreadable one is also treated as empty (it is only history). */
export function parseGateRecord(value: unknown, versionId: string): GateRecord {
  const parsed = GateRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyGateRecord(versionId);
}

export function latestBlock(record: GateRecord | null): BlockEntry | null {
  return record?.blocks[record.blocks.length - 1] ?? null;
}
