/**
 * The record store in memory, with Forge's compare-and-set semantics (a put names the revision the
 * stored record must have, 0 = none; a commit applies all or nothing), for tests of the commit logic.
 * `before` runs before every call and may delay it or throw (a 429 or a 5xx); `afterCommit` may throw
 * after a commit was applied (an answer lost on the way back), the case that makes a commit ambiguous.
 */
import { CommitRefused, type QueryPage, type RecordDelete, type RecordPut, type RecordQuery, type RecordRef, type RecordStore } from '#store/port';

export type StoreOp = 'getMany' | 'commit' | 'query';

export interface MemoryStoreHooks {
  before?: (op: StoreOp) => Promise<void> | void;
  afterCommit?: () => Promise<void> | void;
}

/** Shaped like @forge/kvs's API error (status and code), so callers see what Forge would throw. */
export class StoreFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Forge storage answered ${status} ${code}`);
    this.name = 'StoreFault';
  }
}

/** Index name → [partition attributes, range attribute], as declared in manifest.yml. */
const INDEX_SHAPES: Record<string, { partition: string[]; range: string }> = {
  'by-project': { partition: ['projectId'], range: 'versionNumber' },
  'by-version': { partition: ['projectId', 'versionId'], range: 'revision' },
};

export class MemoryStore implements RecordStore {
  readonly records = new Map<string, Map<string, Record<string, unknown>>>();
  readonly calls: Record<StoreOp, number> = { getMany: 0, commit: 0, query: 0 };

  constructor(public hooks: MemoryStoreHooks = {}) {}

  private table(entity: string): Map<string, Record<string, unknown>> {
    let table = this.records.get(entity);
    if (!table) this.records.set(entity, (table = new Map()));
    return table;
  }

  /** A copy, so a caller can never change what is stored by mutating what it read. */
  peek(ref: RecordRef): Record<string, unknown> | undefined {
    const value = this.table(ref.entity).get(ref.key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async getMany(refs: readonly RecordRef[]): Promise<unknown[]> {
    this.calls.getMany += 1;
    await this.hooks.before?.('getMany');
    return refs.map((r) => this.peek(r));
  }

  async commit(puts: readonly RecordPut[], deletes: readonly RecordDelete[] = []): Promise<void> {
    this.calls.commit += 1;
    await this.hooks.before?.('commit');
    for (const c of [...puts, ...deletes]) {
      if (c.ifRevision === undefined) continue;
      const stored = this.table(c.entity).get(c.key);
      const revision = stored === undefined ? 0 : (stored.revision as number);
      if (revision !== c.ifRevision) throw new CommitRefused(`${c.entity}/${c.key} is at revision ${revision}, not ${c.ifRevision}`);
    }
    for (const p of puts) this.table(p.entity).set(p.key, structuredClone(p.value));
    for (const d of deletes) this.table(d.entity).delete(d.key);
    await this.hooks.afterCommit?.();
  }

  async query<T>(q: RecordQuery): Promise<QueryPage<T>> {
    this.calls.query += 1;
    await this.hooks.before?.('query');
    const shape = INDEX_SHAPES[q.index];
    if (!shape) throw new Error(`No index ${q.index}`);
    const rows = [...this.table(q.entity).entries()]
      .filter(([, v]) => shape.partition.every((attr, i) => v[attr] === q.partition[i]))
      .sort(([, a], [, b]) => compare(a[shape.range], b[shape.range]) * (q.sort === 'DESC' ? -1 : 1));
    const start = q.cursor ? Number(q.cursor) : 0;
    const page = rows.slice(start, start + q.limit);
    const next = start + q.limit < rows.length ? String(start + q.limit) : undefined;
    return { items: page.map(([key, value]) => ({ key, value: structuredClone(value) as T })), ...(next ? { cursor: next } : {}) };
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
