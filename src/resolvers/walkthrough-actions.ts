/**
 * The CS walkthrough. Recording it and settling its questions is the CS lead's and agents' job, and
 * they are readers of the project, so those need Browse projects only (design.md, security model).
 * Turning a question into a likely question changes the handoff's text, so it needs Edit issues.
 */
import type { z } from 'zod';
import type { HandoffView, PromoteQuestionPayloadSchema, SaveWalkthroughPayloadSchema, SettleQuestionPayloadSchema } from '../contract';
import { attendeeAccountIds, nextRevision, normaliseWalkthrough, promoteQuestion as promote, settleQuestion as settle } from '../domain/walkthrough/rules';
import type { PersonRef } from '../domain/person';
import type { ResolverDeps } from './deps';
import type { Action } from './run';
import { changeHandoff } from './walkthrough-change';

export const saveWalkthrough: Action<z.output<typeof SaveWalkthroughPayloadSchema>, HandoffView> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    access: 'read',
    withIndex: true,
    what: 'the walkthrough is recorded',
    // The attendees' accountIds, checked with Jira in one bulk call (as the person) in round 1; the names stored are Jira's.
    prefetch: () => peopleNamed(deps, attendeeAccountIds(payload.walkthrough)),
    apply: (stored, me, now, people) =>
      nextRevision(stored, { walkthrough: normaliseWalkthrough(payload.walkthrough, stored.walkthrough, stored.content, people) }, me, now),
  });

function peopleNamed(deps: ResolverDeps, accountIds: string[]): Promise<PersonRef[]> {
  return accountIds.length === 0 ? Promise.resolve([]) : deps.jira.getUsersBulk(accountIds);
}

export const settleQuestion: Action<z.output<typeof SettleQuestionPayloadSchema>, HandoffView> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    access: 'read',
    withIndex: true,
    what: 'walkthrough questions are settled',
    apply: (stored, me, now) => settle(stored, payload.questionId, payload.settlement, me, now),
  });

export const promoteQuestion: Action<z.output<typeof PromoteQuestionPayloadSchema>, HandoffView> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    access: 'edit',
    withIndex: true,
    what: 'a walkthrough question becomes a likely question',
    apply: (stored, me, now) => promote(stored, payload.questionId, payload.answer, me, now),
  });
