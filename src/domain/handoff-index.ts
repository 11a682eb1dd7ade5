/**
 * The overview index: one small project property that lists, per version with a handoff, what the
 * overview shows, so listing releases costs one property read however many versions there are.
 *
 * Entries are tuples with instants as epoch seconds because the index must hold hundreds of
 * versions within one 32,768-byte property: about 40 bytes per version, so roughly 800 fit.
 * The per-version property stays the source of truth; the index is rewritten on the first save and
 * on every status change, so its `revision`/`updatedAt` are as of the last such write.
 */
import { z } from 'zod';
import type { HandoffStatus, StoredHandoff } from './handoff';
import { assertIndexFits } from './storage-size';

const StatusCode = z.enum(['d', 'r']);
const EpochSeconds = z.number().int().nonnegative();

/** A 5th element, present only once a walkthrough is recorded: its unsettled questions (older entries have 4). */
const IndexEntryTuple = z.union([
  z.tuple([StatusCode, EpochSeconds.nullable(), z.number().int().nonnegative(), EpochSeconds]),
  z.tuple([StatusCode, EpochSeconds.nullable(), z.number().int().nonnegative(), EpochSeconds, z.number().int().nonnegative()]),
]);

export const HandoffIndexSchema = z.object({
  schemaVersion: z.literal(1),
  /** versionId → [status 'd'|'r', readyAt epoch s | null, revision, updatedAt epoch s] */
  versions: z.record(z.string(), IndexEntryTuple),
});
export type HandoffIndex = z.output<typeof HandoffIndexSchema>;

export interface IndexEntry {
  status: HandoffStatus;
  readyAt: string | null;
  revision: number;
  updatedAt: string;
  /** Unsettled walkthrough questions; null when no walkthrough is recorded (or not yet indexed). */
  unsettledQuestions: number | null;
}

export function emptyIndex(): HandoffIndex {
  return { schemaVersion: 1, versions: {} };
}

/** A missing or unreadable index reads as empty: it is a cache of the per-version properties. */
export function parseIndex(value: unknown): HandoffIndex {
  const parsed = HandoffIndexSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyIndex();
}

const toSeconds = (iso: string): number => Math.max(0, Math.floor(Date.parse(iso) / 1000));
const toIso = (seconds: number): string => new Date(seconds * 1000).toISOString();

export function indexEntry(index: HandoffIndex, versionId: string): IndexEntry | null {
  const tuple = index.versions[versionId];
  if (!tuple) return null;
  const [status, readyAt, revision, updatedAt, unsettled] = tuple;
  return {
    status: status === 'r' ? 'ready' : 'draft',
    readyAt: readyAt === null ? null : toIso(readyAt),
    revision,
    updatedAt: toIso(updatedAt),
    unsettledQuestions: unsettled ?? null,
  };
}

/**
 * A new index with the handoff's entry replaced; throws TOO_LARGE when it would not fit in one property
 * (unless `checkSize` is false: the scan adds many entries and checks once at the end).
 */
export function withHandoff(index: HandoffIndex, handoff: StoredHandoff, { checkSize = true }: { checkSize?: boolean } = {}): HandoffIndex {
  const next: HandoffIndex = {
    schemaVersion: 1,
    versions: {
      ...index.versions,
      [handoff.versionId]: [
        handoff.status === 'ready' ? 'r' : 'd',
        handoff.readyAt === null ? null : toSeconds(handoff.readyAt),
        handoff.revision,
        toSeconds(handoff.updatedAt),
        ...(handoff.walkthrough ? [handoff.walkthrough.questions.filter((q) => q.settlement === null).length] : []),
      ] as z.output<typeof IndexEntryTuple>,
    },
  };
  if (checkSize) assertIndexFits(next, Object.keys(next.versions).length);
  return next;
}

/** A new index without the version's entry (it has no handoff). */
export function withoutHandoff(index: HandoffIndex, versionId: string): HandoffIndex {
  if (!(versionId in index.versions)) return index;
  const { [versionId]: _gone, ...versions } = index.versions;
  return { ...index, versions };
}
