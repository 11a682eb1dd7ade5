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
