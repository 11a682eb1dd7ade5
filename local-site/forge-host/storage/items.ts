/** Stored items as the storage API answers them: metadata, time to live, and the cursor of a page. */
import { badRequest, KvsCode, KvsError } from './errors';

export type Space = 'kvs' | 'secret' | `entity:${string}`;
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

export interface Row {
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

export function itemOf(row: Row, fields: readonly MetadataField[] = ALL_METADATA): Item {
  return {
    key: row.key,
    value: JSON.parse(row.value) as unknown,
    ...(fields.includes('CREATED_AT') ? { createdAt: row.created_at } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: row.updated_at } : {}),
    ...(fields.includes('EXPIRE_TIME') && row.expire_at !== null ? { expireTime: new Date(row.expire_at).toISOString() } : {}),
  };
}

export function expiryOf(ttl: Ttl | undefined, now: number): number | null {
  if (ttl === undefined) return null;
  if (typeof ttl !== 'object' || !(ttl.unit in TTL_MS) || typeof ttl.value !== 'number' || !(ttl.value > 0)) {
    throw badRequest(KvsCode.INVALID_REQUEST, `ttl must be { value: <positive number>, unit: SECONDS|MINUTES|HOURS|DAYS }; got ${JSON.stringify(ttl)}.`);
  }
  return now + ttl.value * TTL_MS[ttl.unit];
}

export const notFound = (key: string): KvsError => new KvsError(404, KvsCode.KEY_NOT_FOUND, `Provided key does not exist: '${key}'`);

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: unknown, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the refusal
  }
  throw badRequest(KvsCode.INVALID_REQUEST, 'The cursor is not one this query returned.');
}
