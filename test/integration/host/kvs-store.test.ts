import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEntities, type EntitySchema } from '../../../local-site/forge-host/storage/entities';
import { KvsError } from '../../../local-site/forge-host/storage/errors';
import { KvsStore } from '../../../local-site/forge-host/storage/store';

// The SQLite store under the storage API, driven directly where the client cannot reach: a clock for
// time-to-live, thousands of records, a manifest that changes between starts.

const SCOPE = 'app/installation';
const handoffs = (indexes: unknown[]): EntitySchema[] =>
  parseEntities({ storage: { entities: [{ name: 'handoff', attributes: { project: { type: 'string' }, versionId: { type: 'string' }, revision: { type: 'integer' } }, indexes }] } });
const BY_PROJECT = { name: 'by-project', partition: ['project'], range: ['versionId'] };

describe('Forge host storage: the SQLite store', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-kvs-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a value set with a ttl reads as absent once it expires, and reports its expiry time', () => {
    let now = Date.UTC(2026, 10, 27, 12, 0, 0);
    const store = new KvsStore(dataDir, [], () => now);
    try {
      store.set(SCOPE, { space: 'kvs' }, 'session', 'abc', { ttl: { value: 2, unit: 'MINUTES' } });
      expect(store.get(SCOPE, 'kvs', 'session')).toMatchObject({ value: 'abc', expireTime: '2026-11-27T12:02:00.000Z' });
      now += 2 * 60_000;
      expect(() => store.get(SCOPE, 'kvs', 'session')).toThrow(expect.objectContaining({ status: 404, code: 'KEY_NOT_FOUND' }));
      expect(store.query(SCOPE, { where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['sess'] }] }).data).toEqual([]);
      expect(() => store.set(SCOPE, { space: 'kvs' }, 'bad-ttl', 1, { ttl: { value: -1, unit: 'DAYS' } })).toThrow(KvsError);
    } finally {
      store.close();
    }
  });

  test('storage is per installation: another scope sees none of it', () => {
    const store = new KvsStore(dataDir, handoffs([BY_PROJECT]));
    try {
      store.set(SCOPE, store.space('handoff'), 'h-1', { project: 'SHOP', versionId: '10001', revision: 1 });
      expect(() => store.get('other-app/installation', 'entity:handoff', 'h-1')).toThrow(expect.objectContaining({ code: 'KEY_NOT_FOUND' }));
      expect(store.queryEntity('other-app/installation', { entityName: 'handoff', indexName: 'by-project', partition: ['SHOP'] }).data).toEqual([]);
    } finally {
      store.close();
    }
  });

  test('5,000 records of one project page through an index exactly once each, in order', () => {
    const store = new KvsStore(dataDir, handoffs([BY_PROJECT]));
    try {
      const target = store.space('handoff');
      for (let i = 0; i < 5000; i++) store.set(SCOPE, target, `h-${i}`, { project: i % 10 === 9 ? 'OPS' : 'SHOP', versionId: String(100000 + i), revision: 1 });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = store.queryEntity(SCOPE, { entityName: 'handoff', indexName: 'by-project', partition: ['SHOP'], limit: 100, ...(cursor ? { cursor } : {}) });
        seen.push(...page.data.map((d) => (d.value as { versionId: string }).versionId));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toHaveLength(4500);
      expect(new Set(seen).size).toBe(4500);
      expect([...seen].sort()).toEqual(seen);
    } finally {
      store.close();
    }
  });

  test('an index added to the manifest later covers records stored before it', () => {
    const before = new KvsStore(dataDir, handoffs([BY_PROJECT]));
    before.set(SCOPE, before.space('handoff'), 'h-1', { project: 'SHOP', versionId: '10001', revision: 3 });
    before.close();
    const after = new KvsStore(dataDir, handoffs([{ name: 'by-revision', partition: ['project'], range: ['revision'] }]));
    try {
      const found = after.queryEntity(SCOPE, { entityName: 'handoff', indexName: 'by-revision', partition: ['SHOP'], range: { condition: 'GREATER_THAN', values: [2] } });
      expect(found.data.map((d) => d.key)).toEqual(['h-1']);
      expect(() => after.queryEntity(SCOPE, { entityName: 'handoff', indexName: 'by-project', partition: ['SHOP'] })).toThrow(expect.objectContaining({ code: 'INVALID_ENTITY_INDEX' }));
    } finally {
      after.close();
    }
  });

  test('a manifest index over an undeclared attribute is refused at start, naming it', () => {
    expect(() => handoffs([{ name: 'by-owner', range: ['owner'] }])).toThrow("entity 'handoff' index 'by-owner' uses attribute 'owner'");
  });
});
