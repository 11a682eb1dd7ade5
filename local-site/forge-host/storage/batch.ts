/** Batch get/set/delete: the limits a whole batch must meet, then each item on its own (not atomic), as on Forge. */
import { badRequest, KvsCode, KvsError } from './errors';
import type { Item, MetadataField, SetOptions } from './items';
import { MAX_BATCH_KEYS, MAX_TRANSACTION_BYTES } from './limits';

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
 * A batch fails entirely when it is empty, names a key (of the same entity) twice, has more than 25 keys
 * or a payload over 4 MB (https://developer.atlassian.com/platform/forge/storage-reference/batchops-entities,
 * "Limitations" and "Error handling"); otherwise each item succeeds or fails on its own.
 */
export function checkBatch(items: BatchItem[], requestBytes: number): void {
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

export function failure(item: BatchItem, e: unknown): BatchAnswer['failedKeys'][number] {
  const error = e instanceof KvsError ? { code: e.code, message: e.message } : { code: 'INTERNAL_SERVER_ERROR', message: e instanceof Error ? e.message : String(e) };
  return { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}), error };
}

/** Runs `each` per item: the item's success or its failure, never the whole batch's. */
export function runBatch(items: BatchItem[], each: (item: BatchItem) => void): BatchAnswer {
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
