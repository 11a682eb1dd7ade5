import { badRequest, KvsCode } from './errors';

/*
 * Forge's documented limits for the Key-Value Store and the Custom Entity Store, enforced by the local host
 * so that code that works here does not fail on Forge:
 * - https://developer.atlassian.com/platform/forge/limits-kvs-ce ("Key and object size limits"): key length
 *   500, key format /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/, value size 240 KiB, object depth 31.
 * - https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs and
 *   .../handling-errors-customentities: the error codes; the latter says depth 32, the limits page 31:
 *   the stricter one is enforced.
 * - https://developer.atlassian.com/platform/forge/storage-reference/transactions: at most 25 operations,
 *   4 MB payload, each key once per transaction.
 * - https://developer.atlassian.com/platform/forge/storage-reference/batchops-entities: at most 25 keys per
 *   batch operation, 4 MB payload, each key once.
 * - Custom entity names: 3–60 characters (ENTITY_TYPE_TOO_SHORT / ENTITY_TYPE_TOO_LARGE) and the manifest
 *   schema's pattern (node_modules/@forge/manifest/out/schema/manifest-schema.json, AppSchema.storage.entities).
 * - Query pages: 1–100 items (COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE).
 */
export const MAX_KEY_LENGTH = 500;
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_OBJECT_DEPTH = 31;
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
export const MAX_BATCH_KEYS = 25;
export const MIN_ENTITY_NAME = 3;
export const MAX_ENTITY_NAME = 60;
export const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
export const MAX_PAGE = 100;
/** Forge's page size when a query names no limit (the legacy storage API's documented default). */
export const DEFAULT_PAGE = 10;

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw badRequest(KvsCode.KEY_TOO_SHORT, 'The provided key needs to be at least one character.');
  if (key.length > MAX_KEY_LENGTH) throw badRequest(KvsCode.KEY_TOO_LONG, `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters (it has ${key.length}).`);
  if (!KEY_PATTERN.test(key)) throw badRequest(KvsCode.INVALID_KEY, `The provided key '${key.slice(0, 80)}' does not match the regex: ${KEY_PATTERN.source}`);
  return key;
}

export function checkEntityName(name: unknown): string {
  if (typeof name !== 'string' || name.length < MIN_ENTITY_NAME) throw badRequest(KvsCode.ENTITY_TYPE_TOO_SHORT, `The entity name needs at least ${MIN_ENTITY_NAME} characters.`);
  if (name.length > MAX_ENTITY_NAME) throw badRequest(KvsCode.ENTITY_TYPE_TOO_LARGE, `The entity name has exceeded the maximum ${MAX_ENTITY_NAME} characters.`);
  if (!ENTITY_NAME_PATTERN.test(name)) throw badRequest(KvsCode.INVALID_ENTITY_TYPE, `The entity name '${name}' does not match the regex: ${ENTITY_NAME_PATTERN.source}`);
  return name;
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Checks a value to be stored and answers its JSON text, the form it is persisted in. */
export function checkValue(key: string, value: unknown): string {
  if (value === undefined) throw badRequest(KvsCode.INVALID_REQUEST, `No value given for key '${key}'.`);
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_VALUE_BYTES) throw badRequest(KvsCode.MAX_SIZE, `The value of key '${key}' is ${bytes} bytes; the maximum size is ${MAX_VALUE_BYTES} bytes (240 KiB).`);
  const depth = depthOf(value);
  if (depth > MAX_OBJECT_DEPTH) throw badRequest(KvsCode.MAX_DEPTH, `The value of key '${key}' is nested ${depth} levels deep; the maximum object depth is ${MAX_OBJECT_DEPTH}.`);
  return json;
}

export function checkLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_PAGE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw badRequest(KvsCode.COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, `The page limit must be set between 1 and ${MAX_PAGE} (got ${JSON.stringify(limit)}).`);
  }
  return limit;
}
