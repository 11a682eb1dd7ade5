import { route } from '@forge/api';
import { z } from 'zod';
import { appError } from '#domain/errors';
import { jiraRequest, jiraRequestOrNull } from './request';
import type { JiraFetch } from './transport';

const ProjectSearchJson = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() })),
});

/** A project as Jira knows it; `type` is Jira's projectTypeKey ('software', 'business', 'service_desk', …). */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
  type: string;
  /** The values of the project properties asked for by key (a property the project lacks is absent). */
  properties: Record<string, unknown>;
}

/**
 * The project as the person sees it (asUser), through project search narrowed to its id or key: GET
 * /project/{key} carries every version of the project (a megabyte at 5,000 versions), this carries
 * none, and the properties asked for come in the same answer (the gate index: no separate read).
 * Jira lists only projects the person can browse, so an empty answer (or a 404) is the same refusal
 * GET /project/{key} gives; the resolvers check what the browser said the project is against it.
 */
export async function getProject(fetch: JiraFetch, projectIdOrKey: string, propertyKeys: readonly string[] = []): Promise<JiraProject> {
  const query = new URLSearchParams({ [/^\d+$/.test(projectIdOrKey) ? 'id' : 'keys']: projectIdOrKey, maxResults: '1' });
  if (propertyKeys.length > 0) query.set('properties', propertyKeys.join(','));
  const answer = await jiraRequestOrNull(fetch, { as: 'user', route: route`/rest/api/3/project/search?${query}` }, ProjectSearchJson);
  const json = answer?.values.find((p) => p.id === projectIdOrKey || p.key === projectIdOrKey);
  if (!json) throw appError('NOT_FOUND', `Project ${projectIdOrKey} was not found, or you cannot browse it.`);
  return { id: json.id, key: json.key, name: json.name, type: json.projectTypeKey ?? 'software', properties: json.properties ?? {} };
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
