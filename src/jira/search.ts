import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const CountJson = z.object({ count: z.number().int().nonnegative() });

/**
 * How many issues the calling person can see that match the JQL: one call, however many issues
 * match (`POST /rest/api/3/search/approximate-count`). The enhanced search (`/search/jql`) returns no
 * total, so counting through it would mean paging through every issue. Jira documents the count as
 * approximate: an issue created seconds ago may not be counted yet.
 */
export async function countIssues(fetch: JiraFetch, jql: string): Promise<number> {
  const answer = await jiraRequest(fetch, { as: 'user', method: 'POST', route: route`/rest/api/3/search/approximate-count`, body: { jql } }, CountJson);
  return answer.count;
}
