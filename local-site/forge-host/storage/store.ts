import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkGroup, checkClause, groupHolds, RANGE_CONDITIONS, type Clause } from './conditions';
import { checkEntityValue, type EntityIndex, type EntitySchema } from './entities';
import { badRequest, KvsCode, KvsError } from './errors';
import { checkEntityName, checkKey, checkLimit, checkValue, MAX_BATCH_KEYS, MAX_TRANSACTION_BYTES, MAX_TRANSACTION_OPERATIONS } from './limits';

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

export type Space = 'kvs' | 'secret' | `entity:${string}`;
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

interface Row {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

/** An item as the storage API answers it; metadata only when asked for. */
export interface Item {
  key: string;
  value: unknown;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

export interface Ttl {
  value: number;
  unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
}

export interface SetOptions {
  ttl?: Ttl;
  keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnMetadataFields?: MetadataField[];
}

export interface Page {
  data: Item[];
  cursor?: string;
}

const ALL_METADATA: MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];
const TTL_MS: Record<Ttl['unit'], number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

function itemOf(row: Row, fields: readonly MetadataField[] = ALL_METADATA): Item {
  return {
    key: row.key,
    value: JSON.parse(row.value) as unknown,
    ...(fields.includes('CREATED_AT') ? { createdAt: row.created_at } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: row.updated_at } : {}),
    ...(fields.includes('EXPIRE_TIME') && row.expire_at !== null ? { expireTime: new Date(row.expire_at).toISOString() } : {}),
  };
}

function expiryOf(ttl: Ttl | undefined, now: number): number | null {
  if (ttl === undefined) return null;
  if (typeof ttl !== 'object' || !(ttl.unit in TTL_MS) || typeof ttl.value !== 'number' || !(ttl.value > 0)) {
    throw badRequest(KvsCode.INVALID_REQUEST, `ttl must be { value: <positive number>, unit: SECONDS|MINUTES|HOURS|DAYS }; got ${JSON.stringify(ttl)}.`);
  }
  return now + ttl.value * TTL_MS[ttl.unit];
}

/** Attribute names are `^[a-zA-Z][a-zA-Z0-9_]*$` (manifest schema), so they are safe inside the JSON path. */
const attrExpr = (attr: string): string => `json_extract(value, '$.${attr}')`;
/** Entity names match the manifest's pattern (no quotes); written literally so SQLite can use the partial index. */
const spaceLiteral = (entityName: string): string => `'entity:${entityName.replace(/'/g, "''")}'`;

const notFound = (key: string): KvsError => new KvsError(404, KvsCode.KEY_NOT_FOUND, `Provided key does not exist: '${key}'`);

/** SQLite values from JSON ones: json_extract answers booleans as 1/0, so compare against those. */
const sqlValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the refusal
  }
  throw badRequest(KvsCode.INVALID_REQUEST, 'The cursor is not one this query returned.');
}

export interface EntityQuery {
  entityName: string;
  indexName: string;
  partition?: unknown[];
  range?: { condition: string; values: unknown[] };
  filters?: unknown;
  sort?: 'ASC' | 'DESC';
  cursor?: string;
  limit?: number;
  metadataFields?: MetadataField[];
}

export interface TransactionRequest {
  set?: { key: string; value: unknown; entityName?: string; conditions?: unknown; options?: SetOptions }[];
  delete?: { key: string; entityName?: string; conditions?: unknown }[];
  check?: { key: string; entityName?: string; conditions: unknown }[];
}

export interface BatchItem {
  key: string;
  entityName?: string;
  value?: unknown;
  options?: SetOptions & { metadataFields?: MetadataField[] };
}

