/**
 * The CS handoff document: one per Jira version. Pure schema and types, no I/O.
 *
 * Limits are chosen so that a full handoff (every list at its maximum) still serialises well under
 * Jira's 32,768-byte property limit for typical text; `storage-size.ts` checks the real byte size
 * before any write, because multi-byte text can still exceed it.
 */
import { z } from 'zod';
import { RolloutSchema } from './living/rollout-schema';
import { PersonRefSchema } from './person';
import { WalkthroughSchema } from './walkthrough/schema';

export const LIMITS = {
  whatsNew: 1500,
  step: 300,
  steps: 20,
  limitation: 300,
  limitations: 15,
  question: 300,
  answer: 1000,
  questions: 10,
  escalation: 1500,
  url: 1000,
} as const;

/** Text that must not be only white space when present. Trimmed so stored text has no stray padding. */
const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text` })
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { error: `${label} must be at most ${max} characters` }));

const httpsUrl = z
  .string({ error: 'Dashboard link must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(LIMITS.url, { error: `Dashboard link must be at most ${LIMITS.url} characters` })
      .refine((s) => s === '' || isHttpsUrl(s), { error: 'Dashboard link must be an https:// URL' }),
  );

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const QuestionSchema = z.object({
  question: text(LIMITS.question, 'Question'),
  answer: text(LIMITS.answer, 'Answer'),
});

export const HandoffContentSchema = z.object({
  whatsNew: text(LIMITS.whatsNew, "What's new"),
  happyPath: z.array(text(LIMITS.step, 'Happy path step'), { error: 'Happy path must be a list of steps' }).max(LIMITS.steps, { error: `Happy path can have at most ${LIMITS.steps} steps` }),
  limitations: z
    .array(text(LIMITS.limitation, 'Known limitation'), { error: 'Known limitations must be a list' })
    .max(LIMITS.limitations, { error: `Known limitations can have at most ${LIMITS.limitations} items` }),
  /** The PO's explicit "none known": an empty limitations list only counts as ready with this set. */
  noKnownLimitations: z.boolean({ error: 'None known must be true or false' }),
  questions: z.array(QuestionSchema, { error: 'Likely questions must be a list' }).max(LIMITS.questions, { error: `Likely questions can have at most ${LIMITS.questions} entries` }),
  escalation: z.object({
    l1LookUp: text(LIMITS.escalation, 'L1: how to look it up'),
    l2Reproduce: text(LIMITS.escalation, 'L2: how to reproduce'),
  }),
  dashboardUrl: httpsUrl,
});

export type HandoffContent = z.output<typeof HandoffContentSchema>;
export type Question = z.output<typeof QuestionSchema>;

/** Entries kept in `StoredHandoff.acceptedWrites`. */
export const ACCEPTED_WRITES_KEPT = 10;

export const AcceptedWriteSchema = z.object({
  revision: z.number().int().nonnegative(),
  writeId: z.string().max(64),
  /** accountId of the writer (the ring must stay small: it rides in every handoff property). */
  by: z.string().max(128),
  at: z.string(),
});
export type AcceptedWrite = z.output<typeof AcceptedWriteSchema>;

// Defined in person.ts so the rollout and walkthrough schemas can use it without a circular import.
export { PersonRefSchema, type PersonRef } from './person';

export const HandoffStatusSchema = z.enum(['draft', 'ready']);
export type HandoffStatus = z.output<typeof HandoffStatusSchema>;

/** What is stored in the version's project property. */
export const StoredHandoffSchema = z.object({
  schemaVersion: z.literal(1),
  versionId: z.string(),
  projectId: z.string(),
  content: HandoffContentSchema,
  status: HandoffStatusSchema,
  /** ISO instant the handoff last became ready; null while draft. */
  readyAt: z.string().nullable(),
  /**
   * The Jira time zone of the person who last marked it ready (absent: unknown, or stored before it was
   * kept). Days are counted in it only when the site names no zone (state.ts dayTimeZone).
   */
  readyTimeZone: z.string().min(1).max(64).nullable().optional(),
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: PersonRefSchema,
  // The living handoff (all optional, so handoffs stored before these existed still parse).
  /** The gradual rollout; absent means not started (`initialRollout()`). */
  rollout: RolloutSchema.optional(),
  /** The CS walkthrough; absent means not held yet. */
  walkthrough: WalkthroughSchema.optional(),
  /**
   * Where the revision history is (see domain/history): the number of its head page. History lives in
   * its own properties, never in this one, so reading the handoff does not grow with its history.
   */
  historyHead: z.number().int().positive().optional(),
  /**
   * The content record's fresh id per commit (domain/records.ts): after an answer lost on the way back,
   * it tells a writer whether its commit is the stored one, and a read whether Jira's copy is current.
   */
  writeId: z.string().max(64).optional(),
  /** Written by earlier versions of the app (write-then-verify); read when importing, never written. */
  acceptedWrites: z.array(AcceptedWriteSchema).max(ACCEPTED_WRITES_KEPT).optional(),
});
export type StoredHandoff = z.output<typeof StoredHandoffSchema>;
