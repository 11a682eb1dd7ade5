import type { z } from 'zod';
import type { ListReleasesPayloadSchema, ReleaseSummary, ReleasesOverview } from '../contract';
import { indexEntry, parseIndex, type HandoffIndex } from '../domain/handoff-index';
import { INDEX_PROPERTY_KEY } from '../domain/property-keys';
import { handoffState, type LatenessRule } from '../domain/state';
import type { JiraVersion } from '../jira';
import { capabilitiesOf, requireAccess, settledValue } from './access';
import type { Action } from './run';
import { toVersionInfo } from './views';

/**
 * One parallel round: permissions, the project's versions (one call per 100 versions) and the
 * overview index. Property reads do not grow with the number of versions: that is the index's job.
 */
export const listReleases: Action<z.output<typeof ListReleasesPayloadSchema>, ReleasesOverview> = async (_payload, { project }, deps) => {
  const [permissions, versions, index] = await Promise.allSettled([
    deps.jira.getMyPermissions(project.key),
    deps.jira.listProjectVersions(project.key),
    deps.jira.getProjectProperty(project.key, INDEX_PROPERTY_KEY),
  ]);
  const granted = requireAccess(permissions, 'read', project.key);
  const handoffs = parseIndex(settledValue(index));
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: settledValue(versions).map((version) => releaseSummary(version, handoffs, deps.lateness)),
    leadTimeDays: deps.lateness.leadTimeDays,
  };
};

function releaseSummary(version: JiraVersion, index: HandoffIndex, lateness: LatenessRule): ReleaseSummary {
  const entry = indexEntry(index, version.id);
  return {
    version: toVersionInfo(version),
    state: handoffState({ version, handoff: entry }, lateness),
    status: entry?.status ?? 'none',
    revision: entry?.revision ?? 0,
    updatedAt: entry?.updatedAt ?? null,
    readyAt: entry?.readyAt ?? null,
  };
}
