import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkBatch, failure, runBatch, type BatchAnswer, type BatchItem } from './batch';
import { checkClause, checkGroup, groupHolds } from './conditions';
import { checkEntityValue, type EntityIndex, type EntitySchema } from './entities';
import { attrExpr, queryEntityRows, spaceLiteral, type EntityQuery } from './entity-query';
import { badRequest, KvsCode, KvsError } from './errors';
import { decodeCursor, encodeCursor, expiryOf, itemOf, notFound, type Item, type MetadataField, type Page, type Row, type SetOptions, type Space } from './items';
import { checkEntityName, checkKey, checkLimit, checkValue, MAX_TRANSACTION_BYTES, MAX_TRANSACTION_OPERATIONS } from './limits';

export type { BatchAnswer, BatchItem } from './batch';
export type { EntityQuery } from './entity-query';
export type { Item, MetadataField, Page, SetOptions, Space, Ttl } from './items';

export interface TransactionRequest {
  set?: { key: string; value: unknown; entityName?: string; conditions?: unknown; options?: SetOptions }[];
  delete?: { key: string; entityName?: string; conditions?: unknown }[];
  check?: { key: string; entityName?: string; conditions: unknown }[];
}

/*
 * One table holds every stored item of every installation: plain keys (space 'kvs'), secrets ('secret') and
 * custom entities ('entity:<name>'). Entity queries read attribute values with json_extract, so an index
 * query is one ordered SQL scan over the entity's rows, not a parse of every value.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS forge_storage (
  scope      TEXT NOT NULL,     -- <appId>/<installationId>: storage is per app installation, as on Forge
  space      TEXT NOT NULL,     -- 'kvs', 'secret' or 'entity:<name>'
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,     -- JSON
  created_at INTEGER NOT NULL,  -- epoch ms
  updated_at INTEGER NOT NULL,
  expire_at  INTEGER,           -- epoch ms, from a set's ttl option; expired items read as absent
  PRIMARY KEY (scope, space, key)
) WITHOUT ROWID;
`;

/**
 * The local Forge storage: SQLite in the site's data folder, so stored data survives a restart. Every
 * operation runs in one IMMEDIATE SQLite transaction: reads of a transaction's conditions and its writes
 * cannot interleave with another invocation's, even across processes sharing the data folder.
 */
export class KvsStore {
  private readonly db: Database.Database;
  private readonly entities: Map<string, EntitySchema>;

  constructor(
    dataDir: string,
    entities: EntitySchema[],
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'forge-storage.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL still never corrupts the file; a power cut may lose the last commits, which a
    // development site can afford, and each write no longer waits for a disk flush.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.entities = new Map(entities.map((e) => [e.name, e]));
    this.syncIndexes(entities);
  }

