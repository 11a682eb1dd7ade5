/**
 * The site's time zone (Jira's serverInfo), kept in the app's storage so that a change counts days in
 * the site's calendar without asking Jira each time: it is read in the same storage call as the
 * handoff's records. Kept like a person's name (domain/person.ts): trusted for a day, then read again
 * from Jira, so a zone an admin changes shows within that time.
 */
import { z } from 'zod';

export const SITE_ZONE_TTL_MS = 24 * 60 * 60 * 1000;

export const KeptZoneSchema = z.object({ revision: z.number().int(), timeZone: z.string().min(1).max(64), readAt: z.string().datetime() });
export type KeptZone = z.output<typeof KeptZoneSchema>;

/** The kept zone (null when none is kept or it cannot be read) and whether it is young enough to trust as is. */
export function keptZoneOf(stored: unknown, now: Date): { timeZone: string; fresh: boolean } | null {
  const parsed = KeptZoneSchema.safeParse(stored);
  if (!parsed.success) return null;
  const age = now.getTime() - Date.parse(parsed.data.readAt);
  return { timeZone: parsed.data.timeZone, fresh: age >= 0 && age < SITE_ZONE_TTL_MS };
}

export function keptZone(timeZone: string, now: Date): KeptZone {
  return { revision: 1, timeZone, readAt: now.toISOString() };
}
