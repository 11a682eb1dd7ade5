/**
 * The 30-minute walkthrough with the CS lead (brief: "Questions there become updates to the handoff
 * before customers ask them"): when it was held, who came, the questions raised and how each was
 * settled — answered in a section of the handoff, or a gap in the release brief. Pure schema; it
 * imports nothing from handoff.ts, because the stored handoff is built from it.
 *
 * Attendees are free display names: the local Jira site serves no user lookup
 * (`GET /rest/api/3/user`), and an accountId sent by the UI must never be trusted unverified.
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

export const IssueKeySchema = z
  .string({ error: 'issueKey must be text' })
  .regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,17}$/, { error: 'issueKey must be a Jira issue key such as SHOP-12' });

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

export const AttendeeSchema = z.object({ displayName: trimmed(WALKTHROUGH_LIMITS.attendeeName, 'Attendee name', 1) }).strict();
export type Attendee = z.output<typeof AttendeeSchema>;

const HeldAtSchema = z.iso.datetime({ offset: true, error: 'heldAt must be an ISO date-time, e.g. 2026-07-01T14:00:00Z' });

const attendees = z
  .array(AttendeeSchema, { error: 'Attendees must be a list' })
  .max(WALKTHROUGH_LIMITS.attendees, { error: `A walkthrough can list at most ${WALKTHROUGH_LIMITS.attendees} attendees` });

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
    attendees,
    questions: z
      .array(WalkthroughQuestionSchema.extend({ id: QuestionIdSchema.optional() }), { error: 'Questions must be a list' })
      .max(WALKTHROUGH_LIMITS.questions, { error: `A walkthrough can record at most ${WALKTHROUGH_LIMITS.questions} questions` }),
  })
  .strict();
export type WalkthroughInput = z.output<typeof WalkthroughInputSchema>;
