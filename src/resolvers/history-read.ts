/**
 * Reading the revision history (Browse projects). One parallel round: permissions, the project, the version,
 * the handoff, the history's head page and its 10 archive slots (15 Jira calls). The handoff is read only
 * to drop records of writes that never became it (`acceptedRecords`): a save whose history PUT landed
 * but whose handoff PUT failed, or a concurrent save that lost.
 */
import type { z } from 'zod';
import type { DiffRevisionsPayloadSchema, HandoffHistory, ListHistoryPayloadSchema, ProjectInfo, RevisionDiff } from '../contract';
import { appError } from '../domain/errors';
import { acceptedRecords, collectRecords, contentAt, historyArchiveKeys, historyHeadKey, HISTORY_ARCHIVE_SLOTS, parseHistoryPage, type HistoryRecord } from '../domain/history/history';
import { diffHandoff } from '../domain/living/diff';
import { readAccess, requireAccess, settledValue } from './access';
import type { ClaimedProject } from './call-context';
import type { ResolverDeps } from './deps';
import type { Action } from './run';
import { parseStoredHandoff, versionInProject } from './views';
import { handoffPropertyKey } from '../domain/property-keys';

async function readRecords(deps: ResolverDeps, claimed: ClaimedProject, versionId: string): Promise<HistoryRecord[]> {
  const [permissions, version, handoff, head, ...archives] = await Promise.allSettled([
    readAccess(deps, claimed),
    deps.jira.getVersion(versionId),
    deps.jira.getProjectProperty(claimed.key, handoffPropertyKey(versionId)),
    deps.jira.getProjectProperty(claimed.key, historyHeadKey(versionId)),
    ...historyArchiveKeys(versionId).map((key) => deps.jira.getProjectProperty(claimed.key, key)),
  ]);
  const { project } = requireAccess(permissions, 'read', claimed);
  versionInProject(version, versionId, project);
  const records = collectRecords(
    parseHistoryPage(settledValue(head), versionId),
    archives.map((page) => parseHistoryPage(settledValue(page), versionId)),
  );
  return acceptedRecords(records, parseStoredHandoff(settledValue(handoff), versionId, deps.log));
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
      : `Revision ${revision} is not in the kept history of this handoff (it keeps the newest ${HISTORY_ARCHIVE_SLOTS + 1} pages of revisions).`;
    throw appError('NOT_FOUND', message, { fields: { [field]: message } });
  };
  return { from, to, changes: diffHandoff(side(from, 'from'), side(to, 'to')) };
};
