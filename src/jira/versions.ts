import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const VersionJson = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  releaseDate: z.string().optional(),
  released: z.boolean().optional(),
  archived: z.boolean().optional(),
  projectId: z.union([z.number(), z.string()]),
});

const VersionPageJson = z.object({
  values: z.array(VersionJson),
  isLast: z.boolean().optional(),
});

/** A Jira version (release), in the shape the app uses. */
export interface JiraVersion {
  id: string;
  name: string;
  description: string;
  /** 'YYYY-MM-DD', or null when the version has no release date. */
  releaseDate: string | null;
  released: boolean;
  archived: boolean;
  projectId: string;
}

function toVersion(json: z.output<typeof VersionJson>): JiraVersion {
  return {
    id: json.id,
    name: json.name,
    description: json.description ?? '',
    releaseDate: json.releaseDate ?? null,
    released: json.released ?? false,
    archived: json.archived ?? false,
    projectId: String(json.projectId),
  };
}

/** As the user: Jira answers 404 when the version does not exist or the user cannot see it. */
export async function getVersion(fetch: JiraFetch, versionId: string): Promise<JiraVersion> {
  return toVersion(await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/version/${versionId}` }, VersionJson));
}

export const VERSIONS_PAGE_SIZE = 100;

/** Every version of the project, following Jira's pages until `isLast`. */
export async function listProjectVersions(fetch: JiraFetch, projectKey: string): Promise<JiraVersion[]> {
  const versions: JiraVersion[] = [];
  for (;;) {
    const query = new URLSearchParams({ startAt: String(versions.length), maxResults: String(VERSIONS_PAGE_SIZE) });
    const page = await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/project/${projectKey}/version?${query}` }, VersionPageJson);
    versions.push(...page.values.map(toVersion));
    // An empty page also ends the walk, so a server that never says isLast cannot loop us forever.
    if (page.isLast !== false || page.values.length === 0) return versions;
  }
}
