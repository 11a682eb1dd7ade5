/** The project's CS Handoff settings (lead time): anyone who can browse reads them, project admins change them. */
import type { z } from 'zod';
import type { ProjectSettingsView, SaveSettingsPayloadSchema } from '../contract';
import { parseSettings } from '../domain/gate/rules';
import { SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import { capabilitiesOf, requireAccess, settledValue } from './access';
import { requireAdmin } from './gate-override';
import type { Action } from './run';

export const getSettings: Action<unknown, ProjectSettingsView> = async (_payload, { project }, deps) => {
  const [permissions, value] = await Promise.allSettled([deps.jira.getMyPermissions(project.key), deps.jira.getProjectProperty(project.key, SETTINGS_PROPERTY_KEY)]);
  const granted = requireAccess(permissions, 'read', project.key);
  return { settings: parseSettings(settledValue(value)), canAdminister: capabilitiesOf(granted).canAdminister };
};

export const saveSettings: Action<z.output<typeof SaveSettingsPayloadSchema>, ProjectSettingsView> = async (payload, { project }, deps) => {
  const [permissions, value] = await Promise.allSettled([deps.jira.getMyPermissions(project.key), deps.jira.getProjectProperty(project.key, SETTINGS_PROPERTY_KEY)]);
  requireAdmin(permissions, project.key, 'change the project\'s CS Handoff settings');
  const settings = { ...parseSettings(settledValue(value)), leadTimeDays: payload.leadTimeDays };
  await deps.jira.putProjectProperty(project.key, SETTINGS_PROPERTY_KEY, settings);
  return { settings, canAdminister: true };
};
