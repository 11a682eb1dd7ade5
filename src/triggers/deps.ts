import { DEFAULT_TIME_ZONE } from '../domain/state';
import { createJira, type Jira } from '../jira';
import { defaultStoreBackoff, type Logger } from '../resolvers/deps';
import { retryingReads } from '../store/retry';
import { forgeRecordStore } from '../store/forge-kvs';
import type { RecordStore } from '../store/port';

/** What the gate's triggers need from outside; tests replace any of it. */
export interface TriggerDeps {
  jira: Jira;
  now: () => Date;
  /**
   * The calendar that decides "which day". The resolvers use DEFAULT_TIME_ZONE too: the gate must agree
   * with the state the UI shows, and reading serverInfo on every UI call would cost a Jira round trip.
   */
  timeZone: string;
  log: Logger;
  /** The app's records: the gate decides on the handoff as committed. */
  store: RecordStore;
}

export function defaultTriggerDeps(): TriggerDeps {
  return { jira: createJira(), now: () => new Date(), timeZone: DEFAULT_TIME_ZONE, log: console, store: retryingReads(forgeRecordStore(), defaultStoreBackoff) };
}
