import { getAppContext } from '@forge/api';
import { DEFAULT_LATENESS_RULE, type LatenessRule } from '../domain/state';
import { createJira, type Jira } from '../jira';

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
}

function forgeAppIdentity(): AppIdentity {
  const context = getAppContext();
  return { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId };
}

export function defaultDeps(): ResolverDeps {
  return { jira: createJira(), now: () => new Date(), lateness: DEFAULT_LATENESS_RULE, appIdentity: forgeAppIdentity, log: console };
}
