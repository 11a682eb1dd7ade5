/**
 * Retrying a release check through Forge's async events (@forge/events): when the release trigger cannot
 * decide (Jira failing through its in-process retries), it pushes the check to this queue instead of
 * giving up, and the consumer decides it the same way a while later. A consumer that cannot decide either
 * asks Forge for another retry (a returned InvocationError); it never lets the release through. When
 * Forge's retries run out, the hourly re-check (release-recheck.ts) still finds the undecided release.
 */
import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { failureText } from '#jira';
import { defaultTriggerDeps, type TriggerDeps } from './deps';
import { decideRelease, markUndecided, type PendingBlock, type ReleaseCheck, type ReleaseGateOutcome } from './release-gate';
import { RETRY_AFTER_SECONDS } from './release-queue';

interface RetryBody {
  check: ReleaseCheck;
}

const isCheck = (value: unknown): value is ReleaseCheck => {
  const c = value as Partial<ReleaseCheck> | null;
  return !!c && typeof c.versionId === 'string' && /^\d+$/.test(c.versionId) && typeof c.observedAt === 'string' && typeof c.releasedBy === 'string';
};

export function createReleaseRetry(deps: TriggerDeps) {
  return async (event: AsyncEvent, _context?: unknown): Promise<ReleaseGateOutcome | InvocationError> => {
    const check = (event?.body as Partial<RetryBody> | undefined)?.check;
    if (!isCheck(check)) {
      deps.log.error('Release gate retry: the queued event carries no release check', event?.body);
      return { action: 'ignored', why: 'the queued event carries no release check' };
    }
    // A block acted on by an earlier try but not recorded yet travels in the retry's data.
    const pending = (event.retryContext?.retryData as { pending?: PendingBlock } | undefined)?.pending ?? check.pending;
    const queued: ReleaseCheck = { ...check, onlyUndecided: check.onlyUndecided === true, ...(pending ? { pending } : {}) };
    try {
      return await decideRelease(deps, queued);
    } catch (error) {
      // Fail closed: whatever went wrong, ask for another try (the record says undecided meanwhile).
      await markUndecided(deps, queued, error);
      return new InvocationError({
        retryAfter: RETRY_AFTER_SECONDS,
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
        // `pending` (a block acted on, not yet recorded) travels with the retry.
        retryData: { error: failureText(error), ...(queued.pending ? { pending: queued.pending } : {}) },
      });
    }
  };
}

export const retryRelease = createReleaseRetry(defaultTriggerDeps());
