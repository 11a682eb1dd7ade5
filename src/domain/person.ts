/**
 * A Jira person as the handoff records them. Its own module so that schemas the handoff is built from
 * (the rollout, the walkthrough) can use it without importing handoff.ts, which imports them.
 */
import { z } from 'zod';

export const PersonRefSchema = z.object({
  accountId: z.string().min(1).max(128),
  displayName: z.string().max(255),
});
export type PersonRef = z.output<typeof PersonRefSchema>;

/**
 * How long the app trusts the display name it keeps per person (so a change saves without asking Jira
 * who they are each time). A name changed in Jira shows on the person's changes within this time.
 */
export const PERSON_NAME_TTL_MS = 24 * 60 * 60 * 1000;

/** The kept name of a person, as stored (key: the account id Forge vouches for). */
export const CachedPersonSchema = PersonRefSchema.extend({ timeZone: z.string().min(1).max(64).optional(), revision: z.number().int(), readAt: z.string().datetime() });
export type CachedPerson = z.output<typeof CachedPersonSchema>;

/** The person calling, as Jira's /myself names them: the name, and their profile's time zone when it has one. */
export interface Caller extends PersonRef {
  timeZone?: string;
}

/** The person, when the kept name is theirs and younger than PERSON_NAME_TTL_MS; null when Jira has to be asked. */
export function freshPerson(stored: unknown, accountId: string, now: Date): Caller | null {
  const parsed = CachedPersonSchema.safeParse(stored);
  if (!parsed.success || parsed.data.accountId !== accountId) return null;
  const age = now.getTime() - Date.parse(parsed.data.readAt);
  if (!(age >= 0 && age < PERSON_NAME_TTL_MS)) return null;
  return { accountId, displayName: parsed.data.displayName, ...(parsed.data.timeZone ? { timeZone: parsed.data.timeZone } : {}) };
}

export function cachedPerson(person: Caller, now: Date): CachedPerson {
  return { accountId: person.accountId, displayName: person.displayName, ...(person.timeZone ? { timeZone: person.timeZone } : {}), revision: 1, readAt: now.toISOString() };
}
