/**
 * The 30-minute walkthrough with the CS lead (brief: "Questions there become updates to the handoff
 * before customers ask them"): when it was held, who came, the questions raised and how each was
 * settled — answered in a section of the handoff, or a gap in the release brief. Pure schema; it
 * imports nothing from handoff.ts, because the stored handoff is built from it.
 *
 * Attendees are Jira people: the UI sends accountIds (picked through Jira's user search), the backend
 * checks them with one bulk user call and stores the names Jira answers, never the UI's. Walkthroughs
 * recorded before that hold name-only attendees; those are still read, and kept when saved again.
 */
import { z } from 'zod';

export const WALKTHROUGH_LIMITS = {
  attendees: 20,
  attendeeName: 100,
  questions: 30,
  questionText: 300,
  raisedBy: 100,
  note: 1000,
} as const;

const trimmed = (max: number, label: string, min = 0) =>
  z
    .string({ error: `${label} must be text` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, { error: `${label} must not be empty` })
        .max(max, { error: `${label} must be at most ${max} characters` }),
    );

/** Where in the handoff a walkthrough question is answered. */
export const ANSWER_SECTIONS = ['whatsNew', 'happyPath', 'limitations', 'questions', 'escalation', 'dashboard'] as const;
export const AnswerSectionSchema = z.enum(ANSWER_SECTIONS, { error: `where must be one of: ${ANSWER_SECTIONS.join(', ')}` });
export type AnswerSection = z.output<typeof AnswerSectionSchema>;

export const QUESTION_ID = /^q[1-9]\d{0,3}$/;
export const QuestionIdSchema = z.string({ error: 'Question id must be text' }).regex(QUESTION_ID, { error: 'Question id must look like q1, q2, …' });

export const IssueKeySchema = z.string({ error: 'issueKey must be text' }).regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,17}$/, { error: 'issueKey must be a Jira issue key such as SHOP-12' });

export const AnsweredSchema = z
  .object({
    kind: z.literal('answered'),
    where: AnswerSectionSchema,
    /** 0-based index into content.questions; required when where is 'questions', refused otherwise. */
    questionIndex: z.number({ error: 'questionIndex must be a number' }).int().nonnegative().max(999).optional(),
  })
  .strict();

export const BriefGapSchema = z
  .object({
    kind: z.literal('brief-gap'),
    /** What the release brief is missing: required, so the gap can be acted on. */
    note: trimmed(WALKTHROUGH_LIMITS.note, 'Brief-gap note', 1),
    /** The Jira issue where the gap is tracked, when one was filed. */
    issueKey: IssueKeySchema.optional(),
  })
  .strict();

export const SettlementSchema = z.discriminatedUnion('kind', [AnsweredSchema, BriefGapSchema], {
  error: "settlement.kind must be 'answered' or 'brief-gap'",
});
export type Settlement = z.output<typeof SettlementSchema>;

export const WalkthroughQuestionSchema = z
  .object({
    id: QuestionIdSchema,
    text: trimmed(WALKTHROUGH_LIMITS.questionText, 'Question', 1),
    raisedBy: trimmed(WALKTHROUGH_LIMITS.raisedBy, 'Raised by').optional(),
    settlement: SettlementSchema.nullable(),
  })
  .strict();
export type WalkthroughQuestion = z.output<typeof WalkthroughQuestionSchema>;

/** Jira accountIds: letters, digits, ':', '-' and '_' (e.g. 712020:2f1c9a1e-…, or 5b10ac8d82e05b22cc7d4ef5). */
export const AccountIdSchema = z.string({ error: 'accountId must be text' }).regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'accountId must be a Jira account id' });

/** A Jira person, named as Jira named them when the walkthrough was saved. */
export const PersonAttendeeSchema = z.object({ accountId: AccountIdSchema, displayName: z.string().max(255) }).strict();
/** Recorded before attendees were Jira people: a name typed by hand. Read, and kept on a re-save, never created. */
export const NamedAttendeeSchema = z.object({ displayName: trimmed(WALKTHROUGH_LIMITS.attendeeName, 'Attendee name', 1) }).strict();
export const AttendeeSchema = z.union([PersonAttendeeSchema, NamedAttendeeSchema], { error: 'An attendee must be a Jira person ({accountId})' });
export type PersonAttendee = z.output<typeof PersonAttendeeSchema>;
export type NamedAttendee = z.output<typeof NamedAttendeeSchema>;
export type Attendee = z.output<typeof AttendeeSchema>;

/**
 * As the UI sends an attendee: the Jira person's accountId (a displayName sent along is ignored: the
 * stored name is Jira's), or an already-recorded name-only attendee kept as it was.
 */
export const AttendeeInputSchema = z.union([z.object({ accountId: AccountIdSchema, displayName: z.string().max(255).optional() }).strict(), NamedAttendeeSchema], {
  error: 'An attendee must be a Jira person ({accountId})',
});
export type AttendeeInput = z.output<typeof AttendeeInputSchema>;

export const isPersonAttendee = (a: { accountId?: string | undefined; displayName?: string | undefined }): a is PersonAttendee => typeof a.accountId === 'string';

const HeldAtSchema = z.iso.datetime({ offset: true, error: 'heldAt must be an ISO date-time, e.g. 2026-07-01T14:00:00Z' });

const attendeesOf = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'Attendees must be a list' }).max(WALKTHROUGH_LIMITS.attendees, { error: `A walkthrough can list at most ${WALKTHROUGH_LIMITS.attendees} attendees` });
const attendees = attendeesOf(AttendeeSchema);

/** As stored on the handoff: every question has its id. */
export const WalkthroughSchema = z
  .object({
    heldAt: HeldAtSchema,
    attendees,
    questions: z
      .array(WalkthroughQuestionSchema, { error: 'Questions must be a list' })
      .max(WALKTHROUGH_LIMITS.questions, { error: `A walkthrough can record at most ${WALKTHROUGH_LIMITS.questions} questions` }),
  })
  .strict();
export type Walkthrough = z.output<typeof WalkthroughSchema>;

/** As the UI sends it: a new question may come without an id, and gets the next free one. */
export const WalkthroughInputSchema = z
  .object({
    heldAt: HeldAtSchema,
    attendees: attendeesOf(AttendeeInputSchema),
    questions: z
      .array(WalkthroughQuestionSchema.extend({ id: QuestionIdSchema.optional() }), { error: 'Questions must be a list' })
      .max(WALKTHROUGH_LIMITS.questions, { error: `A walkthrough can record at most ${WALKTHROUGH_LIMITS.questions} questions` }),
  })
  .strict();
export type WalkthroughInput = z.output<typeof WalkthroughInputSchema>;
