import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { roundsOf } from '../../../local-site/jira';
import { startLocalSite } from '../../../local-site/site';
import { personOf, startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');

interface FixtureRecord {
  project: string;
  revision: number;
  title?: string;
  score?: number;
  ready?: boolean;
  data?: unknown;
}
const records = () => kvs.entity<FixtureRecord>('fixture-record');

/** The error @forge/kvs itself raised, for its code and HTTP status. */
async function kvsError(work: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await work;
  } catch (e) {
    if (e instanceof ForgeKvsAPIError) return { code: e.code, status: e.responseDetails.status, message: e.message };
    throw e;
  }
  throw new Error('expected the storage call to fail');
}

describe('Forge host: the storage API @forge/kvs 1.6.5 calls', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());
  const app = <T>(work: () => Promise<T>) => site.host.runAsApp(work);

  test('values round-trip by key; a missing key reads as undefined and deleting it is no error', async () => {
    const values: unknown[] = ['text', 42, 1.5, true, ['a', 1], { nested: { list: [1, 2], flag: false } }];
    await app(async () => {
      for (const [i, value] of values.entries()) await kvs.set(`round:${i}`, value);
      for (const [i, value] of values.entries()) expect(await kvs.get(`round:${i}`)).toEqual(value);
      expect(await kvs.get('round:missing')).toBeUndefined();
      await kvs.delete('round:0');
      expect(await kvs.get('round:0')).toBeUndefined();
      await expect(kvs.delete('round:0')).resolves.toBeUndefined();
    });
  });

  test('a resolver handler stores and reads through @forge/kvs inside a real invocation', async () => {
    const priya = personOf(site, 'po');
    const result = await site.host.invoke<{ stored: unknown }>(priya.accountId, 'kvsRoundTrip', { key: 'from-resolver', value: { a: 1 } }, { projectKey: 'SHOP' });
    expect(result).toEqual({ stored: { a: 1 } });
    expect(await app(() => kvs.get('from-resolver'))).toEqual({ a: 1 });
  });

  test('metadata, keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS/LATEST', async () => {
    await app(async () => {
      await kvs.set('meta:a', 'one');
      const withMeta = await kvs.get<string>('meta:a', { metadataFields: ['CREATED_AT', 'UPDATED_AT'] as never });
      expect(withMeta).toMatchObject({ key: 'meta:a', value: 'one' });
      expect(typeof withMeta?.createdAt).toBe('number');
      expect(withMeta?.updatedAt).toBeGreaterThanOrEqual(withMeta?.createdAt ?? Infinity);

      const refused = await kvsError(kvs.set('meta:a', 'two', { keyPolicy: 'FAIL_IF_EXISTS' }));
      expect(refused).toMatchObject({ status: 409, code: 'KEY_ALREADY_EXISTS' });
      expect(await kvs.get('meta:a')).toBe('one');

      const previous = await kvs.set('meta:a', 'two', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(previous).toEqual({ key: 'meta:a', value: 'one' });
      const latest = await kvs.set('meta:a', 'three', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
      expect(latest).toEqual({ key: 'meta:a', value: 'three' });
    });
  });

  test('query pages through keys by cursor, in key order, with a key prefix', async () => {
    await app(async () => {
      const keys = Array.from({ length: 25 }, (_, i) => `page:${String(i).padStart(2, '0')}`);
      for (const key of [...keys].reverse()) await kvs.set(key, key.length);
      await kvs.set('pagf:outside', 1);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const q = kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(10);
        const page = await (cursor ? q.cursor(cursor) : q).getMany<number>();
        seen.push(...page.results.map((r) => r.key));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual(keys);
      expect(pages).toBe(3);
      expect((await kvs.query().where('key', WhereConditions.beginsWith('page:1')).getOne())?.key).toBe('page:10');
    });
  });

  test('secrets are kept apart from plain keys and cannot be queried', async () => {
    await app(async () => {
      await kvs.setSecret('token', 's3cret');
      expect(await kvs.getSecret('token')).toBe('s3cret');
      expect(await kvs.get('token')).toBeUndefined();
      const listed = await kvs.query().where('key', WhereConditions.beginsWith('token')).getMany();
      expect(listed.results).toEqual([]);
      await kvs.deleteSecret('token');
      expect(await kvs.getSecret('token')).toBeUndefined();
    });
  });

  test('entities round-trip; values are checked against the manifest attributes', async () => {
    await app(async () => {
      await records().set('rec-1', { project: 'SHOP', revision: 1, title: 'First', ready: false, data: { any: ['thing'] } });
      expect(await records().get('rec-1')).toEqual({ project: 'SHOP', revision: 1, title: 'First', ready: false, data: { any: ['thing'] } });
      expect(await records().get('rec-missing')).toBeUndefined();
      // Entities and plain keys are separate spaces.
      expect(await kvs.get('rec-1')).toBeUndefined();

      expect(await kvsError(records().set('rec-2', { project: 'SHOP', revision: 1.5 }))).toMatchObject({ status: 400, code: 'INVALID_ENTITY_VALUE' });
      expect(await kvsError(records().set('rec-2', { project: 'SHOP', revision: 1, colour: 'red' } as never))).toMatchObject({ code: 'INVALID_ENTITY_VALUE' });
      expect(await kvsError(kvs.entity('undeclared-thing').set('x', {}))).toMatchObject({ status: 400, code: 'INVALID_ENTITY_TYPE' });
      expect(await kvsError(records().query().index('by-nothing').getMany())).toMatchObject({ status: 400, code: 'INVALID_ENTITY_INDEX' });

      await records().delete('rec-1');
      expect(await records().get('rec-1')).toBeUndefined();
    });
  });

  test('index queries: partition, range conditions, sort, filters and cursor paging', async () => {
    await app(async () => {
      for (let revision = 1; revision <= 9; revision++) {
        await records().set(`shop-${revision}`, { project: 'SHOP', revision, title: `Shop ${revision}`, score: revision / 2, ready: revision % 2 === 0 });
        await records().set(`ops-${revision}`, { project: 'OPS', revision, title: `Ops ${revision}` });
      }
      // Not in the by-project index: it lacks the range attribute.
      await records().set('shop-norev', { project: 'SHOP', title: 'No revision' } as FixtureRecord);

      const revisions = (r: { results: { value: FixtureRecord }[] }) => r.results.map((x) => x.value.revision);
      const byProject = (project: string) =>
        records()
          .query()
          .index('by-project', { partition: [project] });

      expect(revisions(await byProject('SHOP').limit(100).getMany())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(revisions(await byProject('SHOP').where(WhereConditions.between(3, 6)).getMany())).toEqual([3, 4, 5, 6]);
      expect(revisions(await byProject('SHOP').where(WhereConditions.greaterThan(7)).sort(Sort.DESC).getMany())).toEqual([9, 8]);
      expect(revisions(await byProject('OPS').where(WhereConditions.lessThanEqualTo(2)).getMany())).toEqual([1, 2]);
      expect(revisions(await byProject('SHOP').where(WhereConditions.equalTo(4)).getMany())).toEqual([4]);

      const readyAndHigh = new Filter<FixtureRecord>().and('ready', FilterConditions.equalTo(true)).and('score', FilterConditions.greaterThan(2));
      expect(revisions(await byProject('SHOP').filters(readyAndHigh).getMany())).toEqual([6, 8]);
      const lowOrNine = new Filter<FixtureRecord>().or('revision', FilterConditions.lessThan(2)).or('title', FilterConditions.contains('9'));
      expect(revisions(await byProject('SHOP').filters(lowOrNine).getMany())).toEqual([1, 9]);

      // Paging by cursor, descending, with a filter: every match once, in order.
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const q = byProject('SHOP')
          .sort(Sort.DESC)
          .filters(new Filter<FixtureRecord>().and('ready', FilterConditions.equalTo(false)))
          .limit(2);
        const page = await (cursor ? q.cursor(cursor) : q).getMany();
        seen.push(...revisions(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([9, 7, 5, 3, 1]);

      // An index named by attribute: range over title, no partition.
      const titles = await records().query().index('title').where(WhereConditions.beginsWith('Ops ')).limit(3).getMany();
      expect(titles.results.map((r) => r.key)).toEqual(['ops-1', 'ops-2', 'ops-3']);
      expect(titles.nextCursor).toEqual(expect.any(String));

      expect(await kvsError(records().query().index('by-project').getMany())).toMatchObject({ status: 400 });
      expect(await kvsError(byProject('SHOP').limit(101).getMany())).toMatchObject({ code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' });
    });
  });

  test('a transaction writes all of its operations or, when a condition fails, none', async () => {
    await app(async () => {
      await records().set('tx-a', { project: 'TX', revision: 1 });
      await kvs.set('tx-plain', 'before');
      await kvs
        .transact()
        .set<FixtureRecord>('tx-a', { project: 'TX', revision: 2 }, { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.equalTo(1)) })
        .set('tx-plain', 'after')
        .set<FixtureRecord>('tx-new', { project: 'TX', revision: 1 }, { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.notExists()) })
        .execute();
      expect(await records().get('tx-a')).toEqual({ project: 'TX', revision: 2 });
      expect(await kvs.get('tx-plain')).toBe('after');
      expect(await records().get('tx-new')).toEqual({ project: 'TX', revision: 1 });

      // Stale base revision: the client's own error, and neither write happened.
      const stale = await kvsError(
        kvs
          .transact()
          .set('tx-plain', 'lost')
          .set<FixtureRecord>('tx-a', { project: 'TX', revision: 3 }, { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.equalTo(1)) })
          .execute(),
      );
      expect(stale).toMatchObject({ status: 409, code: 'CONDITIONAL_CHECK_FAILED' });
      expect(stale.message).toContain("'tx-a'");
      expect(await records().get('tx-a')).toEqual({ project: 'TX', revision: 2 });
      expect(await kvs.get('tx-plain')).toBe('after');

      // A check guards writes elsewhere; a conditional delete of a changed record is refused too.
      const checked = await kvsError(
        kvs
          .transact()
          .check('tx-new', { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.greaterThan(5)) })
          .delete('tx-plain')
          .execute(),
      );
      expect(checked.code).toBe('CONDITIONAL_CHECK_FAILED');
      expect(await kvs.get('tx-plain')).toBe('after');
      await kvs
        .transact()
        .check('tx-new', { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.equalTo(1)) })
        .delete('tx-a', { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.equalTo(2)) })
        .delete('tx-plain')
        .execute();
      expect(await records().get('tx-a')).toBeUndefined();
      expect(await kvs.get('tx-plain')).toBeUndefined();
    });
  });

  test('two concurrent conditional transactions on the same record: exactly one wins', async () => {
    await app(() => records().set('race', { project: 'RACE', revision: 1, title: 'base' }));
    const writers = ['po', 'cs-lead', 'cs-agent', 'release-manager', 'outsider'];
    const outcomes = await Promise.all(
      writers.map((who) =>
        app(async () => {
          // Every writer read revision 1 and commits revision 2 if it is still 1.
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          try {
            await kvs
              .transact()
              .set<FixtureRecord>(
                'race',
                { project: 'RACE', revision: 2, title: who },
                { entityName: 'fixture-record', conditions: new Filter<FixtureRecord>().and('revision', FilterConditions.equalTo(1)) },
              )
              .execute();
            return 'won';
          } catch (e) {
            if (e instanceof ForgeKvsAPIError && e.code === 'CONDITIONAL_CHECK_FAILED') return 'conflict';
            throw e;
          }
        }),
      ),
    );
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(writers.length - 1);
    const stored = await app(() => records().get('race'));
    expect(stored?.revision).toBe(2);
    expect(stored?.title).toBe(writers[outcomes.indexOf('won')]);
  });

  test("Forge's key, value and transaction limits are refused with Forge's codes", async () => {
    await app(async () => {
      expect(await kvsError(kvs.set('bad/key', 1))).toMatchObject({ status: 400, code: 'INVALID_KEY' });
      expect(await kvsError(kvs.set('   ', 1))).toMatchObject({ code: 'INVALID_KEY' });
      expect(await kvsError(kvs.set('', 1))).toMatchObject({ code: 'KEY_TOO_SHORT' });
      expect(await kvsError(kvs.set('k'.repeat(501), 1))).toMatchObject({ code: 'KEY_TOO_LONG' });
      await kvs.set('k'.repeat(500), 1);
      expect(await kvsError(kvs.set('big', 'x'.repeat(240 * 1024)))).toMatchObject({ code: 'MAX_SIZE' });
      await kvs.set('big', 'x'.repeat(240 * 1024 - 2)); // the JSON string's quotes count
      let deep: unknown = 1;
      for (let i = 0; i < 32; i++) deep = { d: deep };
      expect(await kvsError(kvs.set('deep', deep))).toMatchObject({ code: 'MAX_DEPTH' });
      expect(await kvsError(kvs.query().limit(0).getMany())).toMatchObject({ code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' });

      const tooMany = kvs.transact();
      for (let i = 0; i < 26; i++) tooMany.set(`many:${i}`, i);
      expect(await kvsError(tooMany.execute())).toMatchObject({ status: 400, code: 'INVALID_TRANSACTION' });
      expect(await kvs.get('many:0')).toBeUndefined();
      expect(await kvsError(kvs.transact().set('twice', 1).delete('twice').execute())).toMatchObject({ code: 'INVALID_TRANSACTION' });
    });
  });

  test('batch get, set and delete answer per key', async () => {
    await app(async () => {
      const set = await kvs.batchSet<unknown>([
        { key: 'batch:1', value: 'one' },
        { key: 'batch-rec', value: { project: 'B', revision: 1 }, entityName: 'fixture-record' },
        { key: 'bad/key', value: 1 },
      ]);
      expect(set.successfulKeys).toEqual([{ key: 'batch:1' }, { key: 'batch-rec', entityName: 'fixture-record' }]);
      expect(set.failedKeys).toEqual([{ key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) }]);

      const got = await kvs.batchGet([{ key: 'batch:1' }, { key: 'batch-rec', entityName: 'fixture-record' }, { key: 'batch:none' }]);
      expect(got.successfulKeys).toEqual([
        expect.objectContaining({ key: 'batch:1', value: 'one' }),
        expect.objectContaining({ key: 'batch-rec', entityName: 'fixture-record', value: { project: 'B', revision: 1 } }),
      ]);
      expect(got.failedKeys).toEqual([{ key: 'batch:none', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);

      const deleted = await kvs.batchDelete([{ key: 'batch:1' }, { key: 'batch-rec', entityName: 'fixture-record' }]);
      expect(deleted.failedKeys).toEqual([]);
      expect(await kvs.get('batch:1')).toBeUndefined();

      // Whole-batch refusals: empty, a key twice, more than 25 keys; nothing of them is written.
      expect(await kvsError(kvs.batchSet([]))).toMatchObject({ status: 400 });
      expect(
        await kvsError(
          kvs.batchSet([
            { key: 'dup', value: 1 },
            { key: 'dup', value: 2 },
          ]),
        ),
      ).toMatchObject({ status: 400 });
      expect(await kvs.get('dup')).toBeUndefined();
      const many = Array.from({ length: 26 }, (_, i) => ({ key: `many-batch:${i}`, value: i }));
      expect(await kvsError(kvs.batchSet(many))).toMatchObject({ status: 400 });
      expect(await kvs.get('many-batch:0')).toBeUndefined();
      expect((await kvs.batchSet(many.slice(0, 25))).successfulKeys).toHaveLength(25);
    });
  });

  test('the storage log counts calls and rounds: parallel calls are one round, sequential ones are not', async () => {
    await app(() => kvs.set('log:there', 1));
    const before = site.host.storageLog.length;
    await app(async () => {
      await Promise.all([kvs.get('log:there'), kvs.get('log:absent'), records().get('rec-missing')]);
      await kvs.set('logged', 1);
      await kvs.get('logged');
    });
    const calls = site.host.storageLog.slice(before);
    expect(calls.map((c) => [c.path, c.status])).toEqual([
      ['/api/v1/get', 200],
      ['/api/v1/get', 404],
      ['/api/v1/entity/get', 404],
      ['/api/v1/set', 200],
      ['/api/v1/get', 200],
    ]);
    expect(roundsOf(calls)).toBe(3);
  });

  test('outside an invocation @forge/kvs has no storage, as on Forge', async () => {
    await expect(kvs.get('anything')).rejects.toThrow('A Forge API (@forge/kvs) was called outside a Forge invocation');
  });
});

describe('Forge host storage: persistence and scope', () => {
  test('stored data survives a restart of the local site', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-kvs-'));
    try {
      const first = await startLocalSite({ appDir: FIXTURE, dataDir, quiet: true, port: 0 });
      await first.host.runAsApp(async () => {
        await kvs.set('survives', { yes: true });
        await records().set('kept', { project: 'P', revision: 7 });
      });
      await first.close();
      const second = await startLocalSite({ appDir: FIXTURE, dataDir, quiet: true, port: 0 });
      try {
        const read = await second.host.runAsApp(async () => ({
          plain: await kvs.get('survives'),
          entity: (
            await records()
              .query()
              .index('by-project', { partition: ['P'] })
              .getMany()
          ).results,
        }));
        expect(read).toEqual({ plain: { yes: true }, entity: [{ key: 'kept', value: { project: 'P', revision: 7 } }] });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('an app without the storage:app scope is refused', async () => {
    const appDir = mkdtempSync(join(tmpdir(), 'cs-handoff-noscope-'));
    writeFileSync(join(appDir, 'manifest.yml'), 'app:\n  id: ari:cloud:ecosystem::app/00000000-1111-4222-8333-555555555555\npermissions:\n  scopes:\n    - read:jira-work\n');
    const site = await startTestSite({ appDir });
    try {
      const refused = await site.host.runAsApp(() => kvsError(kvs.set('k', 1)));
      expect(refused).toMatchObject({ status: 403, code: 'MISSING_SCOPE' });
      expect(refused.message).toContain('storage:app');
    } finally {
      await site.close();
      rmSync(appDir, { recursive: true, force: true });
    }
  });
});
