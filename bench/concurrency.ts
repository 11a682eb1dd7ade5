/**
 * N concurrent saves of handoffs, all from the same base revision, by two people who can edit (the PO
 * and the release manager), over several versions. Shared by `npm run bench` and
 * test/integration/robustness/concurrency.test.ts.
 */
import type { HandoffView, ResolverError } from '#contract';
import type { StoredHandoff } from '#domain/handoff';
import { kvs } from '@forge/kvs';
import type { HistoryEntry } from '#resolvers/core/handoff-store';
import { ENTITIES, historyKey } from '#store/port';
import { handoffPropertyKey } from '#domain/property-keys';
import type { LocalSite } from '../local-site/site';
import { content, invoker, rest, unwrap } from './fixtures';

export interface SaveOutcome {
  index: number;
  role: string;
  versionId: string;
  whatsNew: string;
  outcome: 'applied' | 'conflict' | 'other';
  revision?: number;
  error?: ResolverError;
}

export interface VersionVerdict {
  versionId: string;
  accepted: number;
  conflicts: number;
  storedWhatsNew: string;
  storedRevision: number;
  /** The stored content is exactly one accepted save's content. */
  storedIsAnAcceptedSave: boolean;
  /** ...and that save has the highest accepted revision. */
  storedIsLastAccepted: boolean;
  /** Accepted (the person was told "saved") but overwritten by another accepted save: lost updates. */
  lostUpdates: number;
  /** The revision history (as readers see it) holds the stored revision with the stored text. */
  historyHasStored: boolean;
}

export interface ConcurrencyReport {
  saves: number;
  latencyMs: number;
  outcomes: SaveOutcome[];
  versions: VersionVerdict[];
  applied: number;
  conflicts: number;
  other: number;
  lostUpdates: number;
  /** Conflict answers that returned the caller's text (`conflict.yours`) unchanged. */
  conflictsReturningYours: number;
  wallMs: number;
}

/**
 * Gives each version a handoff at revision 1 (sequentially, so that is exact), then fires `saves`
 * saves at once, all with baseRevision 1, alternating PO / release manager and cycling over the versions.
 */
export async function concurrentSaves(site: LocalSite, versionIds: string[], opts: { saves: number; latencyMs: number; tag: string }): Promise<ConcurrencyReport> {
  const invoke = invoker(site);
  const before = site.jira.settings.latencyMs;
  site.jira.settings.latencyMs = 0;
  for (const versionId of versionIds) {
    const stored = await storedHandoff(site, versionId);
    if (!stored) unwrap(await invoke<HandoffView>('po', 'saveHandoff', { versionId, baseRevision: 0, content: content(`${opts.tag} base of ${versionId}`) }), 'base save');
  }
  const bases = new Map<string, number>();
  for (const versionId of versionIds) bases.set(versionId, (await storedHandoff(site, versionId))?.revision ?? 0);

  site.jira.settings.latencyMs = opts.latencyMs;
  const roles = ['po', 'release-manager'];
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: opts.saves }, async (_, index): Promise<SaveOutcome> => {
      const role = roles[index % roles.length] as string;
      const versionId = versionIds[index % versionIds.length] as string;
      const whatsNew = `${opts.tag} save #${index} by ${role}`;
      const result = await invoke<HandoffView>(role, 'saveHandoff', { versionId, baseRevision: bases.get(versionId), content: content(whatsNew) });
      if (result.ok) return { index, role, versionId, whatsNew, outcome: 'applied', revision: result.value.handoff?.revision ?? -1 };
      return { index, role, versionId, whatsNew, outcome: result.error.code === 'CONFLICT' ? 'conflict' : 'other', error: result.error };
    }),
  );
  const wallMs = performance.now() - started;
  site.jira.settings.latencyMs = before;

  const versions: VersionVerdict[] = [];
  for (const versionId of versionIds) {
    const stored = (await storedHandoff(site, versionId)) as StoredHandoff;
    const mine = outcomes.filter((o) => o.versionId === versionId);
    const accepted = mine.filter((o) => o.outcome === 'applied');
    const matching = accepted.filter((o) => o.whatsNew === stored.content.whatsNew);
    const maxRevision = Math.max(...accepted.map((o) => o.revision ?? -1));
    versions.push({
      versionId,
      accepted: accepted.length,
      conflicts: mine.filter((o) => o.outcome === 'conflict').length,
      storedWhatsNew: stored.content.whatsNew,
      storedRevision: stored.revision,
      storedIsAnAcceptedSave: matching.length === 1,
      storedIsLastAccepted: matching.length === 1 && matching[0]?.revision === maxRevision && stored.revision === maxRevision,
      lostUpdates: accepted.length - matching.length,
      historyHasStored: await historyHolds(site, stored),
    });
  }
  const conflicts = outcomes.filter((o) => o.outcome === 'conflict');
  return {
    saves: opts.saves,
    latencyMs: opts.latencyMs,
    outcomes,
    versions,
    applied: outcomes.filter((o) => o.outcome === 'applied').length,
    conflicts: conflicts.length,
    other: outcomes.filter((o) => o.outcome === 'other').length,
    lostUpdates: versions.reduce((n, v) => n + v.lostUpdates, 0),
    conflictsReturningYours: conflicts.filter((o) => o.error?.conflict?.yours?.whatsNew === o.whatsNew).length,
    wallMs,
  };
}

/** Whether the history's head page, filtered as readers filter it, has the stored revision's text. */
/** The history record of the stored revision (in the app's storage) holds the stored text. */
async function historyHolds(site: LocalSite, stored: StoredHandoff): Promise<boolean> {
  const entry = await site.host.runAsApp(() => kvs.entity<HistoryEntry>(ENTITIES.history).get(historyKey(stored.projectId, stored.versionId, stored.revision)));
  return entry?.record.content?.whatsNew === stored.content.whatsNew;
}

export async function storedHandoff(site: LocalSite, versionId: string): Promise<StoredHandoff | null> {
  const { status, json } = await rest(site, 'app', 'GET', `/rest/api/3/project/SHOP/properties/${handoffPropertyKey(versionId)}`);
  if (status === 404) return null;
  return (json as { value: StoredHandoff }).value;
}
