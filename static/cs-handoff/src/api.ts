/**
 * The only place the UI talks to the backend. Every call is typed by the shared contract, and a
 * thrown bridge error (network, host) becomes an ordinary `ok:false` result, so screens handle one shape.
 */
import { makeInvoke } from '@forge/bridge/out/invoke/invoke';
import type { HandoffExport, HandoffHistory, L3Prefill, L3Summary, PayloadOf, ResolverDefinitions, ResolverName, Result, ResultOf, RevisionDiff, RevisionSummary, Settlement } from '#contract';

import { bridgeFailure } from './bridge-failure';

/**
 * makeInvoke's argument list is a conditional type that TypeScript leaves unresolved for a name known
 * only as a generic K; every resolver in the table takes a payload, so it is called as (name, payload).
 */
const invoke = makeInvoke<ResolverDefinitions>() as <K extends ResolverName>(name: K, payload: PayloadOf<K>) => Promise<Result<ResultOf<K>>>;

export async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await run();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { code: 'INTERNAL', message: 'The app returned an unexpected answer. Try again.' } };
  } catch (error) {
    return { ok: false, error: bridgeFailure(error) };
  }
}

/** Invokes resolver `name`: payload and answer typed by the contract's table, failures as `ok:false`. */
export function request<K extends ResolverName>(name: K, payload: PayloadOf<K>): Promise<Result<ResultOf<K>>> {
  return call(() => invoke(name, payload));
}

/** The handoff item an L3 bug is filed from (the contract's `item`). */
export type L3ItemRef = NonNullable<PayloadOf<'getL3Prefill'>['item']>;
export type { L3Prefill, L3Summary };

// ---- the living handoff (issue 6): walkthrough, rollout, history, export ----------------------------
export type ExportFormat = PayloadOf<'exportHandoff'>['format'];
export type { HandoffExport, HandoffHistory, RevisionDiff, RevisionSummary };

/** What the overview asks for: a page, a name search, a release status. */
export type OverviewQuery = PayloadOf<'listReleases'>;

export const api = {
  listReleases: (query: OverviewQuery = {}) => request('listReleases', query),
  getHandoff: (versionId: string) => request('getHandoff', { versionId }),
  /** The handoff page's opening call: the handoff and its L3 count in one invocation. */
  getHandoffPage: (versionId: string) => request('getHandoffPage', { versionId }),
  saveHandoff: (payload: PayloadOf<'saveHandoff'>) => request('saveHandoff', payload),
  setStatus: (payload: PayloadOf<'setStatus'>) => request('setStatus', payload),
  getL3Summary: (versionId: string) => request('getL3Summary', { versionId }),
  /** The project's Bug issue type (the page's project), for the L3 dialog's pre-fill. */
  getL3BugType: () => request('getL3BugType', {}),
  overrideGate: (versionId: string, reason: string) => request('overrideGate', { versionId, reason }),
  withdrawOverride: (versionId: string) => request('withdrawOverride', { versionId }),
  getSettings: () => request('getSettings', {}),
  saveSettings: (payload: PayloadOf<'saveSettings'>) => request('saveSettings', payload),

  saveWalkthrough: (versionId: string, baseRevision: number, walkthrough: PayloadOf<'saveWalkthrough'>['walkthrough']) => request('saveWalkthrough', { versionId, baseRevision, walkthrough }),
  settleQuestion: (versionId: string, baseRevision: number, questionId: string, settlement: Settlement | null) => request('settleQuestion', { versionId, baseRevision, questionId, settlement }),
  promoteQuestion: (versionId: string, baseRevision: number, questionId: string, answer: string) => request('promoteQuestion', { versionId, baseRevision, questionId, answer }),
  settleSupportQuestion: (versionId: string, baseRevision: number, questionId: string, settlement: Settlement | null) =>
    request('settleSupportQuestion', { versionId, baseRevision, questionId, settlement }),
  fileBriefGap: (versionId: string, baseRevision: number, questionId: string) => request('fileBriefGap', { versionId, baseRevision, questionId }),
  moveRollout: (payload: PayloadOf<'moveRollout'>) => request('moveRollout', payload),
  listHistory: (versionId: string) => request('listHistory', { versionId }),
  diffRevisions: (versionId: string, from: number, to: number) => request('diffRevisions', { versionId, from, to }),
  exportHandoff: (versionId: string, format: ExportFormat) => request('exportHandoff', { versionId, format }),
  searchPeople: (query: string) => request('searchPeople', { query }),
};

export type Api = typeof api;
