import { getAppContext } from '@forge/api';
import { DEFAULT_LATENESS_RULE, type LatenessRule } from '#domain/state';
import { createJira, type Jira } from '#jira';
import { forgeRecordStore } from '#store/forge-kvs';
import type { RecordStore } from '#store/port';
import { retryingReads } from '#store/retry';

/** Where the app is installed, for links back to its page. */
export interface AppIdentity {
  appId: string;
  environmentId: string;
}

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
}

/** Everything a resolver needs from outside; tests replace any of it. */
export interface ResolverDeps {
  jira: Jira;
  now: () => Date;
  lateness: LatenessRule;
  appIdentity: () => AppIdentity;
  log: Logger;
  /** The app's records (the source of truth; Jira's properties are their published copies). */
  store: RecordStore;
  /** The wait before committing again after storage answered 429/5xx or not at all (attempt 0, 1, …). */
  storeBackoff: (attempt: number) => Promise<void>;
}

/** Full jitter, doubling from 100 ms: at most ~3 s over COMMIT_ATTEMPTS, well inside a resolver's 25 s. */
export const defaultStoreBackoff = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** attempt));

function forgeAppIdentity(): AppIdentity {
  const context = getAppContext();
  return { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId };
}

export function defaultDeps(): ResolverDeps {
  return {
    jira: createJira(),
    now: () => new Date(),
    lateness: DEFAULT_LATENESS_RULE,
    appIdentity: forgeAppIdentity,
    log: console,
    store: retryingReads(forgeRecordStore(), defaultStoreBackoff),
    storeBackoff: defaultStoreBackoff,
  };
}
