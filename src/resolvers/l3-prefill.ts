import type { z } from 'zod';
import type { GetL3PrefillPayloadSchema, L3Prefill, ProjectInfo } from '../contract';
import type { ItemRef } from '../domain/chain-label';
import { appError } from '../domain/errors';
import type { StoredHandoff } from '../domain/handoff';
import { buildL3Bug, type L3BugInput } from '../domain/l3-bug';
import type { JiraIssueType, JiraVersion } from '../jira';
import type { ResolverDeps } from './deps';
import { readAccess, requireAccess, settledValue } from './access';
import { handoffFrom, readRecords } from './handoff-store';
import { handoffPageUrl, targetOf } from './handoff-writes';
import { assertItemExists, rolloutStageOf, withChainLabel } from './l3-rules';
import { issueTypeFor, L3_BUG } from '../domain/issue-types';
import type { Action } from './run';
import { versionInProject } from './views';


/**
 * The CreateIssueModal context for an L3 bug filed from a handoff. Anyone who can browse the project
 * may ask; Jira itself decides, when the modal submits as the person, whether they may create it.
 *
 * One parallel round (6 Jira calls): as the person, permissions, the project, the version, its handoff
 * property and the project's creatable issue types; as the app, the site's address for the handoff link.
 */
export const getL3Prefill: Action<z.output<typeof GetL3PrefillPayloadSchema>, L3Prefill> = async ({ versionId, item }, call, deps) => {
  // Records are keyed by the claimed id: only read here; requireAccess proves it before any import (a write).
  const target = targetOf(call.project, versionId);
  const [access, version, records, issueTypes, siteUrl] = await Promise.allSettled([
    readAccess(deps, call.project),
    deps.jira.getVersion(versionId),
    readRecords(deps, target),
    deps.jira.getCreatableIssueTypes(call.project.key),
    call.siteUrl(),
  ]);
  const { project } = requireAccess(access, 'read', call.project);
  const found = versionInProject(version, versionId, project);
  // A project-level obstacle (no Create issues permission, no Bug type) is named before a missing handoff.
  const bugType = issueTypeFor(settledValue(issueTypes), L3_BUG, project.key);
  const handoff = await handoffFrom(deps, target, records);
  return l3PrefillFor({ project, version: found, handoff, bugType, siteUrl: settledValue(siteUrl), item }, deps);
};

/**
 * The CreateIssueModal context from what the first round found: the same pre-fill whether the agent files
 * from the handoff or from a customer's request (which adds the request's summary and the customer's words).
 */
export function l3PrefillFor(
  input: { project: ProjectInfo; version: JiraVersion; handoff: StoredHandoff | null; bugType: JiraIssueType; siteUrl: string; item: ItemRef | undefined; request?: L3BugInput['request'] },
  deps: Pick<ResolverDeps, 'appIdentity'>,
): L3Prefill {
  const { project, version, handoff, item } = input;
  if (!handoff) {
    throw appError('NOT_FOUND', `No CS handoff for this release yet: the product owner has to write one for ${version.name} before L3 bugs can be filed from it.`);
  }
  assertItemExists(handoff.content, item);

  const draft = withChainLabel(() =>
    buildL3Bug({
      link: { projectKey: project.key, versionId: version.id },
      versionName: version.name,
      content: handoff.content,
      rolloutStage: rolloutStageOf(handoff),
      handoffUrl: handoffPageUrl(input.siteUrl, project, version.id, deps.appIdentity()),
      item,
      ...(input.request ? { request: input.request } : {}),
    }),
  );
  return {
    projectId: project.id,
    issueTypeId: input.bugType.id,
    summary: draft.summary,
    description: draft.description,
    labels: draft.labels,
    versions: [version.id],
  };
}
