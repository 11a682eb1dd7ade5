import type { GetHandoffPayloadSchema, HandoffView } from '../contract';
import type { z } from 'zod';
import { handoffPropertyKey } from '../domain/property-keys';
import { readAccess, requireAccess, settledValue } from './access';
import { readGateContext } from './gate-context';
import type { Action } from './run';
import { handoffView, parseStoredHandoff, versionInProject } from './views';

/**
 * One parallel round, 6 Jira calls: the person's permissions and the project, the version, its handoff property, its gate
 * record, and the project's gate index (which holds the project's lead time).
 */
export const getHandoff: Action<z.output<typeof GetHandoffPayloadSchema>, HandoffView> = async ({ versionId }, { project: claimed }, deps) => {
  const [access, version, property, gate] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.getVersion(versionId),
    deps.jira.getProjectProperty(claimed.key, handoffPropertyKey(versionId)),
    readGateContext(deps, claimed.key, versionId),
  ]);
  const { project, permissions } = requireAccess(access, 'read', claimed);
  return handoffView({
    project,
    version: versionInProject(version, versionId, project),
    permissions,
    handoff: parseStoredHandoff(settledValue(property), versionId, deps.log),
    lateness: deps.lateness,
    gate: settledValue(gate),
    now: deps.now(),
  });
};
