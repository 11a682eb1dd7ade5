import { readAccess, requireAccess } from '../core/access';
import { issueTypeFor, keptType, keptTypeId, L3_BUG } from '#domain/issue-types';
import { ENTITIES, type RecordRef } from '#store/port';
import type { Handler } from '../core/run';

/** Where a project's Bug type id is kept (read in the first round, beside the access check). */
export const bugTypeRef = (projectId: string): RecordRef => ({ entity: ENTITIES.bugType, key: projectId });

/**
 * The project's Bug issue type, all the handoff page still needs to pre-fill Jira's Create issue dialog
 * (it builds the rest from the page's data). Anyone who can browse the project may ask; Jira's dialog
 * decides, as the person, whether they may create the bug.
 *
 * One round while a type is kept (2 Jira calls for the access check, 1 storage read); otherwise a
 * second round asks Jira's create metadata (1 call) and keeps what it found (1 storage write). A type
 * that could not be kept is only asked for again next time.
 */
export const getL3BugType: Handler<'getL3BugType'> = async (_payload, call, deps) => {
  // Keyed by the claimed id: only read before requireAccess proves it, and written after.
  const ref = bugTypeRef(call.project.id);
  const [access, kept] = await Promise.allSettled([readAccess(deps, call.project), deps.store.getMany([ref])]);
  const { project } = requireAccess(access, 'read', call.project);
  const known = kept.status === 'fulfilled' ? keptTypeId(kept.value[0], deps.now()) : null;
  if (known) return { issueTypeId: known };
  // The person's creatable types: none at all is a missing permission, said as the filing's error.
  const bug = issueTypeFor(await deps.jira.getCreatableIssueTypes(project.key), L3_BUG, project.key);
  await deps.store.commit([{ ...ref, value: keptType(bug.id, deps.now()) }]).catch((error: unknown) => deps.log.warn(`Could not keep the Bug type of ${project.key}`, error));
  return { issueTypeId: bug.id };
};
