/** Payloads of the issue view: the issue card, customers' requests, and questions from support. */
import { z } from 'zod';
import { SupportQuestionIdSchema, SupportQuestionTextSchema } from '#domain/card/support-questions';
import { SettlementSchema } from '#domain/walkthrough/schema';
import { BaseRevisionSchema, EmptyPayloadSchema, IssueIdSchema, IssueKeySchema, L3ItemSchema, ReleaseRefSchema, trimmedText, VersionIdSchema, VersionPayloadSchema } from './fields';

// ---- customers' requests (jira:issueContext): link a request to its release, file its L3 bug ----
export const LinkRequestToReleasePayloadSchema = z.object({ requestKey: IssueKeySchema, release: ReleaseRefSchema }).strict();
export const GetRequestL3PrefillPayloadSchema = z.object({ requestKey: IssueKeySchema, release: ReleaseRefSchema, item: L3ItemSchema.optional() }).strict();
export const LinkRequestBugPayloadSchema = z.object({ requestKey: IssueKeySchema, bugIssueId: IssueIdSchema }).strict();

// ---- the issue card: the release handoff on a Jira issue or service request -----------------------
/** The card of the release the issue is about; `versionId` shows that release instead (the agent chose it). */
export const GetIssueHandoffCardPayloadSchema = z.object({ versionId: VersionIdSchema.optional() }).strict();
/** Live releases with a handoff in projects the person can browse, for the card's picker. */
export const ListLiveReleasesPayloadSchema = EmptyPayloadSchema;
/** "Find an answer" over every live handoff the person can read. */
export const FindAnswersPayloadSchema = z.object({ query: trimmedText('query', { min: 1, max: 200 }) }).strict();

// ---- questions from support ("Not in the handoff") -----------------------------------------------
/** From the issue card: the customer's question, sent to the release's handoff. Browse the issue and the release's project. */
export const AskSupportQuestionPayloadSchema = z.object({ versionId: VersionIdSchema, question: SupportQuestionTextSchema }).strict();
/** From the handoff page: the questions support sent to this release's handoff. Browse permission. */
export const ListSupportQuestionsPayloadSchema = VersionPayloadSchema;
/** From the handoff page: settles (or with null reopens) one, on the revision it was planned on. Browse permission. */
export const SettleSupportQuestionPayloadSchema = z
  .object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: SupportQuestionIdSchema, settlement: SettlementSchema.nullable() })
  .strict();
