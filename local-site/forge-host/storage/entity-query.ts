/**
 * entity(...).query().index(...) as one ordered SQL scan: items that have every partition and range attribute
 * of the index, with the partition values given, ordered by the range attributes then the key. `where`
 * applies to the first range attribute; `filters` to any attribute, after the index (a page holds up to
 * `limit` items that pass them).
 */
import type Database from 'better-sqlite3';
import { checkClause, checkGroup, groupHolds, RANGE_CONDITIONS, type Clause } from './conditions';
import type { EntityIndex, EntitySchema } from './entities';
import { badRequest, KvsCode } from './errors';
import { decodeCursor, encodeCursor, itemOf, type Item, type MetadataField, type Page, type Row } from './items';
import { checkLimit } from './limits';

/** Attribute names are `^[a-zA-Z][a-zA-Z0-9_]*$` (manifest schema), so they are safe inside the JSON path. */
export const attrExpr = (attr: string): string => `json_extract(value, '$.${attr}')`;
/** Entity names match the manifest's pattern (no quotes); written literally so SQLite can use the partial index. */
export const spaceLiteral = (entityName: string): string => `'entity:${entityName.replace(/'/g, "''")}'`;

/** SQLite values from JSON ones: json_extract answers booleans as 1/0, so compare against those. */
const sqlValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

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

export function queryEntityRows(db: Database.Database, scope: string, now: number, schema: EntitySchema, index: EntityIndex, q: EntityQuery): Page {
  const limit = checkLimit(q.limit);
  const partition = q.partition ?? [];
  if (!Array.isArray(partition) || partition.length !== index.partition.length) {
    throw badRequest(
      KvsCode.INVALID_REQUEST,
      `Index '${index.name}' of entity '${schema.name}' is partitioned by [${index.partition.join(', ')}]; the query gave partition ${JSON.stringify(q.partition ?? [])}.`,
    );
  }
  const filters = q.filters === undefined ? undefined : checkGroup(q.filters);
  const desc = q.sort === 'DESC';
  const path = attrExpr;
  const present = (attr: string) => `${path(attr)} IS NOT NULL`;

  const where: string[] = ['scope = ?', `space = ${spaceLiteral(schema.name)}`, '(expire_at IS NULL OR expire_at > ?)'];
  const params: unknown[] = [scope, now];
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
  for (const row of db.prepare<unknown[], Row & Record<string, unknown>>(sql).iterate(...params)) {
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
