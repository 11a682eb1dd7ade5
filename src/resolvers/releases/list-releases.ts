import { OVERVIEW_PAGE_SIZE, type BlockSummary, type ReleaseSummary } from '#contract';
import type { IndexEntry } from '#domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY } from '#domain/property-keys';
import { pageEntries, pageOpenSupport } from '../core/overview-entries';
import { hasOverride, parseGateIndex, settingsOf, type GateIndex } from '#domain/gate/gate-index';
import { gateView } from '#domain/gate/rules';
import { handoffState, type LatenessRule } from '#domain/state';
import { PROJECT_PERMISSIONS, type JiraVersion } from '#jira';
import { capabilitiesOf, readAccess, requireAccess, settledValue } from '../core/access';
import { appHealthRef, keptOrCheckedHealth } from '../core/app-health';
import { ruleOf } from '../core/gate-context';
import type { Handler } from '../core/run';
import { toVersionInfo } from '../core/views';

/**
 * One page of versions, whatever the project's size, in 3 Jira calls in one round: permissions, the
 * project with the gate index among its properties (which also holds the project's settings), and one
 * page of versions as Jira filters them (search, release status). Beside them, one storage read: the
 * kept answer about the app's own permissions (the health line), so Jira is asked about those at most
 * once an hour. Second round, only after access is checked: the page's handoff, walkthrough and support
 * records by key (batch gets), and the app's permissions only when no healthy answer is kept.
 */
export const listReleases: Handler<'listReleases'> = async (payload, { project: claimed }, deps) => {
  const pageNumber = payload.page ?? 1;
  const [access, versionPage, keptHealth] = await Promise.allSettled([
    readAccess(deps, claimed, PROJECT_PERMISSIONS, [GATE_INDEX_PROPERTY_KEY]),
    deps.jira.projectVersionPage(claimed.key, {
      startAt: (pageNumber - 1) * OVERVIEW_PAGE_SIZE,
      maxResults: OVERVIEW_PAGE_SIZE,
      query: payload.search || undefined,
      status: payload.status,
    }),
    deps.store.getMany([appHealthRef(claimed.id)]),
  ]);
  const { project, permissions: granted, properties } = requireAccess(access, 'read', claimed);
  const { versions, total } = settledValue(versionPage);
  const ids = versions.map((v) => v.id);
  const [handoffs, openSupport, health] = await Promise.all([
    pageEntries(deps, claimed.id, ids),
    pageOpenSupport(deps, claimed.id, ids),
    keptOrCheckedHealth(deps, project, keptHealth.status === 'fulfilled' ? keptHealth.value[0] : undefined),
  ]);
  const gateIndex = parseGateIndex(properties[GATE_INDEX_PROPERTY_KEY] ?? null);
  const rule = ruleOf(deps.lateness, settingsOf(gateIndex));
  const now = deps.now();
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: versions.map((version) => ({
      ...releaseSummary(version, handoffs, rule, gateIndex, now, settingsOf(gateIndex).walkthroughGate),
      openSupportQuestions: openSupport.get(version.id) ?? 0,
    })),
    page: { number: pageNumber, size: OVERVIEW_PAGE_SIZE, total },
    leadTimeDays: rule.leadTimeDays,
    appHealth: health,
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

function releaseSummary(
  version: JiraVersion,
  index: Map<string, IndexEntry>,
  rule: LatenessRule,
  gateIndex: GateIndex,
  now: Date,
  walkthroughGate: boolean,
): Omit<ReleaseSummary, 'openSupportQuestions'> {
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
