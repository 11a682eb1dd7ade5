import type { GetHandoffPayloadSchema, HandoffView } from '../contract';
import type { z } from 'zod';
import { gatePropertyKey, handoffPropertyKey, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import { parseGateRecord, parseSettings } from '../domain/gate/rules';
import { requireAccess, settledValue } from './access';
import type { Action } from './run';
import { handoffView, parseStoredHandoff, versionInProject } from './views';

/** One parallel round: the person's permissions, the version and its handoff property (3 Jira calls). */
export const getHandoff: Action<z.output<typeof GetHandoffPayloadSchema>, HandoffView> = async ({ versionId }, { project }, deps) => {
  const [permissions, version, property, gateRecord, settings] = await Promise.allSettled([
    deps.jira.getMyPermissions(project.key),
    deps.jira.getVersion(versionId),
    deps.jira.getProjectProperty(project.key, handoffPropertyKey(versionId)),
    deps.jira.getProjectProperty(project.key, gatePropertyKey(versionId)),
    deps.jira.getProjectProperty(project.key, SETTINGS_PROPERTY_KEY),
  ]);
  const granted = requireAccess(permissions, 'read', project.key);
  return handoffView({
    project,
    version: versionInProject(version, versionId, project),
    permissions: granted,
    handoff: parseStoredHandoff(settledValue(property), versionId, deps.log),
    lateness: deps.lateness,
    gate: { record: parseGateRecord(settledValue(gateRecord), versionId), settings: parseSettings(settledValue(settings)) },
    now: deps.now(),
  });
};
