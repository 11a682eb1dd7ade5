/**
 * The handoff as separate records, each with its own revision: the content (document, status, who
 * changed it), the walkthrough and the rollout. Committing one never touches the others, so recording a
 * walkthrough question never conflicts with a content edit. Each record is published whole to its own
 * project property (`publishedKey`), within Jira's 32,768 bytes. Pure: schemas, composing the handoff
 * the UI sees, importing one stored before the records existed.
 */
import { z } from 'zod';
import { appError } from './errors';
import { HandoffContentSchema, HandoffStatusSchema, StoredHandoffSchema, type StoredHandoff } from './handoff';
import { RolloutSchema } from './living/rollout-schema';
import { PersonRefSchema } from './person';
import { handoffPropertyKey } from './property-keys';
import { jsonBytes, PROPERTY_MAX_BYTES, assertHandoffFits } from './storage-size';
import { WalkthroughSchema } from './walkthrough/schema';

/** What every record carries: where it belongs, its compare-and-set revision, and who changed it when. */
export const RecordStamp = {
  schemaVersion: z.literal(1),
  projectId: z.string(),
  versionId: z.string(),
  /** The version id as a number, the overview's sort order (the index's range attribute). */
  versionNumber: z.number().int().positive(),
  /** 1 for the first commit, +1 per commit: the compare-and-set token. */
  revision: z.number().int().positive(),
  /** A fresh id per commit: after an answer lost on the way back, tells whether this commit is the stored one. */
  writeId: z.string().max(64),
  updatedAt: z.string(),
  updatedBy: PersonRefSchema,
};

export const ContentRecordSchema = z.object({
  ...RecordStamp,
  content: HandoffContentSchema,
  status: HandoffStatusSchema,
  /** ISO instant the handoff last became ready; null while draft. */
  readyAt: z.string().nullable(),
  /** The Jira time zone of who marked it ready (StoredHandoffSchema.readyTimeZone). */
  readyTimeZone: z.string().min(1).max(64).nullable().optional(),
});
export type ContentRecord = z.output<typeof ContentRecordSchema>;

export const WalkthroughRecordSchema = z.object({ ...RecordStamp, walkthrough: WalkthroughSchema });
export type WalkthroughRecord = z.output<typeof WalkthroughRecordSchema>;

export const RolloutRecordSchema = z.object({ ...RecordStamp, rollout: RolloutSchema });
export type RolloutRecord = z.output<typeof RolloutRecordSchema>;

export type RecordKind = 'content' | 'walkthrough' | 'rollout';

export const RECORD_LABELS: Record<RecordKind, string> = { content: 'The handoff', walkthrough: 'The walkthrough', rollout: 'The rollout' };

/** The project property each record is published to. The content keeps the key handoffs always had. */
export function publishedKey(kind: RecordKind, versionId: string): string {
  return kind === 'content' ? handoffPropertyKey(versionId) : `cs-handoff.${kind}.${versionId}`;
}

export interface HandoffRecords {
  content: ContentRecord | null;
  walkthrough: WalkthroughRecord | null;
  rollout: RolloutRecord | null;
}

/** Revisions of the three records; 0 for a record not stored yet. */
export interface RecordRevisions {
  content: number;
  walkthrough: number;
  rollout: number;
}

export const revisionsOf = (records: HandoffRecords): RecordRevisions => ({
  content: records.content?.revision ?? 0,
  walkthrough: records.walkthrough?.revision ?? 0,
  rollout: records.rollout?.revision ?? 0,
});

/** The handoff as the UI and the gate see it: the content record with the walkthrough and rollout beside it. */
export function composeHandoff(records: HandoffRecords): StoredHandoff | null {
  const { content } = records;
  if (!content) return null;
  return {
    schemaVersion: 1,
    versionId: content.versionId,
    projectId: content.projectId,
    content: content.content,
    status: content.status,
    readyAt: content.readyAt,
    ...(content.readyTimeZone ? { readyTimeZone: content.readyTimeZone } : {}),
    revision: content.revision,
    updatedAt: content.updatedAt,
    updatedBy: content.updatedBy,
    writeId: content.writeId,
    ...(records.rollout ? { rollout: records.rollout.rollout } : {}),
    ...(records.walkthrough ? { walkthrough: records.walkthrough.walkthrough } : {}),
  };
}

/** What is published for the content: the handoff's long-standing property shape (without walkthrough and rollout). */
export function publishedContent(record: ContentRecord): StoredHandoff {
  return composeHandoff({ content: record, walkthrough: null, rollout: null }) as StoredHandoff;
}

/** The value published for a record: readable by any Jira REST client, parsed back by `parsePublished`. */
export function publishedValue(kind: RecordKind, record: ContentRecord | WalkthroughRecord | RolloutRecord): unknown {
  return kind === 'content' ? publishedContent(record as ContentRecord) : record;
}

/**
 * Refuses a record that would not fit in its property, naming the record: a long walkthrough can never
 * fill the content's budget, and its error never blames the content.
 */
export function assertRecordFits(kind: RecordKind, record: ContentRecord | WalkthroughRecord | RolloutRecord): void {
  if (kind === 'content') return assertHandoffFits(publishedContent(record as ContentRecord));
  const bytes = jsonBytes(record);
  if (bytes <= PROPERTY_MAX_BYTES) return;
  const over = (bytes - PROPERTY_MAX_BYTES).toLocaleString('en-US');
  throw appError(
    'TOO_LARGE',
    `${RECORD_LABELS[kind]} is ${over} bytes over Jira's limit of ${PROPERTY_MAX_BYTES.toLocaleString('en-US')} bytes (it is ${bytes.toLocaleString('en-US')} bytes). ` +
      (kind === 'walkthrough' ? 'Shorten or remove some walkthrough questions.' : 'Shorten what was learned at each stage.'),
    { fields: { [kind]: `${RECORD_LABELS[kind]} is too large` } },
  );
}

const versionNumberOf = (versionId: string): number => Number(versionId);

/**
 * The records of a handoff stored before records existed (one property holding everything). The
 * content keeps the stored revision, so an editor opened on it saves without a conflict; walkthrough
 * and rollout start at revision 1.
 */
export function importLegacy(value: unknown, projectId: string, versionId: string): HandoffRecords | null {
  const parsed = StoredHandoffSchema.safeParse(value);
  if (!parsed.success || parsed.data.versionId !== versionId) return null;
  const h = parsed.data;
  const stamp = { schemaVersion: 1 as const, projectId, versionId, versionNumber: versionNumberOf(versionId), writeId: h.writeId ?? 'imported', updatedAt: h.updatedAt, updatedBy: h.updatedBy };
  return {
    content: { ...stamp, revision: Math.max(1, h.revision), content: h.content, status: h.status, readyAt: h.readyAt },
    walkthrough: h.walkthrough ? { ...stamp, revision: 1, walkthrough: h.walkthrough } : null,
    rollout: h.rollout ? { ...stamp, revision: 1, rollout: h.rollout } : null,
  };
}

export interface RecordTarget {
  projectId: string;
  versionId: string;
}

/** The next revision of a record (or its first), stamped with who, when and a fresh write id. */
export function nextStamp(previous: { revision: number } | null, target: RecordTarget, by: z.output<typeof PersonRefSchema>, at: string, writeId: string) {
  return {
    schemaVersion: 1 as const,
    projectId: target.projectId,
    versionId: target.versionId,
    versionNumber: versionNumberOf(target.versionId),
    revision: (previous?.revision ?? 0) + 1,
    writeId,
    updatedAt: at,
    updatedBy: by,
  };
}
