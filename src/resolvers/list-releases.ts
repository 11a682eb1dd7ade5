import type { z } from 'zod';
import type { BlockSummary, ListReleasesPayloadSchema, ReleaseSummary, ReleasesOverview } from '../contract';
import type { IndexEntry } from '../domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY } from '../domain/property-keys';
import type { ContentRecord, WalkthroughRecord } from '../domain/records';
import { unsettledQuestions } from '../domain/walkthrough/rules';
import { ENTITIES, INDEXES, type EntityName } from '../store/port';
import type { ResolverDeps } from './deps';
import { hasOverride, parseGateIndex, settingsOf, type GateIndex } from '../domain/gate/gate-index';
import { gateView } from '../domain/gate/rules';
import { handoffState, type LatenessRule } from '../domain/state';
import type { JiraVersion } from '../jira';
import { capabilitiesOf, readAccess, requireAccess, settledValue } from './access';
import { healthOf } from './app-health';
import { ruleOf } from './gate-context';
import type { Action } from './run';
import { toVersionInfo } from './views';

/** Records per storage query page (Forge's maximum). */
export const OVERVIEW_PAGE = 100;

/** Every record of the project in `entity`, through the by-project index, one page (storage call) at a time. */
async function projectRecords<T>(deps: Pick<ResolverDeps, 'store'>, entity: EntityName, projectId: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.query<T>({ entity, index: INDEXES.byProject, partition: [projectId], limit: OVERVIEW_PAGE, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((i) => i.value));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** What the overview shows of each handoff, from the content and walkthrough records of the project. */
export async function overviewEntries(deps: Pick<ResolverDeps, 'store'>, projectId: string): Promise<Map<string, IndexEntry>> {
  const [contents, walkthroughs] = await Promise.all([
    projectRecords<ContentRecord>(deps, ENTITIES.content, projectId),
    projectRecords<WalkthroughRecord>(deps, ENTITIES.walkthrough, projectId),
  ]);
  const unsettled = new Map(walkthroughs.map((w) => [w.versionId, unsettledQuestions(w.walkthrough)]));
  return new Map(
    contents.map((c) => [c.versionId, { status: c.status, readyAt: c.readyAt, revision: c.revision, updatedAt: c.updatedAt, unsettledQuestions: unsettled.get(c.versionId) ?? null }]),
  );
}

/**
 * One parallel round: permissions and the project (as Jira names it), the project's versions (one call per 100 versions), the gate index
 * (which also holds the project's settings), the app's own permissions (the health line), and the
 * project's handoffs from the record store's by-project index (one query per 100 handoffs and per 100
 * walkthroughs, in two parallel chains). No single value holds the list, so no number of handoffs fills it.
 */
export const listReleases: Action<z.output<typeof ListReleasesPayloadSchema>, ReleasesOverview> = async (_payload, { project: claimed }, deps) => {
  const [access, versions, entries, gateIndexValue, appPermissions] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.listProjectVersions(claimed.key),
    overviewEntries(deps, claimed.id),
    deps.jira.getProjectProperty(claimed.key, GATE_INDEX_PROPERTY_KEY),
    deps.jira.getAppPermissions(claimed.key),
  ]);
  const { project, permissions: granted } = requireAccess(access, 'read', claimed);
  const handoffs = settledValue(entries);
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
