/**
 * Reading the revision history (Browse projects): one history record per content revision, in the
 * record store (core/handoff-store.ts writes each in the same transaction as its revision, so a kept record
 * is always a committed revision). Round 1: permissions, the version and the first page of records;
 * then one storage call per further 100 records (at most HISTORY_KEPT are kept).
 */
import type { ClaimedProject } from '../core/call-context';
import { appError } from '#domain/errors';
import { contentAt, type HistoryRecord } from '#domain/history/history';
import { diffHandoff } from '#domain/living/diff';
import { ENTITIES, INDEXES } from '#store/port';
import { readAccess, requireAccess, settledValue } from '../core/access';
import type { ResolverDeps } from '../core/deps';
import { HISTORY_KEPT, type HistoryEntry } from '../core/handoff-store';
import type { Handler } from '../core/run';
import { versionInProject } from '../core/views';

const PAGE = 100;

async function historyEntries(deps: ResolverDeps, project: ClaimedProject, versionId: string, cursor?: string): Promise<HistoryEntry[]> {
  const page = await deps.store.query<HistoryEntry>({
    entity: ENTITIES.history,
    index: INDEXES.byVersion,
    partition: [project.id, versionId],
    limit: PAGE,
    sort: 'DESC',
    ...(cursor ? { cursor } : {}),
  });
  const entries = page.items.map((i) => i.value);
  return page.cursor ? [...entries, ...(await historyEntries(deps, project, versionId, page.cursor))] : entries;
}

/** Every kept change (content revisions, walkthrough and rollout changes), newest first. */
async function readEntries(deps: ResolverDeps, claimed: ClaimedProject, versionId: string): Promise<HistoryEntry[]> {
  const [access, version, entries] = await Promise.allSettled([readAccess(deps, claimed), deps.jira.getVersion(versionId), historyEntries(deps, claimed, versionId)]);
  const { project } = requireAccess(access, 'read', claimed);
  versionInProject(version, versionId, project);
  // Each record counts its own revisions, so the changes interleave by when they were committed.
  const when = (e: HistoryEntry) => e.committedAt ?? e.record.at;
  return settledValue(entries).sort((a, b) => when(b).localeCompare(when(a)) || b.revision - a.revision);
}

const contentRecords = (entries: readonly HistoryEntry[]): HistoryRecord[] => entries.filter((e) => e.kind === undefined).map((e) => e.record);

export const listHistory: Handler<'listHistory'> = async ({ versionId }, { project }, deps) => {
  const entries = await readEntries(deps, project, versionId);
  return {
    versionId,
    revisions: entries.map(({ kind, record: { revision, at, by, sections, content } }) => ({
      record: kind ?? 'content',
      revision,
      at,
      by,
      sections,
      diffable: kind === undefined && content !== null,
    })),
  };
};

export const diffRevisions: Handler<'diffRevisions'> = async ({ versionId, from, to }, { project }, deps) => {
  const records = contentRecords(await readEntries(deps, project, versionId));
  const side = (revision: number, field: 'from' | 'to') => {
    const content = contentAt(records, revision);
    if (content) return content;
    const kept = records.find((r) => r.revision === revision);
    const message = kept
      ? `Revision ${revision} was too big to keep a copy of, so it cannot be compared.`
      : `Revision ${revision} is not in the kept history of this handoff (it keeps the newest ${HISTORY_KEPT} revisions).`;
    throw appError('NOT_FOUND', message, { fields: { [field]: message } });
  };
  return { from, to, changes: diffHandoff(side(from, 'from'), side(to, 'to')) };
};
