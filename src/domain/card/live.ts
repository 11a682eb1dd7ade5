/**
 * Which releases are "live" for support: the ones customers are meeting now. Pure rules, no I/O; the
 * issue card's picker and "Find an answer" use the same ones.
 */
import { daysBetween } from '../calendar';
import type { RolloutStage } from '../living/rollout-stages';

/** A release stays live this many days after its release date. */
export const LIVE_DAYS = 30;

export interface LiveCandidate {
  released: boolean;
  /** 'YYYY-MM-DD' or null. */
  releaseDate: string | null;
  stage: RolloutStage;
}

/** Started and not yet at 100%: some customers have it and some do not. */
export function rolloutInProgress(stage: RolloutStage): boolean {
  return stage !== 'not-started' && stage !== '100';
}

/** Released, with a release date from `LIVE_DAYS` days ago up to today (a future date is not "released in the last 30 days"). */
export function releasedRecently(release: Pick<LiveCandidate, 'released' | 'releaseDate'>, today: string): boolean {
  if (!release.released || release.releaseDate === null) return false;
  const age = daysBetween(release.releaseDate, today);
  return age >= 0 && age <= LIVE_DAYS;
}

export function isLiveRelease(release: LiveCandidate, today: string): boolean {
  return rolloutInProgress(release.stage) || releasedRecently(release, today);
}

/** Newest first: later release date first, releases without a date after dated ones, then the higher version id. */
export function newestFirst(a: { releaseDate: string | null; versionId: string }, b: { releaseDate: string | null; versionId: string }): number {
  if (a.releaseDate !== b.releaseDate) {
    if (a.releaseDate === null) return 1;
    if (b.releaseDate === null) return -1;
    return a.releaseDate < b.releaseDate ? 1 : -1;
  }
  return Number(b.versionId) - Number(a.versionId);
}
