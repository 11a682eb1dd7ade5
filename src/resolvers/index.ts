import { makeResolver } from '@forge/resolver';
import {
  GetHandoffPayloadSchema,
  GetL3PrefillPayloadSchema,
  GetL3SummaryPayloadSchema,
  ListReleasesPayloadSchema,
  SaveHandoffPayloadSchema,
  SetStatusPayloadSchema,
  type ResolverDefinitions,
} from '../contract';
import { GetSettingsPayloadSchema, OverrideGatePayloadSchema, SaveSettingsPayloadSchema, WithdrawOverridePayloadSchema } from '../contract';
import { overrideGate, withdrawOverride } from './gate-override';
import { getSettings, saveSettings } from './settings-project';
import { defaultDeps, type ResolverDeps } from './deps';
import { getHandoff } from './get-handoff';
import { getL3Prefill } from './l3-prefill';
import { getL3Summary } from './l3-summary';
import { listReleases } from './list-releases';
import { resolverFor } from './run';
import { saveHandoff } from './save-handoff';
import { setStatus } from './set-status';
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
import { exportHandoff } from './export-handoff';
import { diffRevisions, listHistory } from './history-read';
import { moveRollout } from './rollout-move';
import { searchPeople } from './people-search';
import { fileBriefGap, promoteQuestion, saveWalkthrough, settleQuestion } from './walkthrough-actions';
import { GetRequestL3PrefillPayloadSchema, LinkRequestBugPayloadSchema, LinkRequestToReleasePayloadSchema } from '../contract';
import { linkRequestToRelease } from './request-release';
import { getRequestL3Prefill, linkRequestBug } from './request-l3';

/** Every resolver the UI can invoke, bound to its dependencies; tests pass their own. */
export function createHandler(deps: ResolverDeps = defaultDeps()) {
  return makeResolver<ResolverDefinitions>({
    listReleases: resolverFor('listReleases', ListReleasesPayloadSchema, listReleases, deps),
    getHandoff: resolverFor('getHandoff', GetHandoffPayloadSchema, getHandoff, deps),
    saveHandoff: resolverFor('saveHandoff', SaveHandoffPayloadSchema, saveHandoff, deps),
    setStatus: resolverFor('setStatus', SetStatusPayloadSchema, setStatus, deps),
    getL3Prefill: resolverFor('getL3Prefill', GetL3PrefillPayloadSchema, getL3Prefill, deps),
    getL3Summary: resolverFor('getL3Summary', GetL3SummaryPayloadSchema, getL3Summary, deps),
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
  });
}

export const handler = createHandler();
