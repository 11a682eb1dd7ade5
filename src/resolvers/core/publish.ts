/**
 * Publishing committed records to their Jira project properties, as the app.
 *
 * Publishing is last-writer-wins (Jira properties have no compare-and-set), so two publishes can land out
 * of order. The property converges anyway: reading a handoff compares the published content with the
 * record and publishes again when the record is newer (`repairPublished`), and the daily scan does the
 * same for every handoff (`syncPublished`). A failed publish is logged, never a failed save: the record
 * is committed.
 */
import { AppError } from '#domain/errors';
import { publishedKey, publishedValue, type HandoffRecords, type RecordKind } from '#domain/records';
import type { ResolverDeps } from './deps';
import { KINDS, readRecords, type Committed, type Target } from './handoff-store';

/**
 * Round 3: each changed record to its property, in parallel, as the app. A failure is logged: the record
 * is committed, and the next read or the daily scan publishes it again.
 */
export async function publishRecords(deps: ResolverDeps, t: Target, committed: Pick<Committed, 'records' | 'changed'>): Promise<string | null> {
  const refusals = await Promise.all(
    committed.changed.map(async (kind): Promise<string | null> => {
      const record = committed.records[kind];
      if (!record) return null;
      try {
        await deps.jira.putProjectProperty(t.projectKey, publishedKey(kind, t.versionId), publishedValue(kind, record));
        return null;
      } catch (error) {
        deps.log.error(`Could not publish the ${kind} of version ${t.versionId} to Jira (the next read or the daily scan publishes it again)`, error);
        // The change is committed either way; only a refusal of the app itself is the person's to hear about.
        return error instanceof AppError && error.error.code === 'APP_FORBIDDEN' ? error.error.message : null;
      }
    }),
  );
  const refusal = refusals.find((r) => r !== null);
  return refusal ? `Saved in CS Handoff, but Jira's copy is not updated yet: ${refusal} It is published as soon as the app may.` : null;
}

/** The published content's revision, or 0 when nothing (or nothing readable) is published. */
export function publishedRevision(value: unknown): number {
  const revision = (value as { revision?: unknown } | null)?.revision;
  return typeof revision === 'number' ? revision : 0;
}

/**
 * Publishes the content again when what Jira holds is older than the record (a publish that failed or
 * landed out of order). Returns whether it published.
 */
export async function repairPublished(deps: ResolverDeps, t: Target, records: HandoffRecords, publishedValueNow: unknown): Promise<boolean> {
  const record = records.content;
  if (!record) return false;
  const published = publishedValueNow as { revision?: unknown; writeId?: unknown } | null;
  if (publishedRevision(published) === record.revision && published?.writeId === record.writeId) return false;
  await publishRecords(deps, t, { records, changed: ['content'] });
  return true;
}

/**
 * Publishes again every record of the handoff whose property is not its latest commit: what the daily
 * scan runs for each handoff, so a publish that failed or landed out of order converges. Reads the
 * records and the three properties in one parallel round; writes only what differs.
 */
export async function syncPublished(deps: Pick<ResolverDeps, 'jira' | 'store' | 'log'>, t: Target): Promise<RecordKind[]> {
  const [read, ...published] = await Promise.all([readRecords(deps as ResolverDeps, t), ...KINDS.map((k) => deps.jira.getProjectPropertyAs(t.projectKey, publishedKey(k, t.versionId), 'app'))]);
  const { records } = read;
  const stale = KINDS.filter((k, i) => {
    const record = records[k];
    const value = published[i] as { revision?: unknown; writeId?: unknown } | null;
    return record !== null && (value?.revision !== record.revision || value?.writeId !== record.writeId);
  });
  if (stale.length > 0) await publishRecords(deps as ResolverDeps, t, { records, changed: stale });
  return stale;
}
