/**
 * The first screen's data, requested by the entry module as soon as the route is known, before React's
 * first render (and before the screen's code has loaded, when that code is lazy). The screen takes the
 * promise instead of starting its own call, so the page's one resolver invocation overlaps start-up.
 * Taken once: a later visit to the same screen (in-app navigation) asks afresh.
 */
import type { HandoffPage, ReleasesOverview, Result } from '#contract';
import { api, type OverviewQuery } from './api';
import type { Route } from './routes';

export interface FirstLoad {
  overview?: { query: OverviewQuery; result: Promise<Result<ReleasesOverview>> };
  handoff?: { versionId: string; result: Promise<Result<HandoffPage>> };
}

let pending: FirstLoad = {};

/** Starts the call the screen at `route` makes first; nothing for screens that start with no call. */
export function startFirstLoad(route: Route): void {
  if (route.name === 'overview') {
    const query: OverviewQuery = {};
    pending = { overview: { query, result: api.listReleases(query) } };
  } else if (route.name === 'handoff') {
    pending = { handoff: { versionId: route.versionId, result: api.getHandoffPage(route.versionId) } };
  }
}

/** The handoff page's first answer when it was started for the same version, else a fresh call. */
export function takeHandoffPage(versionId: string): Promise<Result<HandoffPage>> {
  const first = pending.handoff;
  pending = {};
  if (first && first.versionId === versionId) return first.result;
  return api.getHandoffPage(versionId);
}

/** The overview's first answer when it was started for the same query, else a fresh call. */
export function takeOverview(query: OverviewQuery): Promise<Result<ReleasesOverview>> {
  const first = pending.overview;
  pending = {};
  if (first && JSON.stringify(first.query) === JSON.stringify(query)) return first.result;
  return api.listReleases(query);
}
