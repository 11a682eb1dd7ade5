/**
 * "Not in the handoff": a support agent sends the customer's question from the request (issue card) to
 * the release's handoff as an open question; the PO and CS lead see the open ones on the handoff page
 * (listed by core/support-store.ts, with getHandoffPage)
 * and settle them as they settle the walkthrough's (answered in the handoff, or a gap in the release brief).
 *
 * The questions are one record per handoff in Forge storage (domain/card/support-questions.ts) with its
 * own compare-and-set revision. Asking appends: a refused commit (someone asked meanwhile) reads again
 * and appends again, so two agents asking at once both land. Settling names the revision it was planned
 * on, like the walkthrough: someone else's change since then is a CONFLICT, never overwritten.
 */
import { randomUUID } from 'node:crypto';
import { addSupportQuestion, settleSupportQuestion as settleInRecord, SupportRecordSchema } from '#domain/card/support-questions';
import { appError } from '#domain/errors';
import { ContentRecordSchema } from '#domain/records';
import { settlementProblem } from '#domain/walkthrough/rules';
import { CommitRefused, ENTITIES, versionKey } from '#store/port';
import { readSupport, supportRef as refOf } from '../core/support-store';
import { readAccess, requireAccess, settledValue } from '../core/access';
import { COMMIT_ATTEMPTS } from '../core/handoff-store';
import { pageIssue, releaseAsPerson } from './issue-card';
import type { Handler } from '../core/run';

/**
 * Round 1: the page's issue and the release as the person (Browse projects on both), who they are, and
 * the stored questions. Round 2: the commit (again after a refusal: a read, then a commit).
 */
export const askSupportQuestion: Handler<'askSupportQuestion'> = async ({ versionId, question }, call, deps) => {
  // Settled, not Promise.all: a refusal answers only once every read of the round has ended.
  const round = await Promise.allSettled([pageIssue(deps, call), releaseAsPerson(deps, versionId), deps.jira.getMyself()]);
  const issue = settledValue(round[0]);
  const release = settledValue(round[1]);
  const me = settledValue(round[2]);
  if (!release) throw appError('FORBIDDEN', `You don't have permission to read the handoff of version ${versionId}.`);
  const target = { projectId: release.project.id, versionId };
  let stored = await readSupport(deps, target.projectId, versionId);
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt += 1) {
    const added = addSupportQuestion(stored, target, { text: question, issueKey: issue.key, issueId: issue.id, stage: release.stage }, me, deps.now().toISOString(), randomUUID());
    if (added.record === null) return { questionId: added.question.id, versionName: release.version.name, alreadySent: true };
    try {
      await deps.store.commit([{ ...refOf(target.projectId, versionId), value: added.record, ifRevision: stored?.revision ?? 0 }]);
      return { questionId: added.question.id, versionName: release.version.name, alreadySent: false };
    } catch (error) {
      if (!(error instanceof CommitRefused)) throw error;
      await deps.storeBackoff(attempt);
      stored = await readSupport(deps, target.projectId, versionId);
    }
  }
  throw appError('CONFLICT', 'Many people are sending questions to this handoff right now. Send yours again in a moment.');
};

/**
 * Browse permission, as the walkthrough's settling. Round 1: access, version, who they are, and the
 * support and content records (one storage call: "answered in" must name a section the handoff has).
 * Round 2: the compare-and-set commit on `baseRevision`.
 */
export const settleSupportQuestion: Handler<'settleSupportQuestion'> = async (payload, { project: claimed }, deps) => {
  const { versionId } = payload;
  const [access, version, me, records] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.getVersion(versionId),
    deps.jira.getMyself(),
    deps.store.getMany([refOf(claimed.id, versionId), { entity: ENTITIES.content, key: versionKey(claimed.id, versionId) }]),
  ]);
  const { project } = requireAccess(access, 'read', claimed);
  if (settledValue(version).projectId !== project.id) throw appError('NOT_FOUND', `Version ${versionId} is not in project ${project.key}.`);
  const [supportValue, contentValue] = settledValue(records);
  const stored = supportValue ? SupportRecordSchema.parse(supportValue) : null;
  if (!stored) throw appError('NOT_FOUND', `There is no support question ${payload.questionId} on this handoff.`);
  if (stored.revision !== payload.baseRevision) {
    throw appError('CONFLICT', 'Someone changed the questions from support since you opened them. Look at them again, then settle.');
  }
  const content = ContentRecordSchema.safeParse(contentValue);
  if (payload.settlement && content.success) {
    const problem = settlementProblem(content.data.content, payload.settlement);
    if (problem) throw appError('INVALID_INPUT', problem);
  } else if (payload.settlement?.kind === 'answered') {
    throw appError('INVALID_INPUT', 'Nothing in the handoff is written yet, so it cannot answer the question.');
  }
  const next = settleInRecord(stored, payload.questionId, payload.settlement, settledValue(me), deps.now().toISOString(), randomUUID());
  try {
    await deps.store.commit([{ ...refOf(claimed.id, versionId), value: next, ifRevision: stored.revision }]);
  } catch (error) {
    if (error instanceof CommitRefused) throw appError('CONFLICT', 'Someone changed the questions from support at the same moment. Look at them again, then settle.');
    throw error;
  }
  return { versionId, revision: next.revision, questions: next.questions };
};