export interface BatchAnswer {
  successfulKeys: (Item & { entityName?: string })[] | { key: string; entityName?: string }[];
  failedKeys: { key: string; entityName?: string; error: { code: string; message: string } }[];
}

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
        const name = `fs_ix_${createHash('sha256').update(`${columns.join(',')}|${where}`).digest('hex').slice(0, 16)}`;
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
      .prepare<[string, string, string, number], Row>('SELECT key, value, created_at, updated_at, expire_at FROM forge_storage WHERE scope = ? AND space = ? AND key = ? AND (expire_at IS NULL OR expire_at > ?)')
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
   * with the partition values given, ordered by the range attributes then the key. `where` applies to the
   * first range attribute; `filters` to any attribute, after the index (a page holds up to `limit` items
   * that pass them).
   */
  queryEntity(scope: string, q: EntityQuery): Page {
    const { schema } = this.space(q.entityName);
    if (!schema) throw badRequest(KvsCode.INVALID_REQUEST, 'An entity query needs an entityName.');
    const index = this.index(schema, q.indexName);
    const limit = checkLimit(q.limit);
    const partition = q.partition ?? [];
    if (!Array.isArray(partition) || partition.length !== index.partition.length) {
      throw badRequest(KvsCode.INVALID_REQUEST, `Index '${index.name}' of entity '${schema.name}' is partitioned by [${index.partition.join(', ')}]; the query gave partition ${JSON.stringify(q.partition ?? [])}.`);
    }
    const filters = q.filters === undefined ? undefined : checkGroup(q.filters);
    const desc = q.sort === 'DESC';
    const path = attrExpr;
    const present = (attr: string) => `${path(attr)} IS NOT NULL`;

    const where: string[] = ['scope = ?', `space = ${spaceLiteral(schema.name)}`, '(expire_at IS NULL OR expire_at > ?)'];
    const params: unknown[] = [scope, this.now()];
    for (const attr of [...index.partition, ...index.range]) where.push(present(attr));
    index.partition.forEach((attr, i) => {
      where.push(`${path(attr)} = ?`);
      params.push(sqlValue(partition[i]));
    });
    if (q.range) {
      const range = checkClause(q.range, false);
      if (!RANGE_CONDITIONS.has(range.condition)) throw badRequest(KvsCode.INVALID_REQUEST, `where() does not take ${range.condition}.`);
      const { sql, values } = rangeSql(path(index.range[0] as string), `json_type(value, '$.${index.range[0]}')`, range);
      where.push(sql);
      params.push(...values);
    }
    const sortCols = [...index.range.map(path), 'key'];
    if (q.cursor !== undefined) {
      const after = decodeCursor(q.cursor, sortCols.length);
      // The redundant bound on the first range attribute lets SQLite seek the index to the cursor;
      // the row-value comparison alone makes it walk every earlier row of the partition.
      where.push(`${sortCols[0]} ${desc ? '<=' : '>='} ?`, `(${sortCols.join(', ')}) ${desc ? '<' : '>'} (${sortCols.map(() => '?').join(', ')})`);
      params.push(after[0], ...after);
    }
    const rangeCols = index.range.map((attr, i) => `${path(attr)} AS r${i}`).join(', ');
    const sql = `SELECT key, value, created_at, updated_at, expire_at, ${rangeCols} FROM forge_storage WHERE ${where.join(' AND ')}
                 ORDER BY ${sortCols.map((c) => `${c} ${desc ? 'DESC' : 'ASC'}`).join(', ')}`;
    const fields = q.metadataFields ?? [];
    const data: Item[] = [];
    let last: unknown[] | undefined;
    let more = false;
    for (const row of this.db.prepare<unknown[], Row & Record<string, unknown>>(sql).iterate(...params)) {
      const value = JSON.parse(row.value) as unknown;
      if (filters && !groupHolds(value, filters)) continue;
      if (data.length === limit) {
        more = true;
        break;
      }
      data.push(itemOf(row, fields));
      last = [...index.range.map((_, i) => row[`r${i}`]), row.key];
    }
    return { data, ...(more && last ? { cursor: encodeCursor(last) } : {}) };
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
      if (seen.has(id)) throw badRequest(KvsCode.INVALID_TRANSACTION, `Key '${key}'${item.entityName ? ` of entity '${item.entityName}'` : ''} is used more than once in the transaction; each key can only be used once.`);
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
          throw new KvsError(409, KvsCode.CONDITIONAL_CHECK_FAILED, `The transaction's ${p.op} of key '${p.key}'${p.target.schema ? ` (entity '${p.target.schema.name}')` : ''} did not meet its conditions; nothing was written.`);
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
    return this.batch(items, (item) => void this.set(scope, this.space(item.entityName), item.key, item.value, item.options?.ttl ? { ttl: item.options.ttl } : {}));
  }

  batchDelete(scope: string, items: BatchItem[]): BatchAnswer {
    checkBatch(items, 0);
    return this.batch(items, (item) => this.delete(scope, this.space(item.entityName).space, item.key));
  }

  private batch(items: BatchItem[], each: (item: BatchItem) => void): BatchAnswer {
    const successfulKeys: { key: string; entityName?: string }[] = [];
    const failedKeys: BatchAnswer['failedKeys'] = [];
    for (const item of items) {
      try {
        each(item);
        successfulKeys.push({ key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) });
      } catch (e) {
        failedKeys.push(failure(item, e));
      }
    }
    return { successfulKeys, failedKeys };
  }
}

