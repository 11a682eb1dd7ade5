/**
 * The project's CS Handoff settings (lead time, walkthrough gate): anyone who can browse reads them, project admins change them.
 *
 * The settings record (core/gate-store.ts, published to `cs-handoff.settings`) is the durable copy, written only
 * here; the gate index holds a copy that every other
 * action reads with what it already reads, so the lead time costs no extra call there. Saving writes both
 * and re-evaluates the gate index entries with the new lead time, so the overview and the gate agree at once.
 */
import { belongsInGateIndex, parseGateIndex, reevaluatedEntry, type GateIndex } from '#domain/gate/gate-index';
import type { ProjectSettings } from '#domain/gate/rules';
import type { IndexEntry } from '#domain/handoff-index';
import { overviewEntries } from '../core/overview-entries';
import { GATE_INDEX_PROPERTY_KEY } from '#domain/property-keys';
import { commitSettings, readSettingsRecord } from '../core/gate-store';
import type { JiraVersion } from '#jira';
import { capabilitiesOf, readAccess, requireAccess, requireAdmin, settledValue } from '../core/access';
import { healthOf, keepHealthAnswer } from '../core/app-health';
import { putGateIndex, ruleOf } from '../core/gate-context';
import type { ResolverDeps } from '../core/deps';
import type { Handler } from '../core/run';

export const getSettings: Handler<'getSettings'> = async (_payload, { project: claimed }, deps) => {
  const [permissions, value, appPermissions] = await Promise.allSettled([readAccess(deps, claimed), readSettingsRecord(deps, claimed.id, claimed.key), deps.jira.getAppPermissions(claimed.key)]);
  const granted = requireAccess(permissions, 'read', claimed);
  const appHealth = healthOf(granted.project.key, appPermissions);
  if (appPermissions.status === 'fulfilled') await keepHealthAnswer(deps, granted.project, appHealth);
  return { settings: settledValue(value).value, canAdminister: capabilitiesOf(granted.permissions).canAdminister, appHealth };
};

/**
 * Round 1 (parallel): permissions, the settings record, the gate index, the versions and the handoff index.
 * Round 2: the settings committed (compare-and-set: two admins saving different settings at once both
 * land) and published; then the gate index with every entry re-evaluated.
 */
export const saveSettings: Handler<'saveSettings'> = async (payload, { project: claimed }, deps) => {
  const [permissions, value, gateIndexValue, versions, handoffs, appPermissions] = await Promise.allSettled([
    readAccess(deps, claimed),
    readSettingsRecord(deps, claimed.id, claimed.key),
    deps.jira.getProjectProperty(claimed.key, GATE_INDEX_PROPERTY_KEY),
    deps.jira.listProjectVersions(claimed.key),
    overviewEntries(deps, claimed.id),
    deps.jira.getAppPermissions(claimed.key),
  ]);
  const { project } = requireAdmin(permissions, claimed, "change the project's CS Handoff settings");
  const gateIndex = parseGateIndex(settledValue(gateIndexValue));
  const first = project.id === claimed.id ? settledValue(value) : await readSettingsRecord(deps, project.id, project.key);
  // Only the fields this admin changed: planned again on what is stored when another admin saved first.
  const committed = await commitSettings(deps, project.id, first, (current): ProjectSettings => ({
    leadTimeDays: payload.leadTimeDays ?? current.leadTimeDays,
    walkthroughGate: payload.walkthroughGate ?? current.walkthroughGate,
  }));
  const settings = committed.value;
  await putGateIndex(deps, project.key, reevaluated(deps, gateIndex, settings, settledValue(versions), settledValue(handoffs)));
  return { settings, canAdminister: true, appHealth: healthOf(project.key, appPermissions) };
};

/** The gate index with the new settings and every entry re-evaluated with the new lead time. */
function reevaluated(deps: ResolverDeps, index: GateIndex, settings: ProjectSettings, versions: JiraVersion[], handoffs: Map<string, IndexEntry>): GateIndex {
  const rule = ruleOf(deps.lateness, settings);
  const now = deps.now();
  const next: GateIndex = { ...index, settings, versions: {} };
  for (const version of versions) {
    const entry = index.versions[version.id];
    if (!belongsInGateIndex(version, entry)) continue;
    next.versions[version.id] = reevaluatedEntry(entry, { version, handoff: handoffs.get(version.id) ?? null, rule, now, walkthroughGate: settings.walkthroughGate });
  }
  return next;
}
