/**
 * The gate index: one project property with the gate state per unreleased version, written by the
 * release trigger and the daily scan. It is derivable (versions + handoff + gate properties), so the
 * scan rebuilds it from scratch each run: a deleted or stale index is repaired within a day.
 */
import { z } from 'zod';
import { GateStateSchema, type GateState } from './rules';

export const GateIndexEntrySchema = z.object({
  state: GateStateSchema,
  deadline: z.string(),
  /** ISO instant of the latest block, when there is one. */
  blockedAt: z.string().optional(),
  /** True when the app could not put a released version back (Jira refused). */
  unreleaseFailed: z.boolean().optional(),
});
export type GateIndexEntry = z.output<typeof GateIndexEntrySchema>;

export const GateIndexSchema = z.object({
  schemaVersion: z.literal(1),
  /** ISO instant of the last full rebuild (the scan), or null when only incremental writes happened. */
  scannedAt: z.string().nullable(),
  versions: z.record(z.string(), GateIndexEntrySchema),
});
export type GateIndex = z.output<typeof GateIndexSchema>;

export function emptyGateIndex(): GateIndex {
  return { schemaVersion: 1, scannedAt: null, versions: {} };
}

export function parseGateIndex(value: unknown): GateIndex {
  const parsed = GateIndexSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyGateIndex();
}

export function withGateEntry(index: GateIndex, versionId: string, entry: GateIndexEntry): GateIndex {
  return { ...index, versions: { ...index.versions, [versionId]: entry } };
}

export function isAtRisk(state: GateState): boolean {
  return state !== 'ok' && state !== 'overridden';
}
