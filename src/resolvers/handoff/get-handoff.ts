import { handoffPropertyKey } from '#domain/property-keys';
import { readAccess, requireAccess, settledValue } from '../core/access';
import { readGateContext } from '../core/gate-context';
import { loadRecords, readRecords, type Target } from '../core/handoff-store';
import { repairPublished } from '../core/publish';
import { targetOf } from '../core/handoff-writes';
import type { Handler } from '../core/run';
import type { ResolverDeps } from '../core/deps';
import type { HandoffRecords } from '#domain/records';
import { handoffView, versionInProject } from '../core/views';

/**
 * One parallel round: the person's permissions and the project, the version, the handoff's records (one storage call),
 * the published content property, the gate context and the site's time zone (serverInfo). The property serves twice: a handoff stored
 * before records existed is imported from it (first access), and when it is older than the record (a
 * publish failed or landed out of order) it is published again, beside the answer.
 */
export const getHandoff: Handler<'getHandoff'> = async ({ versionId }, { project: claimed }, deps) => {
  // Records are keyed by the claimed id; requireAccess proves it is the project Jira answered before any is used.
  const target = targetOf(claimed, versionId);
  const [access, version, records, published, gate, siteZone] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.getVersion(versionId),
    readRecords(deps, target),
    deps.jira.getProjectPropertyAs(claimed.key, handoffPropertyKey(versionId), 'app'),
    readGateContext(deps, claimed.key, versionId),
    deps.jira.getSiteTimeZone(),
  ]);
  const { permissions: granted, project } = requireAccess(access, 'read', claimed);
  const v = versionInProject(version, versionId, project);
  const current = await importOrRepair(deps, target, settledValue(records).records, settledValue(published));
  // Days are counted in the site's calendar, as the release gate counts them; a failed read falls back to the index's copy.
  const context = settledValue(gate);
  const site = siteZone.status === 'fulfilled' ? siteZone.value : null;
  const withZone = site ? { ...context, timeZone: site } : context;
  return handoffView({ project, version: v, permissions: granted, records: current, lateness: deps.lateness, gate: withZone, now: deps.now() });
};

async function importOrRepair(deps: ResolverDeps, t: Target, records: HandoffRecords, published: unknown): Promise<HandoffRecords> {
  if (records.content === null) return loadRecords(deps, t, records, published);
  await repairPublished(deps, t, records, published);
  return records;
}
