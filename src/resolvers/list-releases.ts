import type { z } from 'zod';
import type { ListReleasesPayloadSchema, ReleaseSummary, ReleasesOverview } from '../contract';
import { indexEntry, parseIndex, type HandoffIndex } from '../domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY, INDEX_PROPERTY_KEY, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import { parseGateIndex, type GateIndex } from '../domain/gate/gate-index';
import { gateView, parseSettings } from '../domain/gate/rules';
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
  const [permissions, versions, index, gateIndexValue, settingsValue] = await Promise.allSettled([
    deps.jira.getMyPermissions(project.key),
    deps.jira.listProjectVersions(project.key),
    deps.jira.getProjectProperty(project.key, INDEX_PROPERTY_KEY),
    deps.jira.getProjectProperty(project.key, GATE_INDEX_PROPERTY_KEY),
    deps.jira.getProjectProperty(project.key, SETTINGS_PROPERTY_KEY),
  ]);
  const granted = requireAccess(permissions, 'read', project.key);
  const handoffs = parseIndex(settledValue(index));
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: settledValue(versions).map((version) =>
      releaseSummary(version, handoffs, deps.lateness, {
        index: parseGateIndex(settledValue(gateIndexValue)),
        leadTimeDays: parseSettings(settledValue(settingsValue)).leadTimeDays,
        now: deps.now(),
      }),
    ),
    leadTimeDays: deps.lateness.leadTimeDays,
  };
};

/**
 * The overview's gate comes from the gate index (no per-version reads): its state is recomputed from the
 * handoff index and settings, 'overridden' is taken from the gate index, and latestBlock/override are
 * left null here (getHandoff has them).
 */
function gateSummary(version: JiraVersion, entry: ReturnType<typeof indexEntry>, gate: { index: GateIndex; leadTimeDays: number; now: Date }, lateness: LatenessRule) {
  const rule = { ...lateness, leadTimeDays: gate.leadTimeDays };
  const view = gateView({ version, handoff: entry, override: null, record: null, rule, now: gate.now });
  if (gate.index.versions[version.id]?.state === 'overridden' && view.state !== 'ok') return { ...view, state: 'overridden' as const, clearBy: [] };
  return view;
}

function releaseSummary(version: JiraVersion, index: HandoffIndex, lateness: LatenessRule, gate: { index: GateIndex; leadTimeDays: number; now: Date }): ReleaseSummary {
  const entry = indexEntry(index, version.id);
  return {
    version: toVersionInfo(version),
    state: handoffState({ version, handoff: entry }, lateness),
    status: entry?.status ?? 'none',
    revision: entry?.revision ?? 0,
    updatedAt: entry?.updatedAt ?? null,
    readyAt: entry?.readyAt ?? null,
    gate: gateSummary(version, entry, gate, lateness),
  };
}
