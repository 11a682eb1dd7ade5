import type { Request } from '@forge/resolver';
import type { z } from 'zod';
import { AppError, fail, ok, type Result } from '../../domain/errors';
import { parseOrThrow } from '../../domain/validation';
import { isNeedsAuthentication } from '../../jira/request';
import { callContextOf, readsSettled, type CallContext } from './call-context';
import type { ResolverDeps } from './deps';

export type Action<P, T> = (payload: P, call: CallContext, deps: ResolverDeps) => Promise<T>;

/**
 * The boundary every resolver goes through: validate the payload, read who/where from Forge's
 * context, run the action, and turn every outcome into a Result. Nothing is thrown to the UI;
 * unexpected errors are logged here and answered with a message that reveals nothing internal.
 */
export function resolverFor<S extends z.ZodType, T>(name: string, schema: S, action: Action<z.output<S>, T>, deps: ResolverDeps) {
  return async (request: Request<unknown>): Promise<Result<T>> => {
    let call: CallContext | undefined;
    try {
      const payload = parseOrThrow(schema, request.payload ?? {}, 'The request');
      call = callContextOf(request.context, deps.jira);
      return ok(await action(payload, call, deps));
    } catch (error) {
      return failureOf(name, error, deps);
    } finally {
      if (call) await readsSettled(call);
    }
  };
}

/** A thrown error as the Result the UI gets (an unexpected one logged, and told in words that reveal nothing). */
export function failureOf(name: string, error: unknown, deps: ResolverDeps): Result<never> {
  if (error instanceof AppError) return fail(error.error);
  // Forge's own "the person has not allowed access yet": thrown on as itself, so Forge can ask them.
  if (isNeedsAuthentication(error)) throw error;
  deps.log.error(`Resolver ${name} failed unexpectedly`, error);
  return fail({ code: 'INTERNAL', message: 'Something went wrong in CS Handoff. Try again; if it keeps happening, tell your Jira admin.' });
}
