/**
 * Jira people: one user (the release gate names who released), users in bulk (the walkthrough's
 * attendees are checked against Jira in one call) and the user search behind the people picker.
 * Needs the `read:jira-user` scope. Only what the app records is kept: accountId and display name.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { PersonRef } from '#domain/person';
import { jiraRequest, jiraRequestOrNull } from './request';
import type { JiraFetch, Principal } from './transport';

const UserJson = z.object({ accountId: z.string(), displayName: z.string().optional(), accountType: z.string().optional(), active: z.boolean().optional() }).loose();
const UserPageJson = z.object({ values: z.array(UserJson), isLast: z.boolean().optional() }).loose();

const personOf = (u: z.output<typeof UserJson>): PersonRef => ({ accountId: u.accountId, displayName: u.displayName ?? '' });

/** The person with this accountId, or null when Jira knows no such user. */
export async function getUser(fetch: JiraFetch, accountId: string, as: Principal): Promise<PersonRef | null> {
  const query = new URLSearchParams({ accountId });
  const json = await jiraRequestOrNull(fetch, { as, route: route`/rest/api/3/user?${query}` }, UserJson);
  return json === null ? null : personOf(json);
}

/** Jira's bulk lookup accepts this many accountIds in one page (the walkthrough lists at most 20). */
export const USER_BULK_PAGE = 50;

/**
 * The people with these accountIds, as Jira names them, in one call (at most USER_BULK_PAGE ids).
 * An accountId Jira does not know is simply absent from the answer.
 */
export async function getUsersBulk(fetch: JiraFetch, accountIds: readonly string[], as: Principal): Promise<PersonRef[]> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return [];
  if (ids.length > USER_BULK_PAGE) throw new Error(`getUsersBulk: at most ${USER_BULK_PAGE} accountIds per call`);
  const query = new URLSearchParams();
  for (const id of ids) query.append('accountId', id);
  query.set('maxResults', String(ids.length));
  const page = await jiraRequest(fetch, { as, route: route`/rest/api/3/user/bulk?${query}` }, UserPageJson);
  return page.values.map(personOf);
}

/** People whose name or email starts with `text` (Jira's user search), at most `maxResults`, Atlassian accounts only. */
export async function searchUsers(fetch: JiraFetch, text: string, maxResults: number, as: Principal): Promise<PersonRef[]> {
  const query = new URLSearchParams({ query: text, maxResults: String(maxResults) });
  const users = await jiraRequest(fetch, { as, route: route`/rest/api/3/user/search?${query}` }, z.array(UserJson));
  return users
    .filter((u) => (u.accountType ?? 'atlassian') === 'atlassian' && u.active !== false)
    .slice(0, maxResults)
    .map(personOf);
}
