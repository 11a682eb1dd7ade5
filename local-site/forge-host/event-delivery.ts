/**
 * Forge delivers product events asynchronously, up to about 3 minutes after the change, and sometimes more
 * than once. The local site can do the same, so the app is built and tested for it.
 */
export interface EventDelivery {
  /** Every trigger delivery waits this long. */
  delayMs?: number;
  /** Deliver every event twice: the copy comes half the delay after the first (together when there is no delay). */
  duplicates?: boolean;
}

/** EVENT_DELAY_MS and EVENT_DUPLICATES=1, for `npm start`. */
export function eventDeliveryFromEnv(env: NodeJS.ProcessEnv): EventDelivery {
  const raw = env['EVENT_DELAY_MS'];
  const delayMs = raw === undefined || raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(delayMs) || delayMs < 0) throw new Error(`EVENT_DELAY_MS must be a whole number of milliseconds (0 or more), not '${raw}'`);
  const dup = env['EVENT_DUPLICATES'];
  if (dup !== undefined && dup !== '' && dup !== '0' && dup !== '1') throw new Error(`EVENT_DUPLICATES must be 1 (deliver every event twice) or 0, not '${dup}'`);
  return { delayMs, duplicates: dup === '1' };
}
