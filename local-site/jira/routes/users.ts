/**
 * Jira's user endpoints (REST v3): one user, users in bulk, and the user search a people picker uses.
 * Shapes as Jira Cloud answers them: a User object, a PageBean of users for /user/bulk (unknown
 * accountIds are simply not in `values`), a plain array for /user/search. Privacy: the email address
 * is shown to the person themselves only (Jira shows it per each user's profile visibility).
 */
import { badRequest, notFound } from '../errors';
import { json } from '../http';
import type { JiraStore } from '../store';
import type { Principal } from '../types';
import type { Route } from './types';

/** Jira's default and largest page for /user/search. */
export const USER_SEARCH_MAX = 50;
/** Jira's default page for /user/bulk. */
export const USER_BULK_DEFAULT = 10;
export const USER_BULK_MAX = 200;

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';

function visibleUser(store: JiraStore, principal: Principal, accountId: string): Record<string, unknown> | undefined {
  const user = store.userJson(accountId);
  if (!user) return undefined;
  if (store.accountIdOf(principal) === accountId) return user;
  const { emailAddress: _hidden, ...rest } = user;
  return rest;
}

function pageParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`The '${name}' parameter must be a whole number.`);
  return Math.min(Number(raw), max);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/user$/,
    handler: ({ store, principal, url }) => {
      const accountId = url.searchParams.get('accountId') ?? '';
      if (accountId === '') throw badRequest("The 'accountId' query parameter needs to be provided.");
      const user = visibleUser(store, principal, accountId);
      if (!user) throw notFound(USER_NOT_FOUND);
      return json(200, user);
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/user\/bulk$/,
    handler: ({ store, principal, url }) => {
      const ids = [...new Set(url.searchParams.getAll('accountId').filter((id) => id !== ''))];
      if (ids.length === 0) throw badRequest("The 'accountId' query parameter needs to be provided.");
      const startAt = pageParam(url, 'startAt', 0, Number.MAX_SAFE_INTEGER);
      const maxResults = pageParam(url, 'maxResults', USER_BULK_DEFAULT, USER_BULK_MAX);
      const users = ids.map((id) => visibleUser(store, principal, id)).filter((u): u is Record<string, unknown> => u !== undefined);
      const values = users.slice(startAt, startAt + maxResults);
      const query = new URLSearchParams();
      for (const id of ids) query.append('accountId', id);
      query.set('maxResults', String(maxResults));
      const self = `${store.baseUrl}/rest/api/3/user/bulk`;
      const isLast = startAt + values.length >= users.length;
      return json(200, {
        self: `${self}?${query}&startAt=${startAt}`,
        ...(isLast ? {} : { nextPage: `${self}?${query}&startAt=${startAt + maxResults}` }),
        maxResults,
        startAt,
        total: users.length,
        isLast,
        values,
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/user\/search$/,
    handler: ({ store, principal, url }) => {
      const query = (url.searchParams.get('query') ?? '').trim().toLowerCase();
      const accountId = url.searchParams.get('accountId') ?? '';
      if (query === '' && accountId === '') throw badRequest('One of the query or accountId query parameters must be provided.');
      const startAt = pageParam(url, 'startAt', 0, Number.MAX_SAFE_INTEGER);
      const maxResults = pageParam(url, 'maxResults', USER_SEARCH_MAX, USER_SEARCH_MAX);
      const matches = store.people().filter((p) => {
        if (accountId !== '' && p.accountId !== accountId) return false;
        if (query === '') return true;
        const name = p.displayName.toLowerCase();
        // Jira matches the start of the display name or of any word in it, and the start of the email.
        return name.startsWith(query) || name.split(/\s+/).some((word) => word.startsWith(query)) || p.emailAddress.toLowerCase().startsWith(query);
      });
      const users = matches.map((p) => visibleUser(store, principal, p.accountId)).filter((u): u is Record<string, unknown> => u !== undefined);
      return json(200, users.slice(startAt, startAt + maxResults));
    },
  },
];
