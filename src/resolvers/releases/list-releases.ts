import type { z } from 'zod';
import { OVERVIEW_PAGE_SIZE, type BlockSummary, type ListReleasesPayloadSchema, type ReleaseSummary, type ReleasesOverview } from '../../contract';
import type { IndexEntry } from '../../domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY } from '../../domain/property-keys';
import { pageEntries } from '../core/overview-entries';
import { hasOverride, parseGateIndex, settingsOf, type GateIndex } from '../../domain/gate/gate-index';
import { gateView } from '../../domain/gate/rules';
import { handoffState, type LatenessRule } from '../../domain/state';
import type { JiraVersion } from '../../jira';
import { capabilitiesOf, readAccess, requireAccess, settledValue } from '../core/access';
import { healthOf } from '../core/app-health';
import { ruleOf } from '../core/gate-context';
import type { Action } from '../core/run';
import { toVersionInfo } from '../core/views';

/**
 * One page of versions, whatever the project's size. Jira round: permissions and the project (as Jira
 * names it), one page of versions as Jira filters them (search, release status), the gate index (which
 * also holds the project's settings) and the app's own permissions (the health line). Storage round:
 * the page's handoff and walkthrough records by key (batch gets), only after access is checked.
 */
export const listReleases: Action<z.output<typeof ListReleasesPayloadSchema>, ReleasesOverview> = async (payload, { project: claimed }, deps) => {
  const pageNumber = payload.page ?? 1;
  const [access, versionPage, gateIndexValue, appPermissions] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.projectVersionPage(claimed.key, {
      startAt: (pageNumber - 1) * OVERVIEW_PAGE_SIZE,
      maxResults: OVERVIEW_PAGE_SIZE,
      query: payload.search || undefined,
      status: payload.status,
    }),
    deps.jira.getProjectProperty(claimed.key, GATE_INDEX_PROPERTY_KEY),
    deps.jira.getAppPermissions(claimed.key),
  ]);
  const { project, permissions: granted } = requireAccess(access, 'read', claimed);
  const { versions, total } = settledValue(versionPage);
  const handoffs = await pageEntries(deps, claimed.id, versions.map((v) => v.id));
  const gateIndex = parseGateIndex(settledValue(gateIndexValue));
  const rule = ruleOf(deps.lateness, settingsOf(gateIndex));
  const now = deps.now();
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: versions.map((version) => releaseSummary(version, handoffs, rule, gateIndex, now, settingsOf(gateIndex).walkthroughGate)),
    page: { number: pageNumber, size: OVERVIEW_PAGE_SIZE, total },
    leadTimeDays: rule.leadTimeDays,
    appHealth: healthOf(project.key, appPermissions),
  };
};

/**
 * The overview's gate comes from the gate index (no per-version reads): its state is recomputed from the
 * handoff index and the project's lead time, whether an override is recorded is taken from the gate index,
 * and latestBlock/override are left null here (getHandoff has them; the overview has `blockSummary`).
 */
function gateSummary(version: JiraVersion, entry: IndexEntry | null, gateIndex: GateIndex, rule: LatenessRule, now: Date, walkthroughGate: boolean) {
  const view = gateView({ version, handoff: entry, override: null, record: null, rule, now, walkthroughGate });
  if (hasOverride(gateIndex.versions[version.id]) && view.state !== 'ok') return { ...view, state: 'overridden' as const, clearBy: [] };
  return view;
}

function releaseSummary(version: JiraVersion, index: Map<string, IndexEntry>, rule: LatenessRule, gateIndex: GateIndex, now: Date, walkthroughGate: boolean): ReleaseSummary {
  const entry = index.get(version.id) ?? null;
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
