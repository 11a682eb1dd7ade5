/** The release gate's retry queue (@forge/events): its key and how a check is pushed to it. Consumed by release-retry.ts. */
import { Queue } from '@forge/events';

/** The queue's key, as the consumer module in manifest.yml names it. */
export const RELEASE_RETRY_QUEUE = 'release-gate-retry';

/** Seconds before a queued check runs, and between the consumer's retries: Jira gets time to recover. */
export const RETRY_AFTER_SECONDS = 30;

/** Pushes a release check (plain JSON) to the retry queue: the default `TriggerDeps.enqueueRetry`. */
export async function enqueueReleaseRetry(check: object): Promise<void> {
  await new Queue({ key: RELEASE_RETRY_QUEUE }).push({ body: { check: { ...check } }, delayInSeconds: RETRY_AFTER_SECONDS });
}
