import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest, jiraRequestOrNull } from './request';
import type { JiraFetch, Principal } from './transport';

const PropertyJson = z.object({ key: z.string(), value: z.unknown() });

/** The property's value, or null when the project has no such property. */
export async function getProjectProperty(fetch: JiraFetch, projectKey: string, propertyKey: string, as: Principal = 'user'): Promise<unknown> {
  const property = await jiraRequestOrNull(
    fetch,
    { as, route: route`/rest/api/3/project/${projectKey}/properties/${propertyKey}`, appNeeds: { action: `read its data in ${projectKey}`, permission: `Browse Projects in ${projectKey}` } },
    PropertyJson,
  );
  return property === null ? null : property.value;
}

/**
 * Writes as the app by default: Jira requires project admin to set project properties, which the
 * people who edit handoffs do not have. Callers check the person's own permission first.
 */
export async function putProjectProperty(fetch: JiraFetch, projectKey: string, propertyKey: string, value: unknown, as: Principal = 'app'): Promise<void> {
  // Jira answers 200 (updated) or 201 (created), both with an empty body.
  const appNeeds = { action: `save its data in ${projectKey}`, permission: `Administer Projects in ${projectKey}` };
  await jiraRequest(fetch, { as, method: 'PUT', route: route`/rest/api/3/project/${projectKey}/properties/${propertyKey}`, body: value, appNeeds }, z.unknown());
}
