import type { Capabilities } from '../contract';
import { AppError, appError } from '../domain/errors';
import type { PermissionSet } from '../jira';

/** 'create': browse the project and create issues in it (filing a brief gap as a Jira task). */
export type Access = 'read' | 'edit' | 'create';

/**
 * Checks the person's own Jira permissions: browsing the project to read, editing issues to change a
 * handoff. Jira answers 404 for a project the person cannot see, which is the same refusal.
 */
export function requireAccess(permissions: PromiseSettledResult<PermissionSet>, access: Access, projectKey: string): PermissionSet {
  if (permissions.status === 'rejected') {
    const reason: unknown = permissions.reason;
    if (reason instanceof AppError && reason.error.code === 'NOT_FOUND') throw cannotBrowse(projectKey);
    throw reason;
  }
  const granted = permissions.value;
  if (!granted.BROWSE_PROJECTS) throw cannotBrowse(projectKey);
  if (access === 'edit' && !granted.EDIT_ISSUES) {
    throw appError('FORBIDDEN', `You can read this handoff but not change it: changing it needs the Edit issues permission in project ${projectKey}.`);
  }
  if (access === 'create' && granted.CREATE_ISSUES !== true) {
    throw appError('FORBIDDEN', `You can read this handoff but cannot file issues in project ${projectKey}: filing a brief gap as a Jira task needs the Create issues permission there.`);
  }
  return granted;
}

function cannotBrowse(projectKey: string): AppError {
  return appError('FORBIDDEN', `You don't have permission to browse project ${projectKey}.`);
}

export function capabilitiesOf(permissions: PermissionSet): Capabilities {
  return { canEdit: permissions.BROWSE_PROJECTS && permissions.EDIT_ISSUES, canAdminister: permissions.ADMINISTER_PROJECTS };
}

/** The value of a settled call, or its error; used after the permission check so a refusal wins. */
export function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
