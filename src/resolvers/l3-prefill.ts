import type { z } from 'zod';
import type { GetL3PrefillPayloadSchema, L3Prefill } from '../contract';
import { appError } from '../domain/errors';
import { buildL3Bug } from '../domain/l3-bug';
import { readAccess, requireAccess, settledValue } from './access';
import { handoffFrom, readRecords } from './handoff-store';
import { handoffPageUrl, targetOf } from './handoff-writes';
import { assertItemExists, bugTypeOf, rolloutStageOf, withChainLabel } from './l3-rules';
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
  const bugType = bugTypeOf(settledValue(issueTypes), project);
  const handoff = await handoffFrom(deps, target, records);
  if (!handoff) {
    throw appError('NOT_FOUND', `No CS handoff for this release yet: the product owner has to write one for ${found.name} before L3 bugs can be filed from it.`);
  }
  assertItemExists(handoff.content, item);

  const draft = withChainLabel(() =>
    buildL3Bug({
      link: { projectKey: project.key, versionId },
      versionName: found.name,
      content: handoff.content,
      rolloutStage: rolloutStageOf(handoff),
      handoffUrl: handoffPageUrl(settledValue(siteUrl), project, versionId, deps.appIdentity()),
      item,
    }),
  );
  return {
    projectId: project.id,
    issueTypeId: bugType.id,
    summary: draft.summary,
    description: draft.description,
    labels: draft.labels,
    versions: [versionId],
  };
};
