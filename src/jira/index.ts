/**
 * The only code that talks to Jira. `createJira()` binds every call to one transport, so resolvers
 * get a typed client and tests can pass a fake `requestJira`.
 */
import { getCreatableIssueTypes } from './issue-types';
import { createIssue, type NewIssue } from './issues';
import { getMyPermissions, type ProjectPermission } from './permissions';
import { getMyself } from './myself';
import { getProject, getSiteUrl } from './projects';
import { getProjectProperty, putProjectProperty } from './properties';
import { createRelatedWork, type RelatedWorkLink } from './related-work';
import { countIssues, findIssueKeys, issueCreatedTimes } from './search';
import { forgeJiraFetch, type JiraFetch, type Principal } from './transport';
import { getIssueFixVersions, getProjectPropertyAs, getVersionAsApp, listProjects, listProjectsAsApp, listVersionsAsApp, setVersionReleased } from './gate';
import { getIssueForCard } from './request-issues';
import { getVersion, listProjectVersions, projectVersionPage, type VersionPageQuery } from './versions';
import { getUser, getUsersBulk, searchUsers } from './users';
import { getSiteTimeZone } from './server-info';
import { getIssuePermissions, getIssueProperty, getRequestIssue, linkIssues, listIssueLinkTypes, putIssueProperty, type IssuePermission } from './requests';

export type { JiraVersion } from './versions';
export type { JiraProject } from './projects';
export type { JiraIssueType } from './issue-types';
export type { CreatedIssue, NewIssue } from './issues';
export type { PermissionSet, ProjectPermission } from './permissions';
export type { RelatedWork, RelatedWorkLink } from './related-work';
export type { JiraFetch, Principal } from './transport';
export type { IssueForCard } from './request-issues';
export type { ListedProject } from './gate';
export { PROJECT_PERMISSIONS } from './permissions';
export { failureText } from './gate';
export { USER_BULK_PAGE } from './users';
export type { IssueLinkType, IssuePermission, JiraRequestIssue } from './requests';

export function createJira(fetch: JiraFetch = forgeJiraFetch) {
  return {
    getVersion: (versionId: string) => getVersion(fetch, versionId),
    listProjectVersions: (projectKey: string) => listProjectVersions(fetch, projectKey),
    projectVersionPage: (projectKey: string, page: VersionPageQuery) => projectVersionPage(fetch, projectKey, page),
    getProjectProperty: (projectKey: string, propertyKey: string) => getProjectProperty(fetch, projectKey, propertyKey),
    putProjectProperty: (projectKey: string, propertyKey: string, value: unknown) => putProjectProperty(fetch, projectKey, propertyKey, value),
    getMyPermissions: (projectKey: string, keys?: readonly ProjectPermission[]) => getMyPermissions(fetch, projectKey, keys),
    getMyself: () => getMyself(fetch),
    getAppPermissions: (projectKey: string) => getMyPermissions(fetch, projectKey, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'], 'app'),
    getProject: (projectIdOrKey: string, propertyKeys?: readonly string[]) => getProject(fetch, projectIdOrKey, propertyKeys),
    getSiteUrl: () => getSiteUrl(fetch),
    createRelatedWork: (versionId: string, link: RelatedWorkLink) => createRelatedWork(fetch, versionId, link),
    // Release gate (triggers run without a user, so these are as the app).
    getVersionAsApp: (versionId: string) => getVersionAsApp(fetch, versionId),
    setVersionReleased: (versionId: string, released: boolean) => setVersionReleased(fetch, versionId, released),
    listVersionsAsApp: (projectKey: string) => listVersionsAsApp(fetch, projectKey),
    getIssueFixVersions: (issueKey: string) => getIssueFixVersions(fetch, issueKey),
    listProjectsAsApp: () => listProjectsAsApp(fetch),
    getSiteTimeZone: () => getSiteTimeZone(fetch),
    getProjectPropertyAs: (projectKey: string, propertyKey: string, as: Principal) => getProjectPropertyAs(fetch, projectKey, propertyKey, as),
    getCreatableIssueTypes: (projectKey: string) => getCreatableIssueTypes(fetch, projectKey),
    countIssues: (jql: string) => countIssues(fetch, jql),
    countIssuesAsApp: (jql: string) => countIssues(fetch, jql, 'app'),
    issueCreatedTimes: (jql: string, max: number) => issueCreatedTimes(fetch, jql, max),
    findIssueKeys: (jql: string, maxResults = 2) => findIssueKeys(fetch, jql, maxResults),
    createIssue: (issue: NewIssue) => createIssue(fetch, issue),
    // The issue card (as the person looking at the issue).
    getIssueForCard: (issueKey: string) => getIssueForCard(fetch, issueKey),
    listBrowsableProjects: () => listProjects(fetch, 'user'),
    // People (read:jira-user).
    getUserAsApp: (accountId: string) => getUser(fetch, accountId, 'app'),
    getUsersBulk: (accountIds: readonly string[]) => getUsersBulk(fetch, accountIds, 'user'),
    searchUsers: (query: string, maxResults: number) => searchUsers(fetch, query, maxResults, 'user'),
    // Customers' requests (issue view): as the person.
    getRequestIssue: (issueKey: string) => getRequestIssue(fetch, issueKey),
    getIssuePermissions: (issueKey: string, keys: readonly IssuePermission[]) => getIssuePermissions(fetch, issueKey, keys),
    getIssueProperty: (issueKey: string, propertyKey: string) => getIssueProperty(fetch, issueKey, propertyKey),
    putIssueProperty: (issueKey: string, propertyKey: string, value: unknown) => putIssueProperty(fetch, issueKey, propertyKey, value),
    listIssueLinkTypes: () => listIssueLinkTypes(fetch),
    linkIssues: (link: { typeId: string; outwardIssueKey: string; inwardIssueKey: string }) => linkIssues(fetch, link),
  };
}

export type Jira = ReturnType<typeof createJira>;
