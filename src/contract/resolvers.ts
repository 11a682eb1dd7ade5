/**
 * The one table of every resolver the UI can invoke: its name, the schema its payload is validated with,
 * and (as a type only) what it answers. Everything else is derived from it: the `Definitions` type that
 * `makeResolver` and `makeInvoke` share, the payload and result types of each call, and the backend's
 * binding (src/resolvers/index.ts loops over this table). Adding a resolver is one line here and its
 * handler; a renamed call or a changed payload fails to compile on both sides.
 *
 * The UI imports only types from here: the schemas (and zod) stay in the backend bundle.
 */
import type { z } from 'zod';
import type { Result } from '#domain/errors';
import type { GateView } from '#domain/gate/rules';
import type { RequestReleaseLink } from '#domain/request-link';
import type { HandoffExport, HandoffHistory, HandoffPage, HandoffView, L3BugType, L3Prefill, L3Summary, PeopleMatches, ProjectSettingsView, ReleasesOverview, RevisionDiff } from './views';
import type { AnswerResults, CardReleaseRef, IssueHandoffCard, RequestBugLink, SupportQuestionAsked, SupportQuestionsView } from './issue-view';
import * as handoff from './schemas/handoff';
import * as living from './schemas/living';
import * as issueView from './schemas/issue-view';

/** A resolver's entry: the payload schema, and the answer as a phantom type (no value is ever stored). */
export interface ResolverSpec<S extends z.ZodType = z.ZodType, T = unknown> {
  readonly payload: S;
  readonly answers?: T;
}

/** `takes(Schema).answers<T>()`: two steps, because TypeScript cannot infer S while T is given. */
const takes = <S extends z.ZodType>(payload: S) => ({ answers: <T>(): ResolverSpec<S, T> => ({ payload }) });

export const RESOLVERS = {
  listReleases: takes(handoff.ListReleasesPayloadSchema).answers<ReleasesOverview>(),
  getHandoff: takes(handoff.GetHandoffPayloadSchema).answers<HandoffView>(),
  saveHandoff: takes(handoff.SaveHandoffPayloadSchema).answers<HandoffView>(),
  setStatus: takes(handoff.SetStatusPayloadSchema).answers<HandoffView>(),
  getL3Prefill: takes(handoff.GetL3PrefillPayloadSchema).answers<L3Prefill>(),
  getL3Summary: takes(handoff.GetL3SummaryPayloadSchema).answers<L3Summary>(),
  getL3BugType: takes(handoff.GetL3BugTypePayloadSchema).answers<L3BugType>(),
  getHandoffPage: takes(handoff.GetHandoffPagePayloadSchema).answers<HandoffPage>(),
  overrideGate: takes(handoff.OverrideGatePayloadSchema).answers<GateView>(),
  withdrawOverride: takes(handoff.WithdrawOverridePayloadSchema).answers<GateView>(),
  getSettings: takes(handoff.GetSettingsPayloadSchema).answers<ProjectSettingsView>(),
  saveSettings: takes(handoff.SaveSettingsPayloadSchema).answers<ProjectSettingsView>(),
  // The living handoff: walkthrough, rollout, revision history, export.
  saveWalkthrough: takes(living.SaveWalkthroughPayloadSchema).answers<HandoffView>(),
  settleQuestion: takes(living.SettleQuestionPayloadSchema).answers<HandoffView>(),
  promoteQuestion: takes(living.PromoteQuestionPayloadSchema).answers<HandoffView>(),
  fileBriefGap: takes(living.FileBriefGapPayloadSchema).answers<HandoffView>(),
  moveRollout: takes(living.MoveRolloutPayloadSchema).answers<HandoffView>(),
  listHistory: takes(living.ListHistoryPayloadSchema).answers<HandoffHistory>(),
  diffRevisions: takes(living.DiffRevisionsPayloadSchema).answers<RevisionDiff>(),
  exportHandoff: takes(living.ExportHandoffPayloadSchema).answers<HandoffExport>(),
  searchPeople: takes(living.SearchPeoplePayloadSchema).answers<PeopleMatches>(),
  // Customers' requests, from the issue view.
  linkRequestToRelease: takes(issueView.LinkRequestToReleasePayloadSchema).answers<RequestReleaseLink>(),
  getRequestL3Prefill: takes(issueView.GetRequestL3PrefillPayloadSchema).answers<L3Prefill>(),
  linkRequestBug: takes(issueView.LinkRequestBugPayloadSchema).answers<RequestBugLink>(),
  // The issue card (jira:issueContext) and its answer search.
  getIssueHandoffCard: takes(issueView.GetIssueHandoffCardPayloadSchema).answers<IssueHandoffCard>(),
  listLiveReleases: takes(issueView.ListLiveReleasesPayloadSchema).answers<CardReleaseRef[]>(),
  findAnswers: takes(issueView.FindAnswersPayloadSchema).answers<AnswerResults>(),
  // Questions from support ("Not in the handoff"): sent from the card, settled on the handoff page.
  askSupportQuestion: takes(issueView.AskSupportQuestionPayloadSchema).answers<SupportQuestionAsked>(),
  listSupportQuestions: takes(issueView.ListSupportQuestionsPayloadSchema).answers<SupportQuestionsView>(),
  settleSupportQuestion: takes(issueView.SettleSupportQuestionPayloadSchema).answers<SupportQuestionsView>(),
} satisfies Record<string, ResolverSpec>;

export type ResolverTable = typeof RESOLVERS;
export type ResolverName = keyof ResolverTable;
/** What the UI sends (before the schema's defaults and trimming). */
export type PayloadOf<K extends ResolverName> = z.input<ResolverTable[K]['payload']>;
/** What the handler receives: the payload as the schema parsed it. */
export type ParsedPayloadOf<K extends ResolverName> = z.output<ResolverTable[K]['payload']>;
/** What the resolver answers when it succeeds. */
export type ResultOf<K extends ResolverName> = ResolverTable[K] extends ResolverSpec<z.ZodType, infer T> ? T : never;

/** @forge/resolver's `Definitions` shape: `makeResolver<ResolverDefinitions>` and `makeInvoke<ResolverDefinitions>()` share it. */
export type ResolverDefinitions = { [K in ResolverName]: (payload: PayloadOf<K>) => Result<ResultOf<K>> };
