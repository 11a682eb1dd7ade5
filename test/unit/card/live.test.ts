import { isLiveRelease, LIVE_DAYS, newestFirst, releasedRecently, rolloutInProgress } from '#domain/card/live';
import { parseRequestRelease } from '#domain/card/request-release';

const TODAY = '2026-11-27';

describe('live releases', () => {
  test('a rollout in progress is live whatever the release says; not started and 100% are not in progress', () => {
    expect(['1', '5', '25', '50'].every((s) => rolloutInProgress(s as '1'))).toBe(true);
    expect(rolloutInProgress('not-started')).toBe(false);
    expect(rolloutInProgress('100')).toBe(false);
    expect(isLiveRelease({ released: false, releaseDate: null, stage: '5' }, TODAY)).toBe(true);
    expect(isLiveRelease({ released: true, releaseDate: '2025-01-01', stage: '25' }, TODAY)).toBe(true);
  });

  test(`released from ${LIVE_DAYS} days ago up to today is live; earlier, unreleased or undated is not`, () => {
    expect(releasedRecently({ released: true, releaseDate: '2026-10-28' }, TODAY)).toBe(true);
    expect(releasedRecently({ released: true, releaseDate: TODAY }, TODAY)).toBe(true);
    expect(releasedRecently({ released: true, releaseDate: '2026-10-27' }, TODAY)).toBe(false);
    expect(releasedRecently({ released: false, releaseDate: '2026-11-20' }, TODAY)).toBe(false);
    expect(releasedRecently({ released: true, releaseDate: null }, TODAY)).toBe(false);
    expect(releasedRecently({ released: true, releaseDate: '2026-12-01' }, TODAY)).toBe(false);
    expect(isLiveRelease({ released: true, releaseDate: '2026-10-01', stage: '100' }, TODAY)).toBe(false);
  });

  test('newest first: later date, undated last, then the higher version id', () => {
    const list = [
      { releaseDate: null, versionId: '10009' },
      { releaseDate: '2026-11-01', versionId: '10001' },
      { releaseDate: '2026-11-20', versionId: '10002' },
      { releaseDate: '2026-11-20', versionId: '10005' },
    ];
    expect([...list].sort(newestFirst).map((r) => r.versionId)).toEqual(['10005', '10002', '10001', '10009']);
  });
});

describe('the request-release property', () => {
  test('a well-formed value is read; anything else is no link', () => {
    const value = { versionId: '10003', projectId: '10000', stage: '5', linkedAt: '2026-11-27T10:00:00Z' };
    expect(parseRequestRelease(value)).toEqual(value);
    expect(parseRequestRelease(null)).toBeNull();
    expect(parseRequestRelease({ ...value, versionId: '../10003' })).toBeNull();
    expect(parseRequestRelease({ ...value, stage: '7' })).toBeNull();
    expect(parseRequestRelease('10003')).toBeNull();
  });
});
