/**
 * The only place the UI talks to the backend. Every call is typed by the shared contract, and a
 * thrown bridge error (network, host) becomes an ordinary `ok:false` result, so screens handle one shape.
 */
import { makeInvoke } from '@forge/bridge/out/invoke/invoke';
import type {
  GateView,
  GetL3PrefillPayload,
  HandoffPage,
  HandoffView,
  L3Prefill,
  L3Summary,
  ListReleasesPayload,
  ReleasesOverview,
  ResolverDefinitions,
  Result,
  SaveHandoffPayload,
  SetStatusPayload,
  ExportHandoffPayload,
  HandoffExport,
  HandoffHistory,
  MoveRolloutPayload,
  RevisionDiff,
  RevisionSummary,
  SaveWalkthroughPayload,
  PeopleMatches,
  Settlement,
  ProjectSettingsView,
  SaveSettingsPayload,
  SupportQuestionsView,
} from '../../../src/contract';

import { bridgeFailure } from './bridge-failure';

const invoke = makeInvoke<ResolverDefinitions>();

export async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await run();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { code: 'INTERNAL', message: 'The app returned an unexpected answer. Try again.' } };
  } catch (error) {
    return { ok: false, error: bridgeFailure(error) };
  }
}

/** The handoff item an L3 bug is filed from (the contract's `item`). */
export type L3ItemRef = NonNullable<GetL3PrefillPayload['item']>;
export type { L3Prefill, L3Summary };

// ---- the living handoff (issue 6): walkthrough, rollout, history, export ----------------------------
export type ExportFormat = ExportHandoffPayload['format'];
export type { HandoffExport, HandoffHistory, RevisionDiff, RevisionSummary };

/** What the overview asks for: a page, a name search, a release status. */
export type OverviewQuery = ListReleasesPayload;

export const api = {
  listReleases: (query: OverviewQuery = {}): Promise<Result<ReleasesOverview>> => call(() => invoke('listReleases', query)),
  getHandoff: (versionId: string): Promise<Result<HandoffView>> => call(() => invoke('getHandoff', { versionId })),
  /** The handoff page's opening call: the handoff and its L3 count in one invocation. */
  getHandoffPage: (versionId: string): Promise<Result<HandoffPage>> => call(() => invoke('getHandoffPage', { versionId })),
  saveHandoff: (payload: SaveHandoffPayload): Promise<Result<HandoffView>> => call(() => invoke('saveHandoff', payload)),
  setStatus: (payload: SetStatusPayload): Promise<Result<HandoffView>> => call(() => invoke('setStatus', payload)),
  getL3Prefill: (versionId: string, item?: L3ItemRef): Promise<Result<L3Prefill>> =>
    call(() => invoke('getL3Prefill', item ? { versionId, item } : { versionId })),
  getL3Summary: (versionId: string): Promise<Result<L3Summary>> => call(() => invoke('getL3Summary', { versionId })),
  overrideGate: (versionId: string, reason: string): Promise<Result<GateView>> => call(() => invoke('overrideGate', { versionId, reason })),
  withdrawOverride: (versionId: string): Promise<Result<GateView>> => call(() => invoke('withdrawOverride', { versionId })),
  getSettings: (): Promise<Result<ProjectSettingsView>> => call(() => invoke('getSettings', {})),
  saveSettings: (payload: SaveSettingsPayload): Promise<Result<ProjectSettingsView>> => call(() => invoke('saveSettings', payload)),

  saveWalkthrough: (versionId: string, baseRevision: number, walkthrough: SaveWalkthroughPayload['walkthrough']): Promise<Result<HandoffView>> =>
    call(() => invoke('saveWalkthrough', { versionId, baseRevision, walkthrough })),
  settleQuestion: (versionId: string, baseRevision: number, questionId: string, settlement: Settlement | null): Promise<Result<HandoffView>> =>
    call(() => invoke('settleQuestion', { versionId, baseRevision, questionId, settlement })),
  promoteQuestion: (versionId: string, baseRevision: number, questionId: string, answer: string): Promise<Result<HandoffView>> =>
    call(() => invoke('promoteQuestion', { versionId, baseRevision, questionId, answer })),
  settleSupportQuestion: (versionId: string, baseRevision: number, questionId: string, settlement: Settlement | null): Promise<Result<SupportQuestionsView>> =>
    call(() => invoke('settleSupportQuestion', { versionId, baseRevision, questionId, settlement })),
  fileBriefGap: (versionId: string, baseRevision: number, questionId: string): Promise<Result<HandoffView>> =>
    call(() => invoke('fileBriefGap', { versionId, baseRevision, questionId })),
  moveRollout: (payload: MoveRolloutPayload): Promise<Result<HandoffView>> => call(() => invoke('moveRollout', payload)),
  listHistory: (versionId: string): Promise<Result<HandoffHistory>> => call(() => invoke('listHistory', { versionId })),
  diffRevisions: (versionId: string, from: number, to: number): Promise<Result<RevisionDiff>> =>
    call(() => invoke('diffRevisions', { versionId, from, to })),
  exportHandoff: (versionId: string, format: ExportFormat): Promise<Result<HandoffExport>> =>
    call(() => invoke('exportHandoff', { versionId, format })),
  searchPeople: (query: string): Promise<Result<PeopleMatches>> => call(() => invoke('searchPeople', { query })),
};

export type Api = typeof api;
