/**
 * The one typed contract between the resolvers (src/resolvers) and the Custom UI (static/).
 * Both sides import these names and types; payloads are validated with these schemas on the backend.
 * The UI imports only types and schemas from here, never backend code.
 */
import { z } from 'zod';
import { HandoffContentSchema, type StoredHandoff } from '../domain/handoff';
import { CONTENT_SECTIONS } from '../domain/merge';
import type { RecordRevisions } from '../domain/records';
import type { AdfDoc } from '../domain/adf';
import type { Result } from '../domain/errors';
import type { HandoffState } from '../domain/state';
import { RELEASE_FILTERS } from './overview';
import { LeadTimeDaysSchema, type GateView, type ProjectSettings } from '../domain/gate/rules';
import { LEARNED_MAX, RolloutStageSchema, type Rollout } from '../domain/living/rollout';
import type { SectionChange } from '../domain/living/diff';
import type { AnswerKind, Span } from '../domain/card/answer-search';
import { SupportQuestionIdSchema, SupportQuestionTextSchema, type SupportQuestion } from '../domain/card/support-questions';
import type { RolloutStage } from '../domain/living/rollout-stages';
import type { PersonRef } from '../domain/person';
import { QuestionIdSchema, SettlementSchema, WalkthroughInputSchema, type Walkthrough } from '../domain/walkthrough/schema';

// Defined next to the rules that produce them; re-exported so the UI has one place to import from.
export type { ErrorCode, ResolverError, Result, SaveConflict } from '../domain/errors';
export type { HandoffState } from '../domain/state';
export type { AdfDoc } from '../domain/adf';
export type { PersonRef } from '../domain/person';
export type { ContentSection } from '../domain/merge';
export type { RecordRevisions } from '../domain/records';

/**
 * Jira version ids are numeric strings, written one way only: "010002" would otherwise name version 10002
 * a second time (a second handoff of the same release), so leading zeros are refused.
 */
export const VersionIdSchema = z
  .string({ error: 'versionId must be a string' })
  .regex(/^[1-9][0-9]{0,17}$/, { error: 'versionId must be a Jira version id (digits only, no leading zero)' });

export { OVERVIEW_PAGE_SIZE, RELEASE_FILTERS, type ReleaseFilter } from './overview';
export const ListReleasesPayloadSchema = z
  .object({
    /** 1-based; past the last page the answer has no releases and says how many pages there are. */
    page: z.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').max(100_000, 'page must be at most 100000').optional(),
    /** Part of a version's name (or description, as Jira's own search matches). */
    search: z.string({ error: 'search must be text' }).trim().max(100, 'search must be at most 100 characters').optional(),
    status: z.enum(RELEASE_FILTERS, { error: `status must be one of ${RELEASE_FILTERS.join(', ')}` }).optional(),
  })
  .strict();
export const GetHandoffPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
export const SaveHandoffPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    /** The revision the editor started from (0 when there was no handoff yet). */
    baseRevision: z.number({ error: 'baseRevision must be a number' }).int().nonnegative(),
    content: HandoffContentSchema,
    /**
     * The sections this person changed. Only they are applied on top of what others saved since
     * `baseRevision`; absent: every section that differs from `baseRevision`.
     */
    sections: z.array(z.enum(CONTENT_SECTIONS, { error: `sections must name content sections (${CONTENT_SECTIONS.join(', ')})` })).max(CONTENT_SECTIONS.length).optional(),
  })
  .strict();
export const SetStatusPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    baseRevision: z.number({ error: 'baseRevision must be a number' }).int().nonnegative(),
    status: z.enum(['draft', 'ready'], { error: "status must be 'draft' or 'ready'" }),
  })
  .strict();

/** The handoff item an L3 bug is filed from: its section and 1-based position there. */
export const L3ItemSchema = z
  .object({
    kind: z.enum(['step', 'limitation', 'question'], { error: "item.kind must be 'step', 'limitation' or 'question'" }),
    position: z
      .number({ error: 'item.position must be a number' })
      .int({ error: 'item.position must be a whole number' })
      .min(1, { error: 'item.position must be at least 1' })
      .max(9999, { error: 'item.position must be at most 9999' }),
  })
  .strict();
