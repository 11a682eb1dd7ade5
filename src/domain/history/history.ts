/**
 * The revision history of a handoff: every save (content, status, rollout, walkthrough) leaves a
 * record of who changed which sections, with a snapshot of the content, so "what changed since I
 * last read it?" can be answered between any two kept revisions. Pure: the resolvers read and write
 * the pages.
 *
 * Storage (Jira project properties, never inside the handoff's own property, so reading the handoff
 * costs the same however long its history is):
 *
 *   cs-handoff.history.<versionId>.head     the head page: the newest records
 *   cs-handoff.history.<versionId>.<0..9>   archive slots: a full head page moves to slot page % 10
 *
 * A page holds as many records as fit in Jira's 32,768-byte property limit (checked with the same
 * byte measure as the handoff). When the next record does not fit, the head is copied whole to its
 * archive slot and a new head page starts, both in the same parallel write as the handoff. The ten
 * slots are a ring: archiving page p overwrites page p − 10. So the history keeps the head plus the
 * 10 most recent full pages — bound: at most 11 properties of at most 32,768 bytes per version.
 * That is at least the last 11 revisions even when every snapshot is at the maximum size, and in
 * practice (a typical handoff snapshot is 1–3 KB) the last 100–300 revisions; older ones are dropped.
 * A record whose snapshot alone would not fit in an empty page keeps its metadata but no snapshot.
 */
import { z } from 'zod';
import { changedSections } from '../living/diff';
import { HandoffContentSchema, type HandoffContent, type StoredHandoff } from '../handoff';
import { emptyContent } from '../handoff-defaults';
import { PersonRefSchema } from '../person';
import { jsonBytes, PROPERTY_MAX_BYTES } from '../storage-size';

export const HISTORY_KEY_PREFIX = 'cs-handoff.history.';
/** Archive slots per version (the ring). */
export const HISTORY_ARCHIVE_SLOTS = 10;

export const historyHeadKey = (versionId: string): string => `${HISTORY_KEY_PREFIX}${versionId}.head`;
export const historyArchiveKey = (versionId: string, page: number): string => `${HISTORY_KEY_PREFIX}${versionId}.${page % HISTORY_ARCHIVE_SLOTS}`;
/** Every archive slot's key, for reading the whole history in one parallel round. */
export const historyArchiveKeys = (versionId: string): string[] => Array.from({ length: HISTORY_ARCHIVE_SLOTS }, (_, slot) => historyArchiveKey(versionId, slot));

/** Section names a revision records besides the content's own (from living/diff's SECTION_NAMES). */
export const EXTRA_SECTIONS = { status: 'Status', rollout: 'Rollout', walkthrough: 'Walkthrough' } as const;

export const HistoryRecordSchema = z.object({
  revision: z.number().int().positive(),
  at: z.string(),
  by: PersonRefSchema,
  /** What changed in this revision, in the handoff's order, then Status, Rollout, Walkthrough. */
  sections: z.array(z.string().max(40)).max(20),
  /** The content as of this revision; null only when the snapshot was too big to keep (see above). */
  content: HandoffContentSchema.nullable(),
  /** The handoff's `writeId` of this revision; absent in records written before write ids existed. */
  writeId: z.string().max(64).optional(),
});
export type HistoryRecord = z.output<typeof HistoryRecordSchema>;

export const HistoryPageSchema = z.object({
  schemaVersion: z.literal(1),
  versionId: z.string(),
  /** 1, 2, 3, … The head page's number; an archived page keeps the number it had as head. */
  page: z.number().int().positive(),
  /** Oldest first. */
  records: z.array(HistoryRecordSchema),
});
export type HistoryPage = z.output<typeof HistoryPageSchema>;

