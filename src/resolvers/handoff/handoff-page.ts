import type { z } from 'zod';
import type { GetHandoffPagePayloadSchema, HandoffPage } from '../../contract';
import { ok } from '../../domain/errors';
import type { ResolverDeps } from '../core/deps';
import { getHandoff } from './get-handoff';
import { getL3Summary } from './l3-summary';
import { failureOf, type Action } from '../core/run';
import { settledValue } from '../core/access';

/**
 * The handoff page in one invocation: the handoff (gate and permissions included) and the L3 count,
 * side by side in one round. Both check access the same way; the person's permissions and the project
 * are read once for both (the second asker gets the first call's answer), so the page costs the Jira
 * calls of getHandoff plus the count and the site's address, not two access checks.
 */
export const getHandoffPage: Action<z.output<typeof GetHandoffPagePayloadSchema>, HandoffPage> = async (payload, call, deps) => {
  const shared = withSharedAccessReads(deps);
  // Settled, not Promise.all: a refused handoff must not answer while the count's calls are still in
  // flight (the invocation would end with work of its own still running).
  const [handoff, l3] = await Promise.allSettled([
    getHandoff(payload, call, shared),
    getL3Summary(payload, call, shared).then(ok, (error: unknown) => failureOf('getHandoffPage (L3 count)', error, deps)),
  ]);
  return { handoff: settledValue(handoff), l3: settledValue(l3) };
};

/** The same deps, with the access reads made once per arguments for the length of this invocation. */
function withSharedAccessReads(deps: ResolverDeps): ResolverDeps {
  const once = <A extends unknown[], T>(fn: (...args: A) => Promise<T>) => {
    const asked = new Map<string, Promise<T>>();
    return (...args: A): Promise<T> => {
      const key = JSON.stringify(args);
      const known = asked.get(key);
      if (known) return known;
      const answer = fn(...args);
      asked.set(key, answer);
      return answer;
    };
  };
  return { ...deps, jira: { ...deps.jira, getMyPermissions: once(deps.jira.getMyPermissions), getProject: once(deps.jira.getProject) } };
}
