import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch, Principal } from './transport';

const CountJson = z.object({ count: z.number().int().nonnegative() });

/**
 * How many issues the calling person can see that match the JQL: one call, however many issues
 * match (`POST /rest/api/3/search/approximate-count`). The enhanced search (`/search/jql`) returns no
 * total, so counting through it would mean paging through every issue. Jira documents the count as
 * approximate: an issue created seconds ago may not be counted yet.
 */
export async function countIssues(fetch: JiraFetch, jql: string, as: Principal = 'user'): Promise<number> {
  const answer = await jiraRequest(fetch, { as, method: 'POST', route: route`/rest/api/3/search/approximate-count`, body: { jql } }, CountJson);
  return answer.count;
}

const FoundJson = z.object({ issues: z.array(z.object({ key: z.string() })) });

/**
 * The keys of the issues the calling person can see that match the JQL, at most `maxResults`, in one
 * call (`POST /rest/api/3/search/jql`; a field is asked for so each issue comes with its key).
 */
export async function findIssueKeys(fetch: JiraFetch, jql: string, maxResults: number): Promise<string[]> {
  const answer = await jiraRequest(fetch, { as: 'user', method: 'POST', route: route`/rest/api/3/search/jql`, body: { jql, maxResults, fields: ['summary'] } }, FoundJson);
  return answer.issues.map((i) => i.key);
}

const CreatedPageJson = z.object({
  issues: z.array(z.object({ fields: z.object({ created: z.string() }) })),
  nextPageToken: z.string().nullish(),
});

/** Issues per page when only `created` is asked for. */
const CREATED_PAGE = 100;

/**
 * When each issue the calling person can see that matches the JQL was created, at most `max` of them:
 * one call per 100 issues (`POST /rest/api/3/search/jql`, only the `created` field, pages followed by
 * `nextPageToken`). `more` says Jira had issues beyond `max`.
 */
export async function issueCreatedTimes(fetch: JiraFetch, jql: string, max: number): Promise<{ created: string[]; more: boolean }> {
  const created: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const body = { jql, maxResults: Math.min(CREATED_PAGE, max - created.length), fields: ['created'], ...(nextPageToken ? { nextPageToken } : {}) };
    const page = await jiraRequest(fetch, { as: 'user', method: 'POST', route: route`/rest/api/3/search/jql`, body }, CreatedPageJson);
    created.push(...page.issues.map((i) => i.fields.created));
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken && created.length < max);
  return { created, more: Boolean(nextPageToken) };
}
