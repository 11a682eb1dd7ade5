/**
 * A valid payload for every resolver of the contract, built fresh for one version (revisions move as
 * the tests save), by calling resolvers as the release manager from the version's own project.
 */
import type { HandoffView } from '#contract';
import { attendeeOf } from '../../support';
import { completeContent, type Invoke } from '../resolvers/helpers';

const WALKTHROUGH = {
  heldAt: '2026-07-01T14:00:00Z',
  attendees: [attendeeOf('cs-lead')],
  questions: [{ text: 'Does the saved cart keep prices from the day it was saved?', settlement: null }],
};
/** One question already settled as a brief gap, not filed yet. */
const GAP_WALKTHROUGH = {
  ...WALKTHROUGH,
  questions: [{ text: 'What happens to a saved cart when a product is discontinued?', settlement: { kind: 'brief-gap', note: 'The brief does not say.' } }],
};

/**
 * Resolvers of the issue card (jira:issueContext), which answer only on an issue page, the handoff page's
 * questions from support, which exist only once a card sent one, and the request actions (link to a
 * release, L3 from a request), which name a request and a release rather than the page's project: the
 * project-page matrices here leave them out; test/integration/resolvers/card and test/integration/resolvers/requests cover
 * their forged pages, forged releases and permissions.
 */
export const ISSUE_PAGE_RESOLVERS: readonly string[] = [
  'getIssueHandoffCard',
  'listLiveReleases',
  'findAnswers',
  'askSupportQuestion',
  'listSupportQuestions',
  'settleSupportQuestion',
  'linkRequestToRelease',
  'getRequestL3Prefill',
  'linkRequestBug',
];

export function resolverPayloads(invoke: Invoke, versionId: string, projectKey = 'SHOP'): Record<string, () => Promise<unknown>> {
  /** Forward-only stages for the rollout moves. */
  const rolloutStages = ['1', '5', '25', '50', '100'];

  /** The current revision of one of the handoff's records (each change names its own record's). */
  async function revision(record: 'content' | 'walkthrough' | 'rollout' = 'content'): Promise<number> {
    const view = await invoke<HandoffView>('release-manager', 'getHandoff', { versionId }, projectKey);
    if (!view.ok) throw new Error(view.error.message);
    return view.value.revisions[record];
  }

  /** Replaces the walkthrough (as the release manager) with one open question; its id and the new revision. */
  async function freshWalkthrough(walkthrough: object = WALKTHROUGH): Promise<{ baseRevision: number; questionId: string }> {
    const view = await invoke<HandoffView>('release-manager', 'saveWalkthrough', { versionId, baseRevision: await revision('walkthrough'), walkthrough }, projectKey);
    if (!view.ok) throw new Error(view.error.message);
    return { baseRevision: view.value.revisions.walkthrough, questionId: view.value.walkthrough?.questions[0]?.id ?? 'q1' };
  }

  return {
    listReleases: async () => ({}),
    getHandoff: async () => ({ versionId }),
    saveHandoff: async () => ({ versionId, baseRevision: await revision(), content: completeContent({ whatsNew: `Saved at ${Date.now()}.` }) }),
    setStatus: async () => ({ versionId, baseRevision: await revision(), status: 'draft' }),
    getL3Prefill: async () => ({ versionId, item: { kind: 'step', position: 1 } }),
    getL3Summary: async () => ({ versionId }),
    getL3BugType: async () => ({}),
    getHandoffPage: async () => ({ versionId }),
    overrideGate: async () => ({ versionId, reason: 'CS was briefed in person on Monday.' }),
    withdrawOverride: async () => ({ versionId }),
    getSettings: async () => ({}),
    saveSettings: async () => ({ leadTimeDays: 7 }),
    saveWalkthrough: async () => ({ versionId, baseRevision: await revision('walkthrough'), walkthrough: WALKTHROUGH }),
    settleQuestion: async () => ({ versionId, ...(await freshWalkthrough()), settlement: { kind: 'answered', where: 'whatsNew' } }),
    promoteQuestion: async () => ({ versionId, ...(await freshWalkthrough()), answer: 'Yes, prices are re-checked at checkout.' }),
    fileBriefGap: async () => ({ versionId, ...(await freshWalkthrough(GAP_WALKTHROUGH)) }),
    moveRollout: async () => ({ versionId, baseRevision: await revision('rollout'), to: rolloutStages.shift() ?? '100', learned: 'Quiet so far.' }),
    listHistory: async () => ({ versionId }),
    diffRevisions: async () => ({ versionId, from: 0, to: 1 }),
    exportHandoff: async () => ({ versionId, format: 'markdown' }),
    searchPeople: async () => ({ query: 'ana' }),
  };
}

/** A Jira call that changes something (searches are POSTs that change nothing). */
export const isWrite = (e: { method: string; path: string }) => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);
