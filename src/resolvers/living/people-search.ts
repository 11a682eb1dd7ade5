/**
 * The walkthrough's people picker: Jira's user search, as the person (so Jira's own privacy rules and
 * the person's browse permission decide what they see). Browse projects, like recording the walkthrough.
 * One round: the permission check and the search run in parallel; the refusal wins.
 */
import { readAccess, requireAccess, settledValue } from '../core/access';
import type { Handler } from '../core/run';

/** At most this many matches reach the picker. */
export const PEOPLE_SEARCH_MAX = 10;

export const searchPeople: Handler<'searchPeople'> = async (payload, call, deps) => {
  const [permissions, people] = await Promise.allSettled([readAccess(deps, call.project, ['BROWSE_PROJECTS']), deps.jira.searchUsers(payload.query, PEOPLE_SEARCH_MAX)]);
  requireAccess(permissions, 'read', call.project);
  return { query: payload.query, people: settledValue(people).slice(0, PEOPLE_SEARCH_MAX) };
};