  /**
   * One SQLite expression index per manifest index, matching the expressions queryEntity() filters and
   * orders by, so a page of an index query is an index seek (5,000 large records: milliseconds, not a
   * scan). Indexes of entities or indexes no longer in the manifest are dropped.
   */
  private syncIndexes(entities: EntitySchema[]): void {
    const wanted = new Map<string, string>();
    for (const entity of entities) {
      for (const index of entity.indexes.values()) {
        const columns = ['scope', ...[...index.partition, ...index.range].map(attrExpr), 'key'];
        const where = `space = ${spaceLiteral(entity.name)}`;
        const name = `fs_ix_${createHash('sha256')
          .update(`${columns.join(',')}|${where}`)
          .digest('hex')
          .slice(0, 16)}`;
        wanted.set(name, `CREATE INDEX IF NOT EXISTS ${name} ON forge_storage (${columns.join(', ')}) WHERE ${where}`);
      }
    }
    const existing = this.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'fs_ix_%'").all();
    for (const { name } of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX ${name}`);
    for (const sql of wanted.values()) this.db.exec(sql);
  }

  close(): void {
    this.db.close();
  }

  private atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The space of a plain key or of an entity declared in the manifest, with the entity's schema. */
  space(entityName: unknown): { space: Space; schema?: EntitySchema } {
    if (entityName === undefined || entityName === null) return { space: 'kvs' };
    const name = checkEntityName(entityName);
    const schema = this.entities.get(name);
    if (!schema) {
      const declared = [...this.entities.keys()];
      throw badRequest(KvsCode.INVALID_ENTITY_TYPE, `Entity '${name}' is not declared in manifest.yml app.storage.entities (declared: ${declared.length ? declared.join(', ') : 'none'}).`);
    }
    return { space: `entity:${name}`, schema };
  }

  private row(scope: string, space: Space, key: string): Row | undefined {
    return this.db
      .prepare<[string, string, string, number], Row>(
        'SELECT key, value, created_at, updated_at, expire_at FROM forge_storage WHERE scope = ? AND space = ? AND key = ? AND (expire_at IS NULL OR expire_at > ?)',
      )
      .get(scope, space, key, this.now());
  }

  private write(scope: string, space: Space, key: string, json: string, expireAt: number | null, previous: Row | undefined): Row {
    const now = this.now();
    const row: Row = { key, value: json, created_at: previous?.created_at ?? now, updated_at: now, expire_at: expireAt };
    this.db
      .prepare('INSERT OR REPLACE INTO forge_storage (scope, space, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(scope, space, key, row.value, row.created_at, row.updated_at, row.expire_at);
    return row;
  }

  private remove(scope: string, space: Space, key: string): boolean {
    return this.db.prepare('DELETE FROM forge_storage WHERE scope = ? AND space = ? AND key = ?').run(scope, space, key).changes > 0;
  }

  get(scope: string, space: Space, key: unknown, fields?: MetadataField[]): Item {
    const k = checkKey(key);
    const row = this.row(scope, space, k);
    if (!row) throw notFound(k);
    return itemOf(row, fields);
  }

  /** Answers the item to return when `returnValue` asks for one. */
  set(scope: string, target: { space: Space; schema?: EntitySchema }, key: unknown, value: unknown, options: SetOptions = {}): Item | undefined {
    const k = checkKey(key);
    const json = checkValue(k, value);
    if (target.schema) checkEntityValue(target.schema, k, value);
    const expireAt = expiryOf(options.ttl, this.now());
    return this.atomically(() => {
      const previous = this.row(scope, target.space, k);
      if (previous && options.keyPolicy === 'FAIL_IF_EXISTS') throw new KvsError(409, KvsCode.KEY_ALREADY_EXISTS, `Key '${k}' already exists (keyPolicy FAIL_IF_EXISTS).`);
      const written = this.write(scope, target.space, k, json, expireAt, previous);
      if (options.returnValue === 'LATEST') return itemOf(written);
      if (options.returnValue === 'PREVIOUS' && previous) return itemOf(previous);
      return undefined;
    });
  }

  delete(scope: string, space: Space, key: unknown): void {
    const k = checkKey(key);
    if (!this.atomically(() => this.remove(scope, space, k))) throw notFound(k);
  }

  /** kvs.query(): plain keys in key order, optionally those beginning with a prefix. */
  query(scope: string, body: { limit?: number; after?: string; where?: unknown[]; options?: { metadataFields?: MetadataField[] } }): Page {
    const limit = checkLimit(body.limit);
    const where = (body.where ?? []).map((w) => checkClause(w, true));
    const prefix = where.find((w) => w.property === 'key' && w.condition === 'BEGINS_WITH')?.values[0];
    if (where.some((w) => w.property !== 'key' || w.condition !== 'BEGINS_WITH') || (prefix !== undefined && typeof prefix !== 'string')) {
      throw badRequest(KvsCode.INVALID_REQUEST, 'kvs.query() supports only where("key", beginsWith(<string>)).');
    }
    const after = body.after === undefined ? undefined : (decodeCursor(body.after, 1)[0] as string);
    const rows = this.db
      .prepare<unknown[], Row>(
        `SELECT key, value, created_at, updated_at, expire_at FROM forge_storage
         WHERE scope = ? AND space = 'kvs' AND (expire_at IS NULL OR expire_at > ?)
           ${prefix !== undefined ? 'AND instr(key, ?) = 1' : ''} ${after !== undefined ? 'AND key > ?' : ''}
         ORDER BY key LIMIT ?`,
      )
      .all(scope, this.now(), ...(prefix !== undefined ? [prefix] : []), ...(after !== undefined ? [after] : []), limit + 1);
    const page = rows.slice(0, limit);
    const fields = body.options?.metadataFields ?? [];
    return { data: page.map((r) => itemOf(r, fields)), ...(rows.length > limit ? { cursor: encodeCursor([page[page.length - 1]?.key]) } : {}) };
  }

  private index(schema: EntitySchema, name: unknown): EntityIndex {
    const index = typeof name === 'string' ? schema.indexes.get(name) : undefined;
    if (!index) {
      throw badRequest(KvsCode.INVALID_ENTITY_INDEX, `Entity '${schema.name}' has no index '${String(name)}' in manifest.yml (indexes: ${[...schema.indexes.keys()].join(', ') || 'none'}).`);
    }
    return index;
  }

  /**
   * entity(...).query().index(...): items that have every partition and range attribute of the index,
   * with the partition values given, ordered by the range attributes then the key (see entity-query.ts).
   */
  queryEntity(scope: string, q: EntityQuery): Page {
    const { schema } = this.space(q.entityName);
    if (!schema) throw badRequest(KvsCode.INVALID_REQUEST, 'An entity query needs an entityName.');
    return queryEntityRows(this.db, scope, this.now(), schema, this.index(schema, q.indexName), q);
  }

  /**
   * kvs.transact(): checks every condition against the stored values, then writes everything, in one
   * SQLite transaction; a condition that does not hold raises 409 CONDITIONAL_CHECK_FAILED and nothing is
   * written. This is the compare-and-set the app's records rely on.
   */
  transact(scope: string, body: TransactionRequest, requestBytes: number): void {
    if (requestBytes > MAX_TRANSACTION_BYTES) throw badRequest(KvsCode.MAX_SIZE, `The transaction is ${requestBytes} bytes; the maximum payload is ${MAX_TRANSACTION_BYTES} bytes (4 MB).`);
    const sets = body.set ?? [];
    const deletes = body.delete ?? [];
    const checks = body.check ?? [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw badRequest(KvsCode.INVALID_TRANSACTION, 'The transaction has no operations.');
    if (total > MAX_TRANSACTION_OPERATIONS) throw badRequest(KvsCode.INVALID_TRANSACTION, `The transaction has ${total} operations; the maximum is ${MAX_TRANSACTION_OPERATIONS}.`);

    const seen = new Set<string>();
    const prepare = (op: 'set' | 'delete' | 'check', item: { key: string; entityName?: string; conditions?: unknown }) => {
      const key = checkKey(item.key);
      const target = this.space(item.entityName);
      const id = `${target.space}\u0000${key}`;
      if (seen.has(id))
        throw badRequest(
          KvsCode.INVALID_TRANSACTION,
          `Key '${key}'${item.entityName ? ` of entity '${item.entityName}'` : ''} is used more than once in the transaction; each key can only be used once.`,
        );
      seen.add(id);
      const conditions = item.conditions === undefined ? undefined : checkGroup(item.conditions);
      if (op === 'check' && !conditions) throw badRequest(KvsCode.INVALID_REQUEST, `The check of key '${key}' has no conditions.`);
      return { op, key, target, conditions };
    };
    const writes = sets.map((s) => {
      const p = prepare('set', s);
      const json = checkValue(p.key, s.value);
      if (p.target.schema) checkEntityValue(p.target.schema, p.key, s.value);
      return { ...p, json, expireAt: expiryOf(s.options?.ttl, this.now()) };
    });
    const removals = deletes.map((d) => prepare('delete', d));
    const guards = checks.map((c) => prepare('check', c));

    this.atomically(() => {
      const current = new Map<string, Row | undefined>();
      for (const p of [...writes, ...removals, ...guards]) {
        const row = this.row(scope, p.target.space, p.key);
        current.set(`${p.target.space}\u0000${p.key}`, row);
        if (p.conditions && !groupHolds(row ? (JSON.parse(row.value) as unknown) : undefined, p.conditions)) {
          throw new KvsError(
            409,
            KvsCode.CONDITIONAL_CHECK_FAILED,
            `The transaction's ${p.op} of key '${p.key}'${p.target.schema ? ` (entity '${p.target.schema.name}')` : ''} did not meet its conditions; nothing was written.`,
          );
        }
      }
      for (const w of writes) this.write(scope, w.target.space, w.key, w.json, w.expireAt, current.get(`${w.target.space}\u0000${w.key}`));
      for (const r of removals) this.remove(scope, r.target.space, r.key);
    });
  }

  batchGet(scope: string, items: BatchItem[]): BatchAnswer {
    checkBatch(items, 0);
    const successfulKeys: (Item & { entityName?: string })[] = [];
    const failedKeys: BatchAnswer['failedKeys'] = [];
    for (const item of items) {
      try {
        const { space } = this.space(item.entityName);
        successfulKeys.push({ ...this.get(scope, space, item.key, item.options?.metadataFields), ...(item.entityName ? { entityName: item.entityName } : {}) });
      } catch (e) {
        failedKeys.push(failure(item, e));
      }
    }
    return { successfulKeys, failedKeys };
  }

  /** Each item succeeds or fails on its own (not atomic), as Forge's batch operations do. */
  batchSet(scope: string, items: BatchItem[], requestBytes: number): BatchAnswer {
    checkBatch(items, requestBytes);
    return runBatch(items, (item) => void this.set(scope, this.space(item.entityName), item.key, item.value, item.options?.ttl ? { ttl: item.options.ttl } : {}));
  }

  batchDelete(scope: string, items: BatchItem[]): BatchAnswer {
    checkBatch(items, 0);
    return runBatch(items, (item) => this.delete(scope, this.space(item.entityName).space, item.key));
  }
}
