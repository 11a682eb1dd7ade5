import { readAccess, requireAccess, settledValue } from '../core/access';
import { handoffFrom, readRecords } from '../core/handoff-store';
import { targetOf } from '../core/handoff-writes';
import { l3PrefillFor } from '../core/l3-draft';
import { issueTypeFor, L3_BUG } from '#domain/issue-types';
import type { Handler } from '../core/run';
import { versionInProject } from '../core/views';

/**
 * The CreateIssueModal context for an L3 bug filed from a handoff. Anyone who can browse the project
 * may ask; Jira itself decides, when the modal submits as the person, whether they may create it.
 *
 * One parallel round (6 Jira calls): as the person, permissions, the project, the version, its handoff
 * property and the project's creatable issue types; as the app, the site's address for the handoff link.
 */
export const getL3Prefill: Handler<'getL3Prefill'> = async ({ versionId, item }, call, deps) => {
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
