import type { Request } from '@forge/resolver';
import { RESOLVERS, type ParsedPayloadOf, type ResolverName, type ResultOf } from '#contract';
import { AppError, fail, ok, type Result } from '#domain/errors';
import { parseOrThrow } from '#domain/validation';
import { isNeedsAuthentication } from '#jira/request';
import { callContextOf, readsSettled, type CallContext } from './call-context';
import type { ResolverDeps } from './deps';

export type Action<P, T> = (payload: P, call: CallContext, deps: ResolverDeps) => Promise<T>;

/** The handler of resolver `K`, typed by the contract's table: its parsed payload in, its answer out. */
export type Handler<K extends ResolverName> = Action<ParsedPayloadOf<K>, ResultOf<K>>;

/**
 * The boundary every resolver goes through: validate the payload, read who/where from Forge's
 * context, run the action, and turn every outcome into a Result. Nothing is thrown to the UI;
 * unexpected errors are logged here and answered with a message that reveals nothing internal.
 */
export function resolverFor<K extends ResolverName>(name: K, action: Handler<K>, deps: ResolverDeps) {
  const schema = RESOLVERS[name].payload;
  return async (request: Request<unknown>): Promise<Result<ResultOf<K>>> => {
    let call: CallContext | undefined;
    try {
      // What `schema` parses to is ParsedPayloadOf<K> by definition; TypeScript cannot evaluate zod's
      // output type for a name it only knows as K, hence the one cast.
      const payload = parseOrThrow(schema, request.payload ?? {}, 'The request') as ParsedPayloadOf<K>;
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
