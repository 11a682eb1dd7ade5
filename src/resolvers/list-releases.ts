import type { z } from 'zod';
import type { BlockSummary, ListReleasesPayloadSchema, ReleaseSummary, ReleasesOverview } from '../contract';
import { indexEntry, parseIndex, type HandoffIndex } from '../domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY, INDEX_PROPERTY_KEY } from '../domain/property-keys';
import { hasOverride, parseGateIndex, settingsOf, type GateIndex } from '../domain/gate/gate-index';
import { gateView } from '../domain/gate/rules';
import { handoffState, type LatenessRule } from '../domain/state';
import type { JiraVersion } from '../jira';
import { capabilitiesOf, readAccess, requireAccess, settledValue } from './access';
import { healthOf } from './app-health';
import { ruleOf } from './gate-context';
import type { Action } from './run';
import { toVersionInfo } from './views';

/**
 * One parallel round, 5 Jira calls: permissions, the project (as Jira names it), the project's versions (one call per 100 versions), the
 * handoff index, the gate index (which also holds the project's settings) and the app's own permissions
 * (the health line): 6 calls. Property reads do not grow
 * with the number of versions: that is the indexes' job.
 */
export const listReleases: Action<z.output<typeof ListReleasesPayloadSchema>, ReleasesOverview> = async (_payload, { project: claimed }, deps) => {
  const [access, versions, index, gateIndexValue, appPermissions] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.listProjectVersions(claimed.key),
    deps.jira.getProjectProperty(claimed.key, INDEX_PROPERTY_KEY),
    deps.jira.getProjectProperty(claimed.key, GATE_INDEX_PROPERTY_KEY),
    deps.jira.getAppPermissions(claimed.key),
  ]);
  const { project, permissions: granted } = requireAccess(access, 'read', claimed);
  const handoffs = parseIndex(settledValue(index));
  const gateIndex = parseGateIndex(settledValue(gateIndexValue));
  const rule = ruleOf(deps.lateness, settingsOf(gateIndex));
  const now = deps.now();
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: settledValue(versions).map((version) => releaseSummary(version, handoffs, rule, gateIndex, now, settingsOf(gateIndex).walkthroughGate)),
    leadTimeDays: rule.leadTimeDays,
    appHealth: healthOf(project.key, appPermissions),
  };
};

/**
 * The overview's gate comes from the gate index (no per-version reads): its state is recomputed from the
 * handoff index and the project's lead time, whether an override is recorded is taken from the gate index,
 * and latestBlock/override are left null here (getHandoff has them; the overview has `blockSummary`).
 */
function gateSummary(version: JiraVersion, entry: ReturnType<typeof indexEntry>, gateIndex: GateIndex, rule: LatenessRule, now: Date, walkthroughGate: boolean) {
  const view = gateView({ version, handoff: entry, override: null, record: null, rule, now, walkthroughGate });
  if (hasOverride(gateIndex.versions[version.id]) && view.state !== 'ok') return { ...view, state: 'overridden' as const, clearBy: [] };
  return view;
}

function releaseSummary(version: JiraVersion, index: HandoffIndex, rule: LatenessRule, gateIndex: GateIndex, now: Date, walkthroughGate: boolean): ReleaseSummary {
  const entry = indexEntry(index, version.id);
  return {
    version: toVersionInfo(version),
    state: handoffState({ version, handoff: entry }, rule),
    status: entry?.status ?? 'none',
    revision: entry?.revision ?? 0,
    updatedAt: entry?.updatedAt ?? null,
    readyAt: entry?.readyAt ?? null,
    unsettledQuestions: entry?.unsettledQuestions ?? null,
    gate: gateSummary(version, entry, gateIndex, rule, now, walkthroughGate),
    blockSummary: blockSummary(gateIndex.versions[version.id]),
  };
}

/** The latest block as the gate index summarises it (written by the release trigger, kept by the scan). */
function blockSummary(entry: GateIndex['versions'][string] | undefined): BlockSummary | null {
  if (!entry?.blockedAt) return null;
  return { at: entry.blockedAt, reason: entry.blockReason ?? '', unreleaseFailed: entry.unreleaseFailed === true };
}
