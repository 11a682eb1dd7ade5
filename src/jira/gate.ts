/**
 * Jira calls of the release gate. Triggers and validators run without a user, so these run as the
 * app; resolvers that use them check the person's own permission first.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { AppError } from '#domain/errors';
import { getProjectProperty } from './properties';
import { jiraRequest, jiraRequestOrNull } from './request';
import type { JiraFetch, Principal } from './transport';
import { listProjectVersions, toVersion, VersionJson, type JiraVersion } from './versions';

/** The version as the app sees it, or null when it no longer exists. */
export async function getVersionAsApp(fetch: JiraFetch, versionId: string): Promise<JiraVersion | null> {
  const json = await jiraRequestOrNull(fetch, { as: 'app', route: route`/rest/api/3/version/${versionId}` }, VersionJson);
  return json === null ? null : toVersion(json);
}

/** Puts a version back to unreleased (or releases it). Jira needs Administer projects for the app user. */
export async function setVersionReleased(fetch: JiraFetch, versionId: string, released: boolean): Promise<JiraVersion> {
  const appNeeds = { action: `edit version ${versionId} (to put it back to unreleased)`, permission: "Administer Projects in the version's project" };
  return toVersion(await jiraRequest(fetch, { as: 'app', method: 'PUT', route: route`/rest/api/3/version/${versionId}`, body: { released }, appNeeds }, VersionJson));
}

/** The project's versions, as the app (the scan has no user): the same parallel paging as for a person. */
export function listVersionsAsApp(fetch: JiraFetch, projectKey: string): Promise<JiraVersion[]> {
  return listProjectVersions(fetch, projectKey, 'app');
}

const IssueFixVersionsJson = z.object({
  key: z.string(),
  fields: z.object({
    fixVersions: z
      .array(z.object({ id: z.string(), name: z.string().optional() }))
      .nullable()
      .optional(),
  }),
});

/** The issue's fix version ids, or null when the issue does not exist. */
export async function getIssueFixVersions(fetch: JiraFetch, issueKey: string): Promise<{ id: string; name: string }[] | null> {
  const query = new URLSearchParams({ fields: 'fixVersions' });
  const issue = await jiraRequestOrNull(fetch, { as: 'app', route: route`/rest/api/3/issue/${issueKey}?${query}` }, IssueFixVersionsJson);
  if (issue === null) return null;
  return (issue.fields.fixVersions ?? []).map((v) => ({ id: v.id, name: v.name ?? v.id }));
}

const ProjectSearchJson = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string().optional(), projectTypeKey: z.string().optional() })),
  isLast: z.boolean().optional(),
});

export interface ListedProject {
  id: string;
  key: string;
  name: string;
  /** Jira's projectTypeKey. */
  type: string;
}

/**
 * Every project the principal can see (GET /rest/api/3/project/search, paged): as the app for the scan,
 * as the person for what they may browse (Jira lists only projects with Browse projects for them).
 */
export async function listProjects(fetch: JiraFetch, as: Principal): Promise<ListedProject[]> {
  const projects: ListedProject[] = [];
  for (;;) {
    const query = new URLSearchParams({ startAt: String(projects.length), maxResults: '50' });
    const page = await jiraRequest(fetch, { as, route: route`/rest/api/3/project/search?${query}` }, ProjectSearchJson);
    projects.push(...page.values.map((p) => ({ id: p.id, key: p.key, name: p.name ?? p.key, type: p.projectTypeKey ?? 'software' })));
    if (page.isLast !== false || page.values.length === 0) return projects;
  }
}

/** Every project the app can see. */
export async function listProjectsAsApp(fetch: JiraFetch): Promise<{ id: string; key: string }[]> {
  return (await listProjects(fetch, 'app')).map(({ id, key }) => ({ id, key }));
}

/** A project property read as the app (triggers), or as the user; null when absent. */
export function getProjectPropertyAs(fetch: JiraFetch, projectKey: string, propertyKey: string, as: Principal): Promise<unknown> {
  return getProjectProperty(fetch, projectKey, propertyKey, as);
}

/** A short description of why a Jira call failed, for a block entry. */
export function failureText(error: unknown): string {
  if (error instanceof AppError) return `${error.error.code}: ${error.error.message}`.slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
