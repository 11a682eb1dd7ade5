/** Payloads of the living handoff: walkthrough, rollout, revision history, export, the people picker. */
import { z } from 'zod';
import { LEARNED_MAX, RolloutStageSchema } from '#domain/living/rollout';
import { QuestionIdSchema, SettlementSchema, WalkthroughInputSchema } from '#domain/walkthrough/schema';
import { BaseRevisionSchema, trimmedText, VersionIdSchema, VersionPayloadSchema } from './fields';

/** Records (replaces) the walkthrough. Questions without an id get the next free one (q1, q2, …). Browse permission. */
export const SaveWalkthroughPayloadSchema = z.object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, walkthrough: WalkthroughInputSchema }).strict();
/** Settles one walkthrough question, or unsettles it with `settlement: null`. Browse permission. */
export const SettleQuestionPayloadSchema = z.object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: QuestionIdSchema, settlement: SettlementSchema.nullable() }).strict();
/** Appends the question with this answer to Likely questions and settles it there, in one action. Edit issues. */
export const PromoteQuestionPayloadSchema = z
  .object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: QuestionIdSchema, answer: trimmedText('answer', { min: 1, max: 1000 }) })
  .strict();
/**
 * Files a walkthrough question settled as a brief gap (and not filed yet) as a Jira task on the version,
 * labelled chain-<key>-v<id>-brief-gap, and records its key on the settlement. Browse + Create issues.
 */
export const FileBriefGapPayloadSchema = z.object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: QuestionIdSchema }).strict();
/** Moves the rollout (forward any number of stages, back one stage with a note). Edit issues. */
export const MoveRolloutPayloadSchema = z
  .object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, to: RolloutStageSchema, learned: trimmedText('learned', { max: LEARNED_MAX }) })
  .strict();
export const ListHistoryPayloadSchema = VersionPayloadSchema;
const RevisionNumberSchema = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .nonnegative();
/** `from` may be 0: the empty handoff before the first save. */
export const DiffRevisionsPayloadSchema = z.object({ versionId: VersionIdSchema, from: RevisionNumberSchema('from'), to: RevisionNumberSchema('to') }).strict();
export const ExportHandoffPayloadSchema = z.object({ versionId: VersionIdSchema, format: z.enum(['markdown', 'confluence'], { error: "format must be 'markdown' or 'confluence'" }) }).strict();

/** Jira people whose name or email starts with `query`, for the walkthrough's people picker. Browse permission. */
export const SearchPeoplePayloadSchema = z.object({ query: trimmedText('query', { min: 1, max: 100 }) }).strict();
