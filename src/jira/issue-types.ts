import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const IssueTypeJson = z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() });

/**
 * Jira's PageOfCreateMetaIssueTypes. The REST spec names the list `issueTypes`; `values` is also
 * accepted so a differently shaped page is read, not mistaken for "no issue types".
 */
const CreateMetaPageJson = z.object({
  issueTypes: z.array(IssueTypeJson).optional(),
  values: z.array(IssueTypeJson).optional(),
  total: z.number().optional(),
});

export interface JiraIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

/** Jira's own upper bound for this page; a project has far fewer issue types. */
export const CREATE_META_PAGE_SIZE = 200;

/**
 * The issue types the calling person can create in the project (asUser, one call). Jira answers an
 * empty list to someone who cannot create issues there, and 404 for a project they cannot see.
 */
export async function getCreatableIssueTypes(fetch: JiraFetch, projectKey: string): Promise<JiraIssueType[]> {
  const query = new URLSearchParams({ startAt: '0', maxResults: String(CREATE_META_PAGE_SIZE) });
  const page = await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?${query}` }, CreateMetaPageJson);
  return (page.issueTypes ?? page.values ?? []).map((t) => ({ id: t.id, name: t.name, subtask: t.subtask ?? false }));
}
