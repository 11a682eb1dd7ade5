/**
 * A customer's request (a Jira issue, in a service project) as the app works with it: who may see and
 * edit it, its issue properties and its links. Every call is as the person, so Jira applies their rights.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest, jiraRequestOrNull } from './request';
import type { JiraFetch } from './transport';

const RequestJson = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    description: z.unknown().optional(),
    project: z.object({ id: z.string(), key: z.string() }),
  }),
});

/** The request's summary, what the customer wrote (ADF, as stored) and its project. */
export interface JiraRequestIssue {
  id: string;
  key: string;
  summary: string;
  description: unknown;
  project: { id: string; key: string };
}

/** The issue as the person sees it, or null when it does not exist or they cannot browse it (Jira's 404). */
export async function getRequestIssue(fetch: JiraFetch, issueKey: string): Promise<JiraRequestIssue | null> {
  const query = new URLSearchParams({ fields: 'summary,description,project' });
  const issue = await jiraRequestOrNull(fetch, { as: 'user', route: route`/rest/api/3/issue/${issueKey}?${query}` }, RequestJson);
  if (issue === null) return null;
  return { id: issue.id, key: issue.key, summary: issue.fields.summary, description: issue.fields.description ?? null, project: issue.fields.project };
}

const MyPermissionsJson = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() }).loose()) });

export type IssuePermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'LINK_ISSUES' | 'CREATE_ISSUES';

/** The person's own permissions on one issue (Jira answers 404 for an issue they cannot see: all false). */
export async function getIssuePermissions(fetch: JiraFetch, issueKey: string, keys: readonly IssuePermission[]): Promise<Record<IssuePermission, boolean>> {
  const query = new URLSearchParams({ issueKey, permissions: keys.join(',') });
  const answer = await jiraRequestOrNull(fetch, { as: 'user', route: route`/rest/api/3/mypermissions?${query}` }, MyPermissionsJson);
  const result = { BROWSE_PROJECTS: false, EDIT_ISSUES: false, LINK_ISSUES: false, CREATE_ISSUES: false };
  for (const key of keys) result[key] = answer?.permissions[key]?.havePermission === true;
  return result;
}

/** Writes an issue entity property as the person (Jira requires Edit issues; 200 updated, 201 created). */
export async function putIssueProperty(fetch: JiraFetch, issueKey: string, propertyKey: string, value: unknown): Promise<void> {
  await jiraRequest(fetch, { as: 'user', method: 'PUT', route: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, body: value }, z.unknown());
}

const PropertyJson = z.object({ key: z.string(), value: z.unknown() });

/** The issue property's value, or null when the issue has none (or the person cannot see the issue). */
export async function getIssueProperty(fetch: JiraFetch, issueKey: string, propertyKey: string): Promise<unknown> {
  const property = await jiraRequestOrNull(fetch, { as: 'user', route: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}` }, PropertyJson);
  return property === null ? null : property.value;
}

const LinkTypesJson = z.object({ issueLinkTypes: z.array(z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() })) });
export type IssueLinkType = z.output<typeof LinkTypesJson>['issueLinkTypes'][number];

/** The site's issue link types (GET /rest/api/3/issueLinkType). */
export async function listIssueLinkTypes(fetch: JiraFetch): Promise<IssueLinkType[]> {
  return (await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/issueLinkType` }, LinkTypesJson)).issueLinkTypes;
}

/**
 * Links two issues as the person (POST /rest/api/3/issueLink; Jira checks Link issues on the "from"
 * issue). Not retried after a 5xx: Jira answers a repeated link as created, but a comment would double.
 */
export async function linkIssues(fetch: JiraFetch, link: { typeId: string; outwardIssueKey: string; inwardIssueKey: string }): Promise<void> {
  const body = { type: { id: link.typeId }, outwardIssue: { key: link.outwardIssueKey }, inwardIssue: { key: link.inwardIssueKey } };
  await jiraRequest(fetch, { as: 'user', method: 'POST', route: route`/rest/api/3/issueLink`, body }, z.unknown());
}
