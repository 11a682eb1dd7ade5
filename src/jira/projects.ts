import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const ProjectJson = z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string() });

/** A project as Jira knows it; `type` is Jira's projectTypeKey ('software', 'business', 'service_desk', …). */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
  type: string;
}

/**
 * The project as the person sees it (asUser): Jira answers 404 for a project they cannot browse. The
 * resolvers check what the browser said the project is against this answer.
 */
export async function getProject(fetch: JiraFetch, projectIdOrKey: string): Promise<JiraProject> {
  const json = await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/project/${projectIdOrKey}` }, ProjectJson);
  return { id: json.id, key: json.key, name: json.name, type: json.projectTypeKey };
}

const ServerInfoJson = z.object({ baseUrl: z.url({ protocol: /^https?$/ }) });

/**
 * The site's own address (GET /rest/api/3/serverInfo as the app), for links back into Jira. The
 * invocation context's `siteUrl` comes from the browser, so links are never built from it.
 */
export async function getSiteUrl(fetch: JiraFetch): Promise<string> {
  const info = await jiraRequest(fetch, { as: 'app', route: route`/rest/api/3/serverInfo` }, ServerInfoJson);
  return info.baseUrl.replace(/\/+$/, '');
}
