import { makeResolver } from '@forge/resolver';
import {
  GetHandoffPayloadSchema,
  GetL3PrefillPayloadSchema,
  GetL3SummaryPayloadSchema,
  GetHandoffPagePayloadSchema,
  ListReleasesPayloadSchema,
  SaveHandoffPayloadSchema,
  SetStatusPayloadSchema,
  type ResolverDefinitions,
} from '../contract';
import { GetSettingsPayloadSchema, OverrideGatePayloadSchema, SaveSettingsPayloadSchema, WithdrawOverridePayloadSchema } from '../contract';
import { overrideGate, withdrawOverride } from './gate/gate-override';
import { getSettings, saveSettings } from './gate/settings-project';
import { defaultDeps, type ResolverDeps } from './core/deps';
import { getHandoff } from './handoff/get-handoff';
import { getL3Prefill } from './l3/l3-prefill';
import { getL3Summary } from './handoff/l3-summary';
import { getHandoffPage } from './handoff/handoff-page';
import { listReleases } from './releases/list-releases';
import { resolverFor } from './core/run';
import { saveHandoff } from './handoff/save-handoff';
import { setStatus } from './handoff/set-status';
import {
  DiffRevisionsPayloadSchema,
  ExportHandoffPayloadSchema,
  FileBriefGapPayloadSchema,
  ListHistoryPayloadSchema,
  MoveRolloutPayloadSchema,
  PromoteQuestionPayloadSchema,
  SaveWalkthroughPayloadSchema,
  SearchPeoplePayloadSchema,
  SettleQuestionPayloadSchema,
} from '../contract';
import { exportHandoff } from './handoff/export-handoff';
import { diffRevisions, listHistory } from './living/history-read';
import { moveRollout } from './living/rollout-move';
import { searchPeople } from './living/people-search';
import { FindAnswersPayloadSchema, GetIssueHandoffCardPayloadSchema, ListLiveReleasesPayloadSchema } from '../contract';
import { findAnswers, getIssueHandoffCard, listLiveReleases } from './card/issue-card';
import { AskSupportQuestionPayloadSchema, ListSupportQuestionsPayloadSchema, SettleSupportQuestionPayloadSchema } from '../contract';
import { askSupportQuestion, listSupportQuestions, settleSupportQuestion } from './card/support-questions';
import { fileBriefGap, promoteQuestion, saveWalkthrough, settleQuestion } from './living/walkthrough-actions';
import { GetRequestL3PrefillPayloadSchema, LinkRequestBugPayloadSchema, LinkRequestToReleasePayloadSchema } from '../contract';
import { linkRequestToRelease } from './requests/request-release';
import { getRequestL3Prefill, linkRequestBug } from './requests/request-l3';

/** Every resolver the UI can invoke, bound to its dependencies; tests pass their own. */
export function createHandler(deps: ResolverDeps = defaultDeps()) {
  return makeResolver<ResolverDefinitions>({
    listReleases: resolverFor('listReleases', ListReleasesPayloadSchema, listReleases, deps),
    getHandoff: resolverFor('getHandoff', GetHandoffPayloadSchema, getHandoff, deps),
    saveHandoff: resolverFor('saveHandoff', SaveHandoffPayloadSchema, saveHandoff, deps),
    setStatus: resolverFor('setStatus', SetStatusPayloadSchema, setStatus, deps),
    getL3Prefill: resolverFor('getL3Prefill', GetL3PrefillPayloadSchema, getL3Prefill, deps),
    getL3Summary: resolverFor('getL3Summary', GetL3SummaryPayloadSchema, getL3Summary, deps),
    getHandoffPage: resolverFor('getHandoffPage', GetHandoffPagePayloadSchema, getHandoffPage, deps),
    overrideGate: resolverFor('overrideGate', OverrideGatePayloadSchema, overrideGate, deps),
    withdrawOverride: resolverFor('withdrawOverride', WithdrawOverridePayloadSchema, withdrawOverride, deps),
    getSettings: resolverFor('getSettings', GetSettingsPayloadSchema, getSettings, deps),
    saveSettings: resolverFor('saveSettings', SaveSettingsPayloadSchema, saveSettings, deps),
    // The living handoff: walkthrough, rollout, revision history, export.
    saveWalkthrough: resolverFor('saveWalkthrough', SaveWalkthroughPayloadSchema, saveWalkthrough, deps),
    settleQuestion: resolverFor('settleQuestion', SettleQuestionPayloadSchema, settleQuestion, deps),
    promoteQuestion: resolverFor('promoteQuestion', PromoteQuestionPayloadSchema, promoteQuestion, deps),
    fileBriefGap: resolverFor('fileBriefGap', FileBriefGapPayloadSchema, fileBriefGap, deps),
    moveRollout: resolverFor('moveRollout', MoveRolloutPayloadSchema, moveRollout, deps),
    listHistory: resolverFor('listHistory', ListHistoryPayloadSchema, listHistory, deps),
    diffRevisions: resolverFor('diffRevisions', DiffRevisionsPayloadSchema, diffRevisions, deps),
    exportHandoff: resolverFor('exportHandoff', ExportHandoffPayloadSchema, exportHandoff, deps),
    searchPeople: resolverFor('searchPeople', SearchPeoplePayloadSchema, searchPeople, deps),
    // Customers' requests, from the issue view.
    linkRequestToRelease: resolverFor('linkRequestToRelease', LinkRequestToReleasePayloadSchema, linkRequestToRelease, deps),
    getRequestL3Prefill: resolverFor('getRequestL3Prefill', GetRequestL3PrefillPayloadSchema, getRequestL3Prefill, deps),
    linkRequestBug: resolverFor('linkRequestBug', LinkRequestBugPayloadSchema, linkRequestBug, deps),
    // The issue card (jira:issueContext) and its answer search.
    getIssueHandoffCard: resolverFor('getIssueHandoffCard', GetIssueHandoffCardPayloadSchema, getIssueHandoffCard, deps),
    listLiveReleases: resolverFor('listLiveReleases', ListLiveReleasesPayloadSchema, listLiveReleases, deps),
    findAnswers: resolverFor('findAnswers', FindAnswersPayloadSchema, findAnswers, deps),
    // Questions from support ("Not in the handoff"): sent from the card, settled on the handoff page.
    askSupportQuestion: resolverFor('askSupportQuestion', AskSupportQuestionPayloadSchema, askSupportQuestion, deps),
    listSupportQuestions: resolverFor('listSupportQuestions', ListSupportQuestionsPayloadSchema, listSupportQuestions, deps),
    settleSupportQuestion: resolverFor('settleSupportQuestion', SettleSupportQuestionPayloadSchema, settleSupportQuestion, deps),
  });
}

export const handler = createHandler();
