import { z } from 'zod';

/**
 * Where the app cannot act: what the release gate needs from the app's own Jira user in a project, in
 * words a release manager or project admin can take to a Jira admin before it matters.
 */
export interface AppPermissions {
  BROWSE_PROJECTS: boolean;
  ADMINISTER_PROJECTS: boolean;
}

/** Empty when the app can do everything the gate needs in the project; null permissions: Jira did not answer. */
export function appHealth(projectKey: string, permissions: AppPermissions | null): string[] {
  if (permissions === null) return [`CS Handoff could not check its own permissions in ${projectKey} just now; reload to try again.`];
  if (!permissions.BROWSE_PROJECTS) {
    return [`CS Handoff cannot see ${projectKey}: the app's user needs Browse Projects, or releases here are not checked at all.`];
  }
  if (!permissions.ADMINISTER_PROJECTS) {
    return [`CS Handoff cannot put releases back in ${projectKey}: the app's user needs Administer Projects.`];
  }
  return [];
}

/**
 * A healthy answer is kept for an hour, so the overview does not ask Jira about the app's own
 * permissions on every open. Only a healthy answer is kept: a warning is re-checked on every open, so
 * the line goes away as soon as a Jira admin fixes the permission; a permission taken away shows
 * within the hour.
 */
export const APP_HEALTH_TTL_MS = 60 * 60 * 1000;

const KeptHealthSchema = z.object({ revision: z.number().int(), checkedAt: z.string().datetime() });
export type KeptHealth = z.output<typeof KeptHealthSchema>;

/** True when a kept healthy answer is younger than APP_HEALTH_TTL_MS. */
export function keptHealthy(stored: unknown, now: Date): boolean {
  const parsed = KeptHealthSchema.safeParse(stored);
  if (!parsed.success) return false;
  const age = now.getTime() - Date.parse(parsed.data.checkedAt);
  return age >= 0 && age < APP_HEALTH_TTL_MS;
}

export function keptHealth(now: Date): KeptHealth {
  return { revision: 1, checkedAt: now.toISOString() };
}
