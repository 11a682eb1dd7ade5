/**
 * The CS walkthrough. Recording it and settling its questions is the CS lead's and agents' job, and
 * they are readers of the project, so those need Browse projects only (design.md, security model).
 * Turning a question into a likely question changes the handoff's text, so it needs Edit issues.
 * Filing a brief gap as a Jira task creates an issue as the person, so it needs Create issues.
 */
import { attendeeAccountIds, nextRevision, normaliseWalkthrough, promoteQuestion as promote, settleQuestion as settle } from '#domain/walkthrough/rules';
import type { PersonRef } from '#domain/person';
import { BRIEF_GAP_TASK, issueTypeFor } from '#domain/issue-types';
import { briefGapTask, briefGapToFile, recordBriefGapIssue } from '#domain/walkthrough/brief-gap';
import { handoffPageUrl, targetOf } from '../core/handoff-writes';
import { fileOnce } from './brief-gap-filing';
import { withChainLabel } from '#domain/l3-prefill';
import type { ResolverDeps } from '../core/deps';
import type { Handler } from '../core/run';
import { changeHandoff } from './walkthrough-change';

export const saveWalkthrough: Handler<'saveWalkthrough'> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    record: 'walkthrough',
    access: 'read',
    what: 'the walkthrough is recorded',
    // The attendees' accountIds, checked with Jira in one bulk call (as the person) in round 1; the names stored are Jira's.
    prefetch: () => peopleNamed(deps, attendeeAccountIds(payload.walkthrough)),
    apply: (stored, me, now, people) => nextRevision(stored, { walkthrough: normaliseWalkthrough(payload.walkthrough, stored.walkthrough, stored.content, people) }, me, now),
  });

function peopleNamed(deps: ResolverDeps, accountIds: string[]): Promise<PersonRef[]> {
  return accountIds.length === 0 ? Promise.resolve([]) : deps.jira.getUsersBulk(accountIds);
}

export const settleQuestion: Handler<'settleQuestion'> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    record: 'walkthrough',
    access: 'read',
    what: 'walkthrough questions are settled',
    apply: (stored, me, now) => settle(stored, payload.questionId, payload.settlement, me, now),
  });

export const promoteQuestion: Handler<'promoteQuestion'> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    record: 'walkthrough',
    access: 'edit',
    what: 'a walkthrough question becomes a likely question',
    apply: (stored, me, now) => promote(stored, payload.questionId, payload.answer, me, now),
  });

/**
 * Files a brief gap as a Jira task (as the person), at most once per question (brief-gap-filing.ts),
 * then records the task's key on the settlement through the usual compare-and-set commit. Round 1 also
 * reads the project's creatable issue types.
 */
export const fileBriefGap: Handler<'fileBriefGap'> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    record: 'walkthrough',
    access: 'create',
    what: 'a brief gap is filed as a Jira task',
    prefetch: () => deps.jira.getCreatableIssueTypes(call.project.key),
    withSiteUrl: true,
    prepare: (stored, issueTypes, version, project) => {
      const question = briefGapToFile(stored, payload.questionId);
      // At most one task per question, whatever is clicked twice or retried (brief-gap-filing.ts).
      return fileOnce(deps, targetOf(project, payload.versionId), payload.questionId, async (filingToken) => {
        const taskType = issueTypeFor(issueTypes, BRIEF_GAP_TASK, project.key);
        const handoffUrl = handoffPageUrl(await call.siteUrl(), project, payload.versionId, deps.appIdentity());
        const task = withChainLabel(() =>
          briefGapTask({
            link: { projectKey: project.key, versionId: payload.versionId },
            versionName: version.name,
            question,
            note: question.settlement.note,
            handoffUrl,
            filingToken,
          }),
        );
        const created = await deps.jira.createIssue({
          projectId: project.id,
          issueTypeId: taskType.id,
          summary: task.summary,
          description: task.description,
          fixVersionIds: [payload.versionId],
          labels: task.labels,
        });
        return created.key;
      });
    },
    apply: (stored, me, now, _issueTypes, issueKey) => recordBriefGapIssue(stored, payload.questionId, issueKey, me, now),
  });