export const GetL3PrefillPayloadSchema = z.object({ versionId: VersionIdSchema, item: L3ItemSchema.optional() }).strict();
export const GetL3SummaryPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
/** The handoff page's one call: the handoff (with its gate and permissions) and the L3 count together. */
export const GetHandoffPagePayloadSchema = z.object({ versionId: VersionIdSchema }).strict();

export type ListReleasesPayload = z.input<typeof ListReleasesPayloadSchema>;
export type GetHandoffPayload = z.input<typeof GetHandoffPayloadSchema>;
export type SaveHandoffPayload = z.input<typeof SaveHandoffPayloadSchema>;
export type SetStatusPayload = z.input<typeof SetStatusPayloadSchema>;
export type GetL3PrefillPayload = z.input<typeof GetL3PrefillPayloadSchema>;
export type GetL3SummaryPayload = z.input<typeof GetL3SummaryPayloadSchema>;

/** The project as Jira answered (never as the browser said): `type` is Jira's projectTypeKey. */
export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  type: string;
}

export interface VersionInfo {
  id: string;
  name: string;
  description: string;
  /** 'YYYY-MM-DD' as Jira gives it, or null when the version has no release date. */
  releaseDate: string | null;
  released: boolean;
  archived: boolean;
}

export interface Capabilities {
  canEdit: boolean;
  canAdminister: boolean;
}

export interface ReleaseSummary {
  version: VersionInfo;
  state: HandoffState;
  status: 'none' | 'draft' | 'ready';
  /**
   * From the overview index, which is rewritten on the first save and on status changes only, so
   * these are "as of the last status change"; the handoff itself (getHandoff) has the latest.
   */
  revision: number;
  updatedAt: string | null;
  readyAt: string | null;
  /** The release gate (computed by domain/gate/rules.ts gateView). */
  gate: GateView;
  /**
   * Walkthrough questions not settled yet, as of the index's last write (every walkthrough change
   * rewrites it); null when no walkthrough is recorded.
   */
  unsettledQuestions: number | null;
  /**
   * The latest time the release gate put this version back to unreleased, from the gate index (so a
   * shortened reason); null when it was never blocked or the version is no longer in the index. The
   * handoff page (getHandoff gate.latestBlock) has the whole entry.
   */
  blockSummary: BlockSummary | null;
}

export interface BlockSummary {
  /** ISO instant of the block. */
  at: string;
  /** Why, at most 200 characters (empty when the index had to drop it for size). */
  reason: string;
  /** Jira refused to put the version back: it is still released and must be un-released by hand. */
  unreleaseFailed: boolean;
}

export interface ReleasesOverview {
  project: ProjectInfo;
  capabilities: Capabilities;
  /** One page of the project's versions matching the query, in Jira's order. */
  releases: ReleaseSummary[];
  /** Where this page is: `total` versions match the query, `size` per page. */
  page: { number: number; size: number; total: number };
  /** Lead time in days used for the "late" state. */
  leadTimeDays: number;
  /** What the app's own Jira user cannot do here that the release gate needs (empty: nothing). */
  appHealth: string[];
}

export interface HandoffView {
  project: ProjectInfo;
  version: VersionInfo;
  capabilities: Capabilities;
  handoff: StoredHandoff | null;
  state: HandoffState;
  /** Human names of what "Mark ready" still needs, empty when it can be marked ready. */
  missingForReady: string[];
  leadTimeDays: number;
  /** The IANA time zone whose calendar the deadline and days left are counted in (domain/state.ts dayTimeZone). */
  timeZone: string;
  /** The release gate (computed by domain/gate/rules.ts gateView). */
  gate: GateView;
  /** The CS walkthrough (same as handoff.walkthrough), null until it is recorded. */
  walkthrough: Walkthrough | null;
  /** Walkthrough questions with no settlement yet (0 when there is no walkthrough). */
  unsettledQuestions: number;
  /** The rollout (same as handoff.rollout, or "not started" when none is stored). */
  rollout: Rollout;
  /** Something the save did that the editor did not ask for (e.g. moved a ready handoff back to draft). */
  notice?: string;
  /**
   * Each record's revision (0: not stored yet). A change names the one of its own record as its
   * baseRevision: a content save or status change `content`, a walkthrough change `walkthrough`, a
   * rollout move `rollout`.
   */
  revisions: RecordRevisions;
}

/**
 * What the handoff page opens with, in one invocation. The L3 count is its own Result: a failed issue
 * search must not keep the handoff from being read.
 */
