import { makeResolver, type Handlers } from '@forge/resolver';
import { RESOLVERS, type ResolverDefinitions, type ResolverName } from '#contract';
import { defaultDeps, type ResolverDeps } from './core/deps';
import { resolverFor, type Handler } from './core/run';
import { askSupportQuestion, settleSupportQuestion } from './card/support-questions';
import { listSupportQuestions } from './core/support-store';
import { findAnswers, getIssueHandoffCard, listLiveReleases } from './card/issue-card';
import { overrideGate, withdrawOverride } from './gate/gate-override';
import { getSettings, saveSettings } from './gate/settings-project';
import { exportHandoff } from './handoff/export-handoff';
import { getHandoff } from './handoff/get-handoff';
import { getHandoffPage } from './handoff/handoff-page';
import { getL3Summary } from './handoff/l3-summary';
import { saveHandoff } from './handoff/save-handoff';
import { setStatus } from './handoff/set-status';
import { getL3Prefill } from './l3/l3-prefill';
import { getL3BugType } from './l3/bug-type';
import { diffRevisions, listHistory } from './living/history-read';
import { searchPeople } from './living/people-search';
import { moveRollout } from './living/rollout-move';
import { fileBriefGap, promoteQuestion, saveWalkthrough, settleQuestion } from './living/walkthrough-actions';
import { listReleases } from './releases/list-releases';
import { getRequestL3Prefill, linkRequestBug } from './requests/request-l3';
import { linkRequestToRelease } from './requests/request-release';

/** The handler of every resolver in the contract's table: a call missing here, or typed otherwise, fails to compile. */
const HANDLERS: { [K in ResolverName]: Handler<K> } = {
  listReleases,
  getHandoff,
  saveHandoff,
  setStatus,
  getL3Prefill,
  getL3BugType,
  getL3Summary,
  getHandoffPage,
  overrideGate,
  withdrawOverride,
  getSettings,
  saveSettings,
  saveWalkthrough,
  settleQuestion,
  promoteQuestion,
  fileBriefGap,
  moveRollout,
  listHistory,
  diffRevisions,
  exportHandoff,
  searchPeople,
  linkRequestToRelease,
  getRequestL3Prefill,
  linkRequestBug,
  getIssueHandoffCard,
  listLiveReleases,
  findAnswers,
  askSupportQuestion,
  listSupportQuestions,
  settleSupportQuestion,
};

/** Every resolver the UI can invoke, bound to its dependencies; tests pass their own. */
export function createHandler(deps: ResolverDeps = defaultDeps()) {
  const bind = <K extends ResolverName>(name: K) => [name, resolverFor(name, HANDLERS[name], deps)] as const;
  // Each entry is bound with its own name's handler (bind's K), which a loop over a union of names cannot
  // show the compiler: the one cast is the object built from those entries.
  const handlers = Object.fromEntries((Object.keys(RESOLVERS) as ResolverName[]).map(bind)) as Handlers<ResolverDefinitions>;
  return makeResolver<ResolverDefinitions>(handlers);
}

export const handler = createHandler();
