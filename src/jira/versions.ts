import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch, Principal } from './transport';

/** A version as Jira's REST API returns it (GET /version/{id}, the project's version pages). */
export const VersionJson = z.object({
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
  /** Jira's PageBean: how many versions there are in all. */
  total: z.number().int().nonnegative().optional(),
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

export function toVersion(json: z.output<typeof VersionJson>): JiraVersion {
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

/**
 * Every version of the project. The first page says how many there are (`total`, Jira's PageBean), so
 * the remaining pages are fetched in parallel: 1,000 versions take 2 rounds, not 10. Without `total`
 * (or when the pages do not add up, e.g. versions created meanwhile) it follows the pages until `isLast`.
 */
export async function listProjectVersions(fetch: JiraFetch, projectKey: string, as: Principal = 'user'): Promise<JiraVersion[]> {
  const pageAt = (startAt: number) => {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(VERSIONS_PAGE_SIZE) });
    return jiraRequest(fetch, { as, route: route`/rest/api/3/project/${projectKey}/version?${query}` }, VersionPageJson);
  };
  const first = await pageAt(0);
  const versions = first.values.map(toVersion);
  let last = first;
  if (first.isLast === false && first.total !== undefined && first.values.length > 0) {
    const size = first.values.length;
    const starts: number[] = [];
    for (let at = size; at < first.total; at += size) starts.push(at);
    const pages = await Promise.all(starts.map(pageAt));
    for (const page of pages) versions.push(...page.values.map(toVersion));
    last = pages[pages.length - 1] ?? first;
  }
  // Follow on one page at a time when there was no total, or more versions than it said.
  // An empty page also ends the walk, so a server that never says isLast cannot loop us forever.
  while (last.isLast === false && last.values.length > 0) {
    last = await pageAt(versions.length);
    versions.push(...last.values.map(toVersion));
  }
  return dedupe(versions);
}

/** One page of a project's versions, as Jira filters it (name/description search, release status). */
export interface VersionPageQuery {
  startAt: number;
  maxResults: number;
  /** Jira matches it against the name and the description, ignoring case. */
  query?: string | undefined;
  status?: 'released' | 'unreleased' | undefined;
}

export interface VersionPage {
  versions: JiraVersion[];
  /** How many versions match in all (Jira's PageBean `total`; estimated from `isLast` when absent). */
  total: number;
}

/** One call whatever the project's size: the overview shows a page at a time. */
export async function projectVersionPage(fetch: JiraFetch, projectKey: string, page: VersionPageQuery, as: Principal = 'user'): Promise<VersionPage> {
  const params = new URLSearchParams({ startAt: String(page.startAt), maxResults: String(page.maxResults) });
  if (page.query) params.set('query', page.query);
  if (page.status) params.set('status', page.status);
  const answer = await jiraRequest(fetch, { as, route: route`/rest/api/3/project/${projectKey}/version?${params}` }, VersionPageJson);
  const seen = page.startAt + answer.values.length;
  const total = answer.total ?? (answer.isLast === false ? seen + 1 : seen);
  return { versions: dedupe(answer.values.map(toVersion)), total };
}

/** A version created or deleted between two parallel pages can shift one into the next: keep each id once. */
function dedupe(versions: JiraVersion[]): JiraVersion[] {
  const seen = new Set<string>();
  return versions.filter((v) => (seen.has(v.id) ? false : (seen.add(v.id), true)));
}