export interface HandoffPage {
  handoff: HandoffView;
  l3: Result<L3Summary>;
}

/**
 * The pre-filled L3 bug, shaped as `@forge/jira-bridge`'s CreateIssueModal context: the UI passes it
 * as-is to `new CreateIssueModal({ context })`. Ids are strings, as the modal expects.
 */
export interface L3Prefill {
  projectId: string;
  /** The project's Bug issue type, found through Jira's create metadata. */
  issueTypeId: string;
  /** "[L3] <release name>: ", for the agent to finish. */
  summary: string;
  /** Atlassian Document Format, as the modal requires. */
  description: AdfDoc;
  /** The release's chain-aware label, plus the item's when filed from one. */
  labels: string[];
  /** Affected version: the release the handoff belongs to. */
  versions: string[];
}

/** The L3 bugs filed against a release, counted with one Jira search. */
export interface L3Summary {
  /** The release's chain-aware label, e.g. "chain-shop-v10002-l3". */
  label: string;
  /** Jira's approximate count: an issue created seconds ago may not be counted yet. */
  count: number;
  jql: string;
  /** Jira's issue search for `jql`, to open with router.open. */
  searchUrl: string;
}

// ---- release gate (overrides, settings) ----------------------------------------------------
export type { GateView, GateState, BlockEntry, GateOverride, ProjectSettings } from '../domain/gate/rules';

export const OverrideGatePayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    reason: z
      .string({ error: 'reason must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().min(10, { error: 'reason must be at least 10 characters' }).max(500, { error: 'reason must be at most 500 characters' })),
  })
  .strict();
export const WithdrawOverridePayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
export const GetSettingsPayloadSchema = z.object({}).strict();
/** Either setting may be sent alone; what is not sent keeps its stored value. */
export const SaveSettingsPayloadSchema = z
  .object({ leadTimeDays: LeadTimeDaysSchema.optional(), walkthroughGate: z.boolean({ error: 'Walkthrough gate must be true or false' }).optional() })
  .strict()
  .refine((p) => p.leadTimeDays !== undefined || p.walkthroughGate !== undefined, { error: 'Send leadTimeDays or walkthroughGate' });

export type OverrideGatePayload = z.input<typeof OverrideGatePayloadSchema>;
export type WithdrawOverridePayload = z.input<typeof WithdrawOverridePayloadSchema>;
export type GetSettingsPayload = z.input<typeof GetSettingsPayloadSchema>;
export type SaveSettingsPayload = z.input<typeof SaveSettingsPayloadSchema>;

export interface ProjectSettingsView {
  settings: ProjectSettings;
  /** Whether the caller may change them (Administer projects). */
  canAdminister: boolean;
  /** What the app's own Jira user cannot do here that the release gate needs (empty: nothing). */
  appHealth: string[];
}

// ---- the living handoff: walkthrough, rollout, revision history, export -------------------
export type { Walkthrough, WalkthroughQuestion, Settlement, Attendee, AttendeeInput, PersonAttendee, NamedAttendee, AnswerSection } from '../domain/walkthrough/schema';
export type { Rollout, RolloutEntry, RolloutStage } from '../domain/living/rollout';
export type { SectionChange, WordToken } from '../domain/living/diff';

const BaseRevisionSchema = z.number({ error: 'baseRevision must be a number' }).int().nonnegative();

/** Records (replaces) the walkthrough. Questions without an id get the next free one (q1, q2, …). Browse permission. */
export const SaveWalkthroughPayloadSchema = z.object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, walkthrough: WalkthroughInputSchema }).strict();
/** Settles one walkthrough question, or unsettles it with `settlement: null`. Browse permission. */
export const SettleQuestionPayloadSchema = z
  .object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: QuestionIdSchema, settlement: SettlementSchema.nullable() })
  .strict();
/** Appends the question with this answer to Likely questions and settles it there, in one action. Edit issues. */
export const PromoteQuestionPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    baseRevision: BaseRevisionSchema,
    questionId: QuestionIdSchema,
    answer: z
      .string({ error: 'answer must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, { error: 'answer must not be empty' }).max(1000, { error: 'answer must be at most 1000 characters' })),
  })
  .strict();
/**
 * Files a walkthrough question settled as a brief gap (and not filed yet) as a Jira task on the version,
 * labelled chain-<key>-v<id>-brief-gap, and records its key on the settlement. Browse + Create issues.
 */
