import api, { type APIResponse, type RequestInit, type Route } from '@forge/api';

/** Whose Jira permissions a request runs with: the person using the app, or the app itself. */
export type Principal = 'user' | 'app';

/** The one seam to Jira; tests pass a fake, production uses @forge/api. */
export type JiraFetch = (as: Principal, route: Route, init?: RequestInit) => Promise<APIResponse>;

export const forgeJiraFetch: JiraFetch = (as, route, init) => (as === 'user' ? api.asUser() : api.asApp()).requestJira(route, init);
