/** The overview's entries (status, revision, unsettled questions) of a project's handoffs, read from the store. */
import type { IndexEntry } from '#domain/handoff-index';
import type { ContentRecord, WalkthroughRecord } from '#domain/records';
import { unsettledQuestions } from '#domain/walkthrough/rules';
import { openSupportQuestions, SupportRecordSchema } from '#domain/card/support-questions';
import { ENTITIES, INDEXES, versionKey, type EntityName } from '#store/port';
import type { ResolverDeps } from './deps';

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
  const [contents, walkthroughs] = await Promise.all([projectRecords<ContentRecord>(deps, ENTITIES.content, projectId), projectRecords<WalkthroughRecord>(deps, ENTITIES.walkthrough, projectId)]);
  return entriesOf(contents, walkthroughs);
}

/** Forge storage's batch get takes at most 25 keys. */
const BATCH_GET_KEYS = 25;

/** A page of versions' records of one entity by key, in parallel batch gets. */
async function pageRecords<T>(deps: ResolverDeps, entity: EntityName, projectId: string, versionIds: readonly string[]): Promise<T[]> {
  const refs = versionIds.map((id) => ({ entity, key: versionKey(projectId, id) }));
  const batches: (typeof refs)[] = [];
  for (let i = 0; i < refs.length; i += BATCH_GET_KEYS) batches.push(refs.slice(i, i + BATCH_GET_KEYS));
  const answers = await Promise.all(batches.map((b) => deps.store.getMany(b)));
  return answers.flat().filter((v): v is T => v !== undefined && v !== null);
}

/** The same entries for a page of versions only: their records by key, in parallel batch gets. */
export async function pageEntries(deps: ResolverDeps, projectId: string, versionIds: readonly string[]): Promise<Map<string, IndexEntry>> {
  const read = <T>(entity: EntityName) => pageRecords<T>(deps, entity, projectId, versionIds);
  const [contents, walkthroughs] = await Promise.all([read<ContentRecord>(ENTITIES.content), read<WalkthroughRecord>(ENTITIES.walkthrough)]);
  return entriesOf(contents, walkthroughs);
}

/** Open questions from support per version of the page: their records by key (one batch get of 25), beside the handoffs'. */
export async function pageOpenSupport(deps: ResolverDeps, projectId: string, versionIds: readonly string[]): Promise<Map<string, number>> {
  const records = await pageRecords<unknown>(deps, ENTITIES.support, projectId, versionIds);
  // A record that does not parse counts as none here; the handoff page reads it and says so.
  const parsed = records.flatMap((r) => {
    const p = SupportRecordSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
  return new Map(parsed.map((r) => [r.versionId, openSupportQuestions(r)]));
}

function entriesOf(contents: readonly ContentRecord[], walkthroughs: readonly WalkthroughRecord[]): Map<string, IndexEntry> {
  const unsettled = new Map(walkthroughs.map((w) => [w.versionId, unsettledQuestions(w.walkthrough)]));
  return new Map(contents.map((c) => [c.versionId, { status: c.status, readyAt: c.readyAt, revision: c.revision, updatedAt: c.updatedAt, unsettledQuestions: unsettled.get(c.versionId) ?? null }]));
}