export const FileBriefGapPayloadSchema = z.object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: QuestionIdSchema }).strict();
/** Moves the rollout (forward any number of stages, back one stage with a note). Edit issues. */
export const MoveRolloutPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    baseRevision: BaseRevisionSchema,
    to: RolloutStageSchema,
    learned: z
      .string({ error: 'learned must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().max(LEARNED_MAX, { error: `learned must be at most ${LEARNED_MAX} characters` })),
  })
  .strict();
export const ListHistoryPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
const RevisionNumberSchema = (name: string) => z.number({ error: `${name} must be a number` }).int({ error: `${name} must be a whole number` }).nonnegative();
/** `from` may be 0: the empty handoff before the first save. */
export const DiffRevisionsPayloadSchema = z.object({ versionId: VersionIdSchema, from: RevisionNumberSchema('from'), to: RevisionNumberSchema('to') }).strict();
export const ExportHandoffPayloadSchema = z
  .object({ versionId: VersionIdSchema, format: z.enum(['markdown', 'confluence'], { error: "format must be 'markdown' or 'confluence'" }) })
  .strict();

/** Jira people whose name or email starts with `query`, for the walkthrough's people picker. Browse permission. */
export const SearchPeoplePayloadSchema = z
  .object({
    query: z
      .string({ error: 'query must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, { error: 'query must not be empty' }).max(100, { error: 'query must be at most 100 characters' })),
  })
  .strict();
export type SearchPeoplePayload = z.input<typeof SearchPeoplePayloadSchema>;

/** At most 10 people, in Jira's order; `query` echoes what was searched (trimmed), so the UI can drop stale answers. */
export interface PeopleMatches {
  query: string;
  people: PersonRef[];
}

export type SaveWalkthroughPayload = z.input<typeof SaveWalkthroughPayloadSchema>;
export type SettleQuestionPayload = z.input<typeof SettleQuestionPayloadSchema>;
export type PromoteQuestionPayload = z.input<typeof PromoteQuestionPayloadSchema>;
export type FileBriefGapPayload = z.input<typeof FileBriefGapPayloadSchema>;
export type MoveRolloutPayload = z.input<typeof MoveRolloutPayloadSchema>;
export type ListHistoryPayload = z.input<typeof ListHistoryPayloadSchema>;
export type DiffRevisionsPayload = z.input<typeof DiffRevisionsPayloadSchema>;
export type ExportHandoffPayload = z.input<typeof ExportHandoffPayloadSchema>;

export interface RevisionSummary {
  /** Which record changed: the content (its revisions are the ones compared), the walkthrough or the rollout. */
  record: 'content' | 'walkthrough' | 'rollout';
  /** That record's own revision. */
  revision: number;
  /** ISO instant of the save. */
  at: string;
  by: PersonRef;
  /** What changed: content section names (living/diff SECTION_NAMES), then 'Status', 'Rollout', 'Walkthrough'. */
  sections: string[];
  /** False when the snapshot was too big to keep: this revision cannot be diffed. */
  diffable: boolean;
}

export interface HandoffHistory {
  versionId: string;
  /** Newest first; only the kept revisions (see domain/history for the bound). */
  revisions: RevisionSummary[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  /** `diffHandoff(content at from, content at to)`: empty when the content did not change. */
  changes: SectionChange[];
}

// ---- customers' requests (jira:issueContext): link a request to its release, file its L3 bug ----
/** A Jira issue key as Jira writes it ("HELP-12"). */
export const IssueKeySchema = z
  .string({ error: 'requestKey must be a string' })
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, { error: 'requestKey must be a Jira issue key, e.g. HELP-12' });
/** The release a request is about: the version and its project (checked against Jira before use). */
export const ReleaseRefSchema = z
  .object({
    versionId: VersionIdSchema,
    project: z.object({ id: z.string().regex(/^[1-9][0-9]{0,17}$/, { error: 'project.id must be a Jira project id' }), key: z.string().min(1).max(255) }).strict(),
  })
  .strict();
export const LinkRequestToReleasePayloadSchema = z.object({ requestKey: IssueKeySchema, release: ReleaseRefSchema }).strict();
export const GetRequestL3PrefillPayloadSchema = z.object({ requestKey: IssueKeySchema, release: ReleaseRefSchema, item: L3ItemSchema.optional() }).strict();
export const LinkRequestBugPayloadSchema = z
  .object({ requestKey: IssueKeySchema, bugIssueId: z.string().regex(/^[1-9][0-9]{0,17}$/, { error: 'bugIssueId must be a Jira issue id' }) })
  .strict();
export type LinkRequestToReleasePayload = z.input<typeof LinkRequestToReleasePayloadSchema>;
export type GetRequestL3PrefillPayload = z.input<typeof GetRequestL3PrefillPayloadSchema>;
export type LinkRequestBugPayload = z.input<typeof LinkRequestBugPayloadSchema>;
export type { RequestReleaseLink } from '../domain/request-link';
import type { RequestReleaseLink } from '../domain/request-link';

/** The L3 bug filed from a request, linked to it. */
export interface RequestBugLink {
  requestKey: string;
  bugKey: string;
  /** The link type used ("Relates" unless the site has none by that name). */
  linkType: string;
}

export interface HandoffExport {
  filename: string;
  mimeType: string;
  text: string;
}


// ---- the issue card: the release handoff on a Jira issue or service request -----------------------
export type { AnswerKind, Span } from '../domain/card/answer-search';

/** The card of the release the issue is about; `versionId` shows that release instead (the agent chose it). */
export const GetIssueHandoffCardPayloadSchema = z.object({ versionId: VersionIdSchema.optional() }).strict();
/** Live releases with a handoff in projects the person can browse, for the card's picker. */
export const ListLiveReleasesPayloadSchema = z.object({}).strict();
/** "Find an answer" over every live handoff the person can read. */
export const FindAnswersPayloadSchema = z
  .object({
    query: z
      .string({ error: 'query must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, { error: 'query must not be empty' }).max(200, { error: 'query must be at most 200 characters' })),
  })
  .strict();
export type GetIssueHandoffCardPayload = z.input<typeof GetIssueHandoffCardPayloadSchema>;
export type ListLiveReleasesPayload = z.input<typeof ListLiveReleasesPayloadSchema>;
export type FindAnswersPayload = z.input<typeof FindAnswersPayloadSchema>;

/** A release as the card names it, with where its handoff page is. */
export interface CardReleaseRef {
  /** With `projectKey`, the release's project as linkRequestToRelease and getRequestL3Prefill name it. */
  projectId: string;
  projectKey: string;
  projectName: string;
  versionId: string;
  versionName: string;
  releaseDate: string | null;
  released: boolean;
  stage: RolloutStage;
  /** The handoff page in Jira, to open with router.open. */
  handoffUrl: string;
}

/** What the card shows of a release's handoff (the parts support reads; `status` 'none': not written yet). */
export interface CardRelease extends CardReleaseRef {
  status: 'none' | 'draft' | 'ready';
  whatsNew: string;
  limitations: string[];
  noKnownLimitations: boolean;
  questions: { question: string; answer: string }[];
  escalation: { l1LookUp: string; l2Reproduce: string };
}

export interface IssueHandoffCard {
  issueKey: string;
  /**
   * Why this release: linked to the request, the issue's fix/affects version with a handoff, chosen by
   * the agent; 'none' when nothing points at one (then `choices` lists the live releases).
   */
  source: 'linked' | 'fix-version' | 'chosen' | 'none';
  release: CardRelease | null;
  /** Newest first; filled only when `source` is 'none'. */
  choices: CardReleaseRef[];
  /** When `source` is 'linked': the rollout stage and moment the request was linked to `release`. */
  linked: { stage: RolloutStage; linkedAt: string } | null;
}

export interface AnswerMatch {
  kind: AnswerKind;
  text: string;
  answer: string;
  position: number;
  release: CardReleaseRef;
  /** Matched words, for highlighting: [start, end) offsets in `text` and `answer`. */
  textSpans: Span[];
  answerSpans: Span[];
}

export interface AnswerResults {
  /** What was searched (trimmed), so the UI can drop a stale answer. */
  query: string;
  matches: AnswerMatch[];
  /** How many live handoffs were searched. */
  searched: number;
}


// ---- questions from support ("Not in the handoff") -----------------------------------------------
export type { SupportQuestion } from '../domain/card/support-questions';

/** From the issue card: the customer's question, sent to the release's handoff. Browse the issue and the release's project. */
export const AskSupportQuestionPayloadSchema = z.object({ versionId: VersionIdSchema, question: SupportQuestionTextSchema }).strict();
/** From the handoff page: the questions support sent to this release's handoff. Browse permission. */
export const ListSupportQuestionsPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
/** From the handoff page: settles (or with null reopens) one, on the revision it was planned on. Browse permission. */
export const SettleSupportQuestionPayloadSchema = z
  .object({ versionId: VersionIdSchema, baseRevision: BaseRevisionSchema, questionId: SupportQuestionIdSchema, settlement: SettlementSchema.nullable() })
  .strict();
export type AskSupportQuestionPayload = z.input<typeof AskSupportQuestionPayloadSchema>;
export type ListSupportQuestionsPayload = z.input<typeof ListSupportQuestionsPayloadSchema>;
export type SettleSupportQuestionPayload = z.input<typeof SettleSupportQuestionPayloadSchema>;

export interface SupportQuestionAsked {
  questionId: string;
  versionName: string;
  /** The same request had already sent the same open question: nothing new was stored. */
  alreadySent: boolean;
}

export interface SupportQuestionsView {
  versionId: string;
  /** The record's revision (0: none yet), the baseRevision of the next settle. */
  revision: number;
  questions: SupportQuestion[];
}

/**
 * Every resolver the UI can invoke. The shape is @forge/resolver's `Definitions`, so the backend
 * builds its handler with `makeResolver<ResolverDefinitions>` and the UI calls through
 * `makeInvoke<ResolverDefinitions>()`: a renamed call or a changed payload fails to compile on both sides.
 */
export type ResolverDefinitions = {
  listReleases: (payload: ListReleasesPayload) => Result<ReleasesOverview>;
  getHandoff: (payload: GetHandoffPayload) => Result<HandoffView>;
  saveHandoff: (payload: SaveHandoffPayload) => Result<HandoffView>;
  setStatus: (payload: SetStatusPayload) => Result<HandoffView>;
  getL3Prefill: (payload: GetL3PrefillPayload) => Result<L3Prefill>;
  getL3Summary: (payload: GetL3SummaryPayload) => Result<L3Summary>;
  getHandoffPage: (payload: z.input<typeof GetHandoffPagePayloadSchema>) => Result<HandoffPage>;
  overrideGate: (payload: OverrideGatePayload) => Result<GateView>;
  withdrawOverride: (payload: WithdrawOverridePayload) => Result<GateView>;
  getSettings: (payload: GetSettingsPayload) => Result<ProjectSettingsView>;
  saveSettings: (payload: SaveSettingsPayload) => Result<ProjectSettingsView>;
  saveWalkthrough: (payload: SaveWalkthroughPayload) => Result<HandoffView>;
  settleQuestion: (payload: SettleQuestionPayload) => Result<HandoffView>;
  promoteQuestion: (payload: PromoteQuestionPayload) => Result<HandoffView>;
  fileBriefGap: (payload: FileBriefGapPayload) => Result<HandoffView>;
  moveRollout: (payload: MoveRolloutPayload) => Result<HandoffView>;
  listHistory: (payload: ListHistoryPayload) => Result<HandoffHistory>;
  diffRevisions: (payload: DiffRevisionsPayload) => Result<RevisionDiff>;
  exportHandoff: (payload: ExportHandoffPayload) => Result<HandoffExport>;
  searchPeople: (payload: SearchPeoplePayload) => Result<PeopleMatches>;
  // Customers' requests, from the issue view.
  linkRequestToRelease: (payload: LinkRequestToReleasePayload) => Result<RequestReleaseLink>;
  getRequestL3Prefill: (payload: GetRequestL3PrefillPayload) => Result<L3Prefill>;
  linkRequestBug: (payload: LinkRequestBugPayload) => Result<RequestBugLink>;
  getIssueHandoffCard: (payload: GetIssueHandoffCardPayload) => Result<IssueHandoffCard>;
  listLiveReleases: (payload: ListLiveReleasesPayload) => Result<CardReleaseRef[]>;
  findAnswers: (payload: FindAnswersPayload) => Result<AnswerResults>;
  askSupportQuestion: (payload: AskSupportQuestionPayload) => Result<SupportQuestionAsked>;
  listSupportQuestions: (payload: ListSupportQuestionsPayload) => Result<SupportQuestionsView>;
  settleSupportQuestion: (payload: SettleSupportQuestionPayload) => Result<SupportQuestionsView>;
};

export type ResolverName = keyof ResolverDefinitions;