/** A missing or unreadable page reads as null: history is a record, never a reason to fail a save. */
export function parseHistoryPage(value: unknown, versionId: string): HistoryPage | null {
  const parsed = HistoryPageSchema.safeParse(value);
  return parsed.success && parsed.data.versionId === versionId ? parsed.data : null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Which sections a revision changed, from the handoff before (null: none yet) and after it. */
export function revisionSections(before: StoredHandoff | null, after: StoredHandoff): string[] {
  const sections: string[] = changedSections(before?.content ?? emptyContent(), after.content);
  if (before !== null && before.status !== after.status) sections.push(EXTRA_SECTIONS.status);
  if (!same(before?.rollout, after.rollout)) sections.push(EXTRA_SECTIONS.rollout);
  if (!same(before?.walkthrough, after.walkthrough)) sections.push(EXTRA_SECTIONS.walkthrough);
  return sections;
}

export function revisionRecord(before: StoredHandoff | null, after: StoredHandoff): HistoryRecord {
  return {
    revision: after.revision,
    at: after.updatedAt,
    by: after.updatedBy,
    sections: revisionSections(before, after),
    content: after.content,
    ...(after.writeId !== undefined ? { writeId: after.writeId } : {}),
  };
}

/**
 * The history record of a walkthrough or rollout change: who and when, under its own section name. Those
 * records have their own revisions and no copy of the content (nothing to compare).
 */
export function recordChangeRecord(kind: 'walkthrough' | 'rollout', after: { revision: number; updatedAt: string; updatedBy: HistoryRecord['by']; writeId: string }): HistoryRecord {
  return { revision: after.revision, at: after.updatedAt, by: after.updatedBy, sections: [EXTRA_SECTIONS[kind]], content: null, writeId: after.writeId };
}

/**
 * The records that belong to the stored handoff's lineage. A head page can hold records of writes that
 * never became the handoff: a save whose history PUT landed but whose handoff PUT failed (its revision
 * is above the stored one), or one of two concurrent saves that lost (same revision as the accepted
 * one, another writeId). So: records above the stored revision are dropped, and a record whose revision
 * is in the handoff's `acceptedWrites` ring must carry that entry's writeId. Older records (before the
 * ring, or before write ids existed) are kept as they are. `stored` null (no handoff): nothing to check.
 */
export function acceptedRecords(records: readonly HistoryRecord[], stored: Pick<StoredHandoff, 'revision' | 'acceptedWrites'> | null): HistoryRecord[] {
  if (!stored) return [...records];
  const accepted = new Map((stored.acceptedWrites ?? []).map((w) => [w.revision, w.writeId]));
  return records.filter((r) => r.revision <= stored.revision && (!accepted.has(r.revision) || accepted.get(r.revision) === r.writeId));
}

export const pageFits = (page: HistoryPage): boolean => jsonBytes(page) <= PROPERTY_MAX_BYTES;

export interface HistoryWrite {
  /** The new head page. */
  head: HistoryPage;
  /** The previous head, to write to its archive slot, when it was full. */
  archive: HistoryPage | null;
}

/**
 * The pages to write after appending `record`. Records at or after its revision are dropped from the
 * head first: they can only be left by a save whose history write landed but whose handoff write did not.
 */
export function appendRecord(currentHead: HistoryPage | null, versionId: string, record: HistoryRecord): HistoryWrite {
  const head: HistoryPage = currentHead ? { ...currentHead, records: currentHead.records.filter((r) => r.revision < record.revision) } : { schemaVersion: 1, versionId, page: 1, records: [] };
  const appended: HistoryPage = { ...head, records: [...head.records, record] };
  if (pageFits(appended)) return { head: appended, archive: null };
  const archive = head.records.length > 0 ? head : null;
  const fresh: HistoryPage = { schemaVersion: 1, versionId, page: archive ? head.page + 1 : head.page, records: [record] };
  if (pageFits(fresh)) return { head: fresh, archive };
  return { head: { ...fresh, records: [{ ...record, content: null }] }, archive };
}

/** The archive pages that belong to the history whose head is `headPage` (the ring's live pages). */
export function liveArchivePages(headPage: number): number[] {
  const first = Math.max(1, headPage - HISTORY_ARCHIVE_SLOTS);
  return Array.from({ length: headPage - first }, (_, i) => first + i);
}

/**
 * Every kept record, newest first, from the head and whatever archive slots were read (in slot
 * order or any order: a slot counts only when it holds a page the head says is live).
 */
export function collectRecords(head: HistoryPage | null, archives: readonly (HistoryPage | null)[]): HistoryRecord[] {
  if (!head) return [];
  const live = new Set(liveArchivePages(head.page));
  const pages = archives.filter((p): p is HistoryPage => p !== null && live.has(p.page)).sort((a, b) => a.page - b.page);
  const byRevision = new Map<number, HistoryRecord>();
  for (const page of [...pages, head]) for (const record of page.records) byRevision.set(record.revision, record);
  return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
}

/** The content at a revision: revision 0 is the empty handoff before the first save. */
export function contentAt(records: readonly HistoryRecord[], revision: number): HandoffContent | null {
  if (revision === 0) return emptyContent();
  return records.find((r) => r.revision === revision)?.content ?? null;
}
