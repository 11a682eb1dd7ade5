import type { z } from 'zod';
import { OVERVIEW_PAGE_SIZE, type BlockSummary, type ListReleasesPayloadSchema, type ReleaseSummary, type ReleasesOverview } from '../contract';
import type { IndexEntry } from '../domain/handoff-index';
import { GATE_INDEX_PROPERTY_KEY } from '../domain/property-keys';
import type { ContentRecord, WalkthroughRecord } from '../domain/records';
import { unsettledQuestions } from '../domain/walkthrough/rules';
import { ENTITIES, INDEXES, versionKey, type EntityName } from '../store/port';
import type { ResolverDeps } from './deps';
import { hasOverride, parseGateIndex, settingsOf, type GateIndex } from '../domain/gate/gate-index';
import { gateView } from '../domain/gate/rules';
import { handoffState, type LatenessRule } from '../domain/state';
import { PROJECT_PERMISSIONS, type JiraVersion } from '../jira';
import { capabilitiesOf, readAccess, requireAccess, settledValue } from './access';
import { appHealthRef, keptOrCheckedHealth } from './app-health';
import { ruleOf } from './gate-context';
import type { Action } from './run';
import { toVersionInfo } from './views';

/** Records per storage query page (Forge's maximum). */
export const OVERVIEW_PAGE = 100;

/** Every record of the project in `entity`, through the by-project index, one page (storage call) at a time. */
export async function projectRecords<T>(deps: Pick<ResolverDeps, 'store'>, entity: EntityName, projectId: string): Promise<T[]> {
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
  return entriesOf(contents, walkthroughs);
}

/** Forge storage's batch get takes at most 25 keys. */
const BATCH_GET_KEYS = 25;

/** The same entries for a page of versions only: their records by key, in parallel batch gets. */
async function pageEntries(deps: ResolverDeps, projectId: string, versionIds: readonly string[]): Promise<Map<string, IndexEntry>> {
  const read = async <T>(entity: EntityName): Promise<T[]> => {
    const refs = versionIds.map((id) => ({ entity, key: versionKey(projectId, id) }));
    const batches: (typeof refs)[] = [];
    for (let i = 0; i < refs.length; i += BATCH_GET_KEYS) batches.push(refs.slice(i, i + BATCH_GET_KEYS));
    const answers = await Promise.all(batches.map((b) => deps.store.getMany(b)));
    return answers.flat().filter((v): v is T => v !== undefined);
  };
  const [contents, walkthroughs] = await Promise.all([read<ContentRecord>(ENTITIES.content), read<WalkthroughRecord>(ENTITIES.walkthrough)]);
  return entriesOf(contents, walkthroughs);
}

function entriesOf(contents: readonly ContentRecord[], walkthroughs: readonly WalkthroughRecord[]): Map<string, IndexEntry> {
  const unsettled = new Map(walkthroughs.map((w) => [w.versionId, unsettledQuestions(w.walkthrough)]));
  return new Map(
    contents.map((c) => [c.versionId, { status: c.status, readyAt: c.readyAt, revision: c.revision, updatedAt: c.updatedAt, unsettledQuestions: unsettled.get(c.versionId) ?? null }]),
  );
}

/**
 * One page of versions, whatever the project's size, in 3 Jira calls in one round: permissions, the
 * project with the gate index among its properties (which also holds the project's settings), and one
 * page of versions as Jira filters them (search, release status). Beside them, one storage read: the
 * kept answer about the app's own permissions (the health line), so Jira is asked about those at most
 * once an hour. Second round, only after access is checked: the page's handoff and walkthrough records
 * by key (batch gets), and the app's permissions only when no healthy answer is kept.
 */
export const listReleases: Action<z.output<typeof ListReleasesPayloadSchema>, ReleasesOverview> = async (payload, { project: claimed }, deps) => {
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
  const [handoffs, health] = await Promise.all([
    pageEntries(deps, claimed.id, versions.map((v) => v.id)),
    keptOrCheckedHealth(deps, project, keptHealth.status === 'fulfilled' ? keptHealth.value[0] : undefined),
  ]);
  const gateIndex = parseGateIndex(properties[GATE_INDEX_PROPERTY_KEY] ?? null);
  const rule = ruleOf(deps.lateness, settingsOf(gateIndex));
  const now = deps.now();
  return {
    project,
    capabilities: capabilitiesOf(granted),
    releases: versions.map((version) => releaseSummary(version, handoffs, rule, gateIndex, now, settingsOf(gateIndex).walkthroughGate)),
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
