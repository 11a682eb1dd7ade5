import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch, Principal } from './transport';

export const PROJECT_PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'] as const;
/** Create issues is asked for only by the actions that create one (filing a brief gap). */
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number] | 'CREATE_ISSUES';
export type PermissionSet = Record<(typeof PROJECT_PERMISSIONS)[number], boolean> & { CREATE_ISSUES?: boolean };

const MyPermissionsJson = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() }).loose()),
});

/**
 * The calling person's own permissions in the project (asUser), never a role sent by the UI; as the app,
 * what the app's user may do there (what the release gate needs to put a release back).
 */
export async function getMyPermissions(fetch: JiraFetch, projectKey: string, keys: readonly ProjectPermission[] = PROJECT_PERMISSIONS, as: Principal = 'user'): Promise<PermissionSet> {
  const query = new URLSearchParams({ projectKey, permissions: keys.join(',') });
  const answer = await jiraRequest(fetch, { as, route: route`/rest/api/3/mypermissions?${query}` }, MyPermissionsJson);
  const result: PermissionSet = { BROWSE_PROJECTS: false, EDIT_ISSUES: false, ADMINISTER_PROJECTS: false };
  for (const key of keys) result[key] = answer.permissions[key]?.havePermission === true;
  return result;
}
