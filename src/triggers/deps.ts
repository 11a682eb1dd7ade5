import { DEFAULT_TIME_ZONE } from '#domain/state';
import { createJira, type Jira } from '#jira';
import { defaultStoreBackoff, type Logger } from '#resolvers/core/deps';
import { retryingReads } from '#store/retry';
import { forgeRecordStore, forgeValueStore } from '#store/forge-kvs';
import { enqueueReleaseRetry } from './release-queue';
import type { RecordStore, ValueStore } from '#store/port';

/** What the gate's triggers need from outside; tests replace any of it. */
export interface TriggerDeps {
  jira: Jira;
  now: () => Date;
  /**
   * The calendar that decides "which day" when Jira names no site time zone. The gate itself reads the
   * site's default time zone (`siteTimeZone`) on every decision.
   */
  timeZone: string;
  log: Logger;
  /**
   * Waits between the release trigger's attempts when Jira fails; their sum stays well inside a trigger's
   * 55-second limit. Tests pass short ones.
   */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** The app's records: the gate decides on the handoff as committed. */
  store: RecordStore;
  /** Values by key (the risk scan's resume cursor). */
  values: ValueStore;
  /** Queues a release check the trigger could not finish (release-queue.ts); absent: only the re-check decides it later. */
  enqueueRetry?: (check: object) => Promise<void>;
}

/** 0.5 + 1 + 2 + 4 + 8 + 16 = 31.5 s of waiting at most: the trigger still has time to write its record. */
export const RELEASE_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 16000];

/**
 * The retry waits from the Forge environment variable CS_HANDOFF_RETRY_DELAYS_MS ("500,1000,…"), so a
 * site (or a test) can shorten them; anything unreadable falls back to the defaults.
 */
export function retryDelaysFromEnv(value: string | undefined): readonly number[] {
  if (!value) return RELEASE_RETRY_DELAYS_MS;
  const delays = value.split(',').map((part) => Number(part.trim()));
  return delays.every((d) => Number.isInteger(d) && d >= 0 && d <= 60_000) && delays.reduce((a, b) => a + b, 0) <= 40_000 ? delays : RELEASE_RETRY_DELAYS_MS;
}

export function defaultTriggerDeps(): TriggerDeps {
  return {
    jira: createJira(),
    now: () => new Date(),
    timeZone: DEFAULT_TIME_ZONE,
    log: console,
    retryDelaysMs: retryDelaysFromEnv(process.env.CS_HANDOFF_RETRY_DELAYS_MS),
    store: retryingReads(forgeRecordStore(), defaultStoreBackoff),
    values: forgeValueStore(),
    enqueueRetry: enqueueReleaseRetry,
  };
}

/**
 * The site's default time zone (Jira's serverInfo), or null when Jira names none. Each version's days are
 * then counted in the zone of who marked its handoff ready, else in `deps.timeZone` (domain/state.ts
 * dayTimeZone, applied in gateFactsOf). A failed read fails the caller's check (which is retried or fails
 * closed) rather than deciding on another calendar.
 */
export function siteTimeZone(deps: TriggerDeps): Promise<string | null> {
  return deps.jira.getSiteTimeZone();
}
