import type { GetHandoffPayloadSchema, HandoffView } from '../contract';
import type { z } from 'zod';
import { handoffPropertyKey } from '../domain/property-keys';
import { requireAccess, settledValue } from './access';
import { readGateContext } from './gate-context';
import type { Action } from './run';
import { handoffView, parseStoredHandoff, versionInProject } from './views';

/**
 * One parallel round, 5 Jira calls: the person's permissions, the version, its handoff property, its gate
 * record, and the project's gate index (which holds the project's lead time).
 */
export const getHandoff: Action<z.output<typeof GetHandoffPayloadSchema>, HandoffView> = async ({ versionId }, { project }, deps) => {
  const [permissions, version, property, gate] = await Promise.allSettled([
    deps.jira.getMyPermissions(project.key),
    deps.jira.getVersion(versionId),
    deps.jira.getProjectProperty(project.key, handoffPropertyKey(versionId)),
    readGateContext(deps, project.key, versionId),
  ]);
  const granted = requireAccess(permissions, 'read', project.key);
  return handoffView({
    project,
    version: versionInProject(version, versionId, project),
    permissions: granted,
    handoff: parseStoredHandoff(settledValue(property), versionId, deps.log),
    lateness: deps.lateness,
    gate: settledValue(gate),
    now: deps.now(),
  });
};
