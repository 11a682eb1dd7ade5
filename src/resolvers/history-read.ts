/**
 * Reading the revision history (Browse projects): one history record per content revision, in the
 * record store (handoff-store.ts writes each in the same transaction as its revision, so a kept record
 * is always a committed revision). Round 1: permissions, the version and the first page of records;
 * then one storage call per further 100 records (at most HISTORY_KEPT are kept).
 */
import type { z } from 'zod';
import type { DiffRevisionsPayloadSchema, HandoffHistory, ListHistoryPayloadSchema, RevisionDiff } from '../contract';
import type { ClaimedProject } from './call-context';
import { appError } from '../domain/errors';
import { contentAt, type HistoryRecord } from '../domain/history/history';
import { diffHandoff } from '../domain/living/diff';
import { ENTITIES, INDEXES } from '../store/port';
import { readAccess, requireAccess, settledValue } from './access';
import type { ResolverDeps } from './deps';
import { HISTORY_KEPT, type HistoryEntry } from './handoff-store';
import type { Action } from './run';
import { versionInProject } from './views';

const PAGE = 100;

async function historyRecords(deps: ResolverDeps, project: ClaimedProject, versionId: string, cursor?: string): Promise<HistoryRecord[]> {
  const page = await deps.store.query<HistoryEntry>({ entity: ENTITIES.history, index: INDEXES.byVersion, partition: [project.id, versionId], limit: PAGE, sort: 'DESC', ...(cursor ? { cursor } : {}) });
  const records = page.items.map((i) => i.value.record);
  return page.cursor ? [...records, ...(await historyRecords(deps, project, versionId, page.cursor))] : records;
}

/** Newest first. */
async function readRecords(deps: ResolverDeps, claimed: ClaimedProject, versionId: string): Promise<HistoryRecord[]> {
  const [access, version, records] = await Promise.allSettled([readAccess(deps, claimed), deps.jira.getVersion(versionId), historyRecords(deps, claimed, versionId)]);
  const { project } = requireAccess(access, 'read', claimed);
  versionInProject(version, versionId, project);
  return settledValue(records).sort((a, b) => b.revision - a.revision);
}

export const listHistory: Action<z.output<typeof ListHistoryPayloadSchema>, HandoffHistory> = async ({ versionId }, { project }, deps) => {
  const records = await readRecords(deps, project, versionId);
  return {
    versionId,
    revisions: records.map(({ revision, at, by, sections, content }) => ({ revision, at, by, sections, diffable: content !== null })),
  };
};

export const diffRevisions: Action<z.output<typeof DiffRevisionsPayloadSchema>, RevisionDiff> = async ({ versionId, from, to }, { project }, deps) => {
  const records = await readRecords(deps, project, versionId);
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
