/**
 * Questions support met that the handoff did not answer ("Not in the handoff"), sent from a customer's
 * request back to the release's handoff. They are settled like the walkthrough's questions: answered in
 * the handoff, or a gap in the release brief. Pure: schema and the changes to the record.
 *
 * One record per handoff, its own compare-and-set `revision` (a new question never conflicts with a
 * content save or a walkthrough change; two agents asking at once both land, one after a re-read).
 */
import { z } from 'zod';
import { appError } from '../errors';
import { PersonRefSchema, type PersonRef } from '../person';
import { RecordStamp } from '../records';
import { IssueKeySchema, SettlementSchema, type Settlement } from '../walkthrough/schema';
import { RolloutStageSchema } from '../living/rollout-schema';
import type { RolloutStage } from '../living/rollout-stages';

export const SUPPORT_LIMITS = { questions: 200, text: 1000 } as const;

export const SUPPORT_QUESTION_ID = /^s[1-9]\d{0,3}$/;
export const SupportQuestionIdSchema = z.string({ error: 'questionId must be text' }).regex(SUPPORT_QUESTION_ID, { error: 'questionId must look like s1, s2, …' });

export const SupportQuestionTextSchema = z
  .string({ error: 'question must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'question must not be empty' })
      .max(SUPPORT_LIMITS.text, { error: `question must be at most ${SUPPORT_LIMITS.text} characters` }),
  );

export const SupportQuestionSchema = z.object({
  id: z.string().regex(SUPPORT_QUESTION_ID),
  text: z.string().max(SUPPORT_LIMITS.text),
  /** The customer's request it came from. */
  issueKey: IssueKeySchema,
  issueId: z.string(),
  askedBy: PersonRefSchema,
  askedAt: z.string(),
  /** The release's rollout stage when it was asked (absent on questions stored before it was recorded). */
  stage: RolloutStageSchema.optional(),
  settlement: SettlementSchema.nullable(),
  settledBy: PersonRefSchema.nullable(),
  settledAt: z.string().nullable(),
});
export type SupportQuestion = z.output<typeof SupportQuestionSchema>;

export const SupportRecordSchema = z.object({
  ...RecordStamp,
  questions: z.array(SupportQuestionSchema).max(SUPPORT_LIMITS.questions),
});
export type SupportRecord = z.output<typeof SupportRecordSchema>;

export interface SupportTarget {
  projectId: string;
  versionId: string;
}

function next(previous: SupportRecord | null, target: SupportTarget, questions: SupportQuestion[], by: PersonRef, at: string, writeId: string): SupportRecord {
  return {
    schemaVersion: 1,
    projectId: target.projectId,
    versionId: target.versionId,
    versionNumber: Number(target.versionId),
    revision: (previous?.revision ?? 0) + 1,
    writeId,
    updatedAt: at,
    updatedBy: by,
    questions,
  };
}

/**
 * Adds the question, or returns null when the same request already sent the same question and it is
 * still open (a double click, a retried send): nothing to write.
 */
export function addSupportQuestion(
  previous: SupportRecord | null,
  target: SupportTarget,
  ask: { text: string; issueKey: string; issueId: string; stage: RolloutStage },
  by: PersonRef,
  at: string,
  writeId: string,
): { record: SupportRecord; question: SupportQuestion } | { record: null; question: SupportQuestion } {
  const questions = previous?.questions ?? [];
  const same = questions.find((q) => q.issueKey === ask.issueKey && q.settlement === null && q.text.toLowerCase() === ask.text.toLowerCase());
  if (same) return { record: null, question: same };
  if (questions.length >= SUPPORT_LIMITS.questions) {
    throw appError('TOO_LARGE', `This handoff already has ${SUPPORT_LIMITS.questions} questions from support: settle some on the handoff page first.`);
  }
  const id = `s${questions.reduce((max, q) => Math.max(max, Number(q.id.slice(1))), 0) + 1}`;
  const question: SupportQuestion = {
    id,
    text: ask.text,
    issueKey: ask.issueKey,
    issueId: ask.issueId,
    askedBy: by,
    askedAt: at,
    stage: ask.stage,
    settlement: null,
    settledBy: null,
    settledAt: null,
  };
  return { record: next(previous, target, [...questions, question], by, at, writeId), question };
}

/** Settles (or, with null, reopens) one question. */
export function settleSupportQuestion(previous: SupportRecord, questionId: string, settlement: Settlement | null, by: PersonRef, at: string, writeId: string): SupportRecord {
  if (!previous.questions.some((q) => q.id === questionId)) throw appError('NOT_FOUND', `There is no support question ${questionId} on this handoff.`);
  const questions = previous.questions.map((q) => (q.id === questionId ? { ...q, settlement, settledBy: settlement ? by : null, settledAt: settlement ? at : null } : q));
  return next(previous, previous, questions, by, at, writeId);
}

export const openSupportQuestions = (record: SupportRecord | null): number => (record?.questions ?? []).filter((q) => q.settlement === null).length;
