/**
 * The only code that talks to Jira. `createJira()` binds every call to one transport, so resolvers
 * get a typed client and tests can pass a fake `requestJira`.
 */
import { getMyPermissions, type ProjectPermission } from './permissions';
import { getMyself } from './myself';
import { getProjectProperty, putProjectProperty } from './properties';
import { createRelatedWork, type RelatedWorkLink } from './related-work';
import { forgeJiraFetch, type JiraFetch } from './transport';
import { getVersion, listProjectVersions } from './versions';

export type { JiraVersion } from './versions';
export type { PermissionSet, ProjectPermission } from './permissions';
export type { RelatedWork, RelatedWorkLink } from './related-work';
export type { JiraFetch, Principal } from './transport';
export { PROJECT_PERMISSIONS } from './permissions';

export function createJira(fetch: JiraFetch = forgeJiraFetch) {
  return {
    getVersion: (versionId: string) => getVersion(fetch, versionId),
    listProjectVersions: (projectKey: string) => listProjectVersions(fetch, projectKey),
    getProjectProperty: (projectKey: string, propertyKey: string) => getProjectProperty(fetch, projectKey, propertyKey),
    putProjectProperty: (projectKey: string, propertyKey: string, value: unknown) => putProjectProperty(fetch, projectKey, propertyKey, value),
    getMyPermissions: (projectKey: string, keys?: readonly ProjectPermission[]) => getMyPermissions(fetch, projectKey, keys),
    getMyself: () => getMyself(fetch),
    createRelatedWork: (versionId: string, link: RelatedWorkLink) => createRelatedWork(fetch, versionId, link),
  };
}

export type Jira = ReturnType<typeof createJira>;
