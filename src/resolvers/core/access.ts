import type { Capabilities, ProjectInfo } from '#contract';
import { AppError, appError } from '#domain/errors';
import type { JiraProject, PermissionSet, ProjectPermission } from '#jira';
import { PROJECT_PERMISSIONS } from '#jira/permissions';
import type { ClaimedProject } from './call-context';
import type { ResolverDeps } from './deps';

/** 'create': browse the project and create issues in it (filing a brief gap as a Jira task). */
export type Access = 'read' | 'edit' | 'create';

/** The person's permissions in the project and the project as Jira knows it, both read as the person. */
export interface ProjectAccess {
  permissions: PermissionSet;
  project: JiraProject;
}

/**
 * The first round's access read: the person's permissions and the project itself, in parallel (one
 * extra call, no extra round). The project read is what makes the browser's claim checkable; it also
 * brings the project properties named in `propertyKeys` (the gate index), read only after the check.
 */
export function readAccess(deps: ResolverDeps, claimed: ClaimedProject, keys: readonly ProjectPermission[] = PROJECT_PERMISSIONS, propertyKeys: readonly string[] = []): Promise<ProjectAccess> {
  return Promise.all([deps.jira.getMyPermissions(claimed.key, keys), deps.jira.getProject(claimed.key, propertyKeys)]).then(([permissions, project]) => ({ permissions, project }));
}

/**
 * Checks the person's own Jira permissions: browsing the project to read, editing issues to change a
 * handoff. Jira answers 404 for a project the person cannot see, which is the same refusal. The id
 * and key the page sent must both be the project Jira answered with: another project's id beside
 * this key is refused before anything is read from the answer or written.
 */
export function requireAccess(
  result: PromiseSettledResult<ProjectAccess>,
  access: Access,
  claimed: ClaimedProject,
): { permissions: PermissionSet; project: ProjectInfo; properties: Record<string, unknown> } {
  if (result.status === 'rejected') {
    const reason: unknown = result.reason;
    if (reason instanceof AppError && reason.error.code === 'NOT_FOUND') throw cannotBrowse(claimed.key);
    throw reason;
  }
  const { permissions: granted, project } = result.value;
  if (!granted.BROWSE_PROJECTS) throw cannotBrowse(claimed.key);
  if (project.id !== claimed.id || project.key !== claimed.key) {
    throw appError('FORBIDDEN', `This page does not match project ${claimed.key} in Jira. Reload the page from the project's sidebar.`);
  }
  if (access === 'edit' && !granted.EDIT_ISSUES) {
    throw appError('FORBIDDEN', `You can read this handoff but not change it: changing it needs the Edit issues permission in project ${project.key}.`);
  }
  if (access === 'create' && granted.CREATE_ISSUES !== true) {
    throw appError('FORBIDDEN', `You can read this handoff but cannot file issues in project ${project.key}: filing a brief gap as a Jira task needs the Create issues permission there.`);
  }
  return { permissions: granted, project: { id: project.id, key: project.key, name: project.name, type: project.type }, properties: project.properties };
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

/** Read access plus Administer projects: gate overrides and the project's settings are for project admins only. */
export function requireAdmin(access: PromiseSettledResult<ProjectAccess>, claimed: ClaimedProject, what: string): { permissions: PermissionSet; project: ProjectInfo } {
  const granted = requireAccess(access, 'read', claimed);
  if (!granted.permissions.ADMINISTER_PROJECTS) {
    throw appError('FORBIDDEN', `Only a project admin can ${what}: it needs the Administer projects permission in project ${granted.project.key}. Ask a project admin.`);
  }
  return granted;
}