/**
 * A batch fails entirely when it is empty, names a key (of the same entity) twice, has more than 25 keys
 * or a payload over 4 MB (https://developer.atlassian.com/platform/forge/storage-reference/batchops-entities,
 * "Limitations" and "Error handling"); otherwise each item succeeds or fails on its own.
 */
function checkBatch(items: BatchItem[], requestBytes: number): void {
  if (items.length === 0) throw badRequest(KvsCode.INVALID_REQUEST, 'The batch contains no keys.');
  if (items.length > MAX_BATCH_KEYS) throw badRequest(KvsCode.INVALID_REQUEST, `The batch has ${items.length} keys; the maximum is ${MAX_BATCH_KEYS}.`);
  if (requestBytes > MAX_TRANSACTION_BYTES) throw badRequest(KvsCode.MAX_SIZE, `The batch is ${requestBytes} bytes; the maximum payload is ${MAX_TRANSACTION_BYTES} bytes (4 MB).`);
  const seen = new Set<string>();
  for (const item of items) {
    const id = `${item.entityName ?? ''}\u0000${item.key}`;
    if (seen.has(id)) throw badRequest(KvsCode.INVALID_REQUEST, `Key '${item.key}'${item.entityName ? ` of entity '${item.entityName}'` : ''} appears more than once in the batch.`);
    seen.add(id);
  }
}

function failure(item: BatchItem, e: unknown): BatchAnswer['failedKeys'][number] {
  const error = e instanceof KvsError ? { code: e.code, message: e.message } : { code: 'INTERNAL_SERVER_ERROR', message: e instanceof Error ? e.message : String(e) };
  return { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}), error };
}

/** SQL for a where() condition on the first range attribute; values of another JSON type never match. */
function rangeSql(expr: string, typeExpr: string, range: Clause): { sql: string; values: unknown[] } {
  const [a, b] = range.values.map(sqlValue);
  const typeGuard = (v: unknown) => (typeof v === 'string' ? `${typeExpr} = 'text'` : `${typeExpr} IN ('integer', 'real', 'true', 'false')`);
  switch (range.condition) {
    case 'BEGINS_WITH':
      return { sql: `(${typeExpr} = 'text' AND instr(${expr}, ?) = 1)`, values: [String(a)] };
    case 'BETWEEN':
      return { sql: `(${typeGuard(a)} AND ${expr} BETWEEN ? AND ?)`, values: [a, b] };
    case 'EQUAL_TO':
      return { sql: `${expr} = ?`, values: [a] };
    default: {
      const op = { GREATER_THAN: '>', GREATER_THAN_EQUAL_TO: '>=', LESS_THAN: '<', LESS_THAN_EQUAL_TO: '<=' }[range.condition];
      return { sql: `(${typeGuard(a)} AND ${expr} ${op} ?)`, values: [a] };
    }
  }
}
