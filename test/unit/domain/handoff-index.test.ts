import { AppError } from '#domain/errors';
import { emptyIndex, indexEntry, parseIndex, withHandoff } from '#domain/handoff-index';
import { handoffPropertyKey, INDEX_PROPERTY_KEY } from '#domain/property-keys';
import { jsonBytes, PROPERTY_MAX_BYTES } from '#domain/storage-size';
import { storedHandoff } from './fixtures';

describe('the overview index', () => {
  it('round-trips what the overview shows', () => {
    const index = withHandoff(emptyIndex(), storedHandoff({ versionId: '10002', status: 'ready', readyAt: '2026-07-01T08:30:00.000Z', revision: 7, updatedAt: '2026-07-02T09:00:00.000Z' }));
    expect(indexEntry(index, '10002')).toEqual({ status: 'ready', readyAt: '2026-07-01T08:30:00.000Z', revision: 7, updatedAt: '2026-07-02T09:00:00.000Z', unsettledQuestions: null });
    expect(indexEntry(index, '10003')).toBeNull();
  });

  it('replaces an entry, keeps the others and does not mutate its input', () => {
    const one = withHandoff(emptyIndex(), storedHandoff({ versionId: '1' }));
    const two = withHandoff(one, storedHandoff({ versionId: '2' }));
    const three = withHandoff(two, storedHandoff({ versionId: '1', revision: 9 }));
    expect(Object.keys(one.versions)).toEqual(['1']);
    expect(Object.keys(three.versions).sort()).toEqual(['1', '2']);
    expect(indexEntry(three, '1')?.revision).toBe(9);
  });

  it('stays under the property limit with 700 versions of 10-digit ids', () => {
    let index = emptyIndex();
    for (let i = 0; i < 700; i++) {
      index = withHandoff(index, storedHandoff({ versionId: String(1_000_000_000 + i), status: 'ready', readyAt: '2026-07-01T08:30:00.000Z', revision: 999 }));
    }
    expect(jsonBytes(index)).toBeLessThan(PROPERTY_MAX_BYTES);
  });

  it('refuses with TOO_LARGE instead of writing an index Jira would reject', () => {
    const versions: Record<string, ['r', number, number, number]> = {};
    for (let i = 0; i < 1000; i++) versions[String(1_000_000_000 + i)] = ['r', 1_782_000_000, 999, 1_782_000_000];
    expect(() => withHandoff({ schemaVersion: 1, versions }, storedHandoff({ versionId: '42' }))).toThrow(AppError);
  });

  it('reads a missing or foreign value as empty', () => {
    expect(parseIndex(null)).toEqual(emptyIndex());
    expect(parseIndex({ something: 'else' })).toEqual(emptyIndex());
  });

  it('uses the documented property keys', () => {
    expect(handoffPropertyKey('10002')).toBe('cs-handoff.version.10002');
    expect(INDEX_PROPERTY_KEY).toBe('cs-handoff.index');
  });
});
