/**
 * The CS walkthrough. Recording it and settling its questions is the CS lead's and agents' job, and
 * they are readers of the project, so those need Browse projects only (design.md, security model).
 * Turning a question into a likely question changes the handoff's text, so it needs Edit issues.
 */
import type { z } from 'zod';
import type { HandoffView, PromoteQuestionPayloadSchema, SaveWalkthroughPayloadSchema, SettleQuestionPayloadSchema } from '../contract';
import { nextRevision, normaliseWalkthrough, promoteQuestion as promote, settleQuestion as settle } from '../domain/walkthrough/rules';
import type { Action } from './run';
import { changeHandoff } from './walkthrough-change';

export const saveWalkthrough: Action<z.output<typeof SaveWalkthroughPayloadSchema>, HandoffView> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    access: 'read',
    withIndex: true,
    what: 'the walkthrough is recorded',
    apply: (stored, me, now) => nextRevision(stored, { walkthrough: normaliseWalkthrough(payload.walkthrough, stored.walkthrough, stored.content) }, me, now),
  });

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
