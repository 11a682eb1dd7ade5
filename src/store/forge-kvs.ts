/**
 * The record store on Forge's Custom Entity Store (@forge/kvs, scope storage:app). One call per method:
 * `getMany` is a batch get, `commit` one transaction whose puts carry their compare-and-set condition on
 * the `revision` attribute, `query` one page of an index.
 */
import { FilterConditions, ForgeKvsAPIError, kvs, Filter, Sort } from '@forge/kvs';
import { CommitRefused, type QueryPage, type RecordDelete, type RecordPut, type RecordQuery, type RecordRef, type RecordStore, type ValueStore } from './port';

/**
 * Forge answers a transaction whose condition failed with a 4xx naming it; any other failure is passed on.
 * A malformed transaction (INVALID_TRANSACTION: too many operations, a key twice) is a bug, not a lost race,
 * so it must never read as a conflict that the caller would resolve by asking the person.
 */
function refusedCondition(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails.status;
  if (/^INVALID/i.test(error.code)) return false;
  return status === 409 || (status >= 400 && status < 500 && status !== 429 && /CONDITION|CONFLICT/i.test(error.code));
}

type Conditions = Filter<{ revision: number }>;

/** `revision` equal to the expected one; for 0 (nothing stored yet), `revision` must not exist. */
function revisionIs(revision: number): Conditions {
  return new Filter<{ revision: number }>().and('revision', revision === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(revision)) as unknown as Conditions;
}

export function forgeRecordStore(): RecordStore {
  return {
    async getMany(refs: readonly RecordRef[]) {
      if (refs.length === 0) return [];
      const answer = await kvs.batchGet<unknown>(refs.map((r) => ({ key: r.key, entityName: r.entity })));
      const found = new Map(answer.successfulKeys.map((item) => [`${item.entityName ?? ''}\u0000${item.key}`, item.value]));
      const failed = answer.failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND' && f.error.code !== 'NOT_FOUND');
      if (failed.length > 0) throw new Error(`Forge storage could not read ${failed.map((f) => `${f.entityName}/${f.key}: ${f.error.code}`).join(', ')}`);
      return refs.map((r) => found.get(`${r.entity}\u0000${r.key}`));
    },

    async commit(puts: readonly RecordPut[], deletes: readonly RecordDelete[] = []) {
      const transaction = kvs.transact();
      for (const put of puts) {
        transaction.set(put.key, put.value, {
          entityName: put.entity,
          ...(put.ifRevision === undefined ? {} : { conditions: revisionIs(put.ifRevision) }),
        });
      }
      for (const del of deletes) {
        transaction.delete(del.key, { entityName: del.entity, ...(del.ifRevision === undefined ? {} : { conditions: revisionIs(del.ifRevision) }) });
      }
      try {
        await transaction.execute();
      } catch (error) {
        if (refusedCondition(error)) throw new CommitRefused((error as Error).message);
        throw error;
      }
    },

    async query<T>(q: RecordQuery): Promise<QueryPage<T>> {
      let builder = kvs
        .entity<T>(q.entity)
        .query()
        .index(q.index, { partition: q.partition })
        .sort(q.sort === 'DESC' ? Sort.DESC : Sort.ASC)
        .limit(q.limit);
      if (q.cursor) builder = builder.cursor(q.cursor);
      const page = await builder.getMany();
      return { items: page.results.map((r) => ({ key: r.key, value: r.value })), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
    },
  };
}

/** Plain key-value storage (`kvs.get`/`kvs.set`), one call each. */
export function forgeValueStore(): ValueStore {
  return {
    get: <T>(key: string) => kvs.get<T>(key),
    set: (key: string, value: unknown) => kvs.set(key, value),
  };
}
