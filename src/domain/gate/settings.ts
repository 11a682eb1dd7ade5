/**
 * The project's gate settings: the lead time a handoff must be ready before the release date, and
 * whether an unsettled CS walkthrough keeps the gate closed.
 */
import { z } from 'zod';
import { DEFAULT_LEAD_TIME_DAYS } from '../state';

export const LEAD_TIME_MIN = 1;
export const LEAD_TIME_MAX = 60;

export const LeadTimeDaysSchema = z
  .number({ error: 'Lead time must be a number of days' })
  .int({ error: 'Lead time must be a whole number of days' })
  .min(LEAD_TIME_MIN, { error: `Lead time must be at least ${LEAD_TIME_MIN} day` })
  .max(LEAD_TIME_MAX, { error: `Lead time must be at most ${LEAD_TIME_MAX} days` });

export const ProjectSettingsSchema = z.object({
  leadTimeDays: LeadTimeDaysSchema,
  walkthroughGate: z.boolean(),
});
export type ProjectSettings = z.output<typeof ProjectSettingsSchema>;

export const DEFAULT_SETTINGS: ProjectSettings = { leadTimeDays: DEFAULT_LEAD_TIME_DAYS, walkthroughGate: false };

/** A missing or unreadable settings property reads as the defaults. */
export function parseSettings(value: unknown): ProjectSettings {
  const parsed = ProjectSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}
