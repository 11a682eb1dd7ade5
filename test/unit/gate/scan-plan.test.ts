import { emptyScanState, parseScanState, planRun, sortedIds, verifySlice, VERIFY_MIN, type ScanState } from '#domain/gate/scan-plan';

const projects = [{ id: '10' }, { id: '9' }, { id: '11' }, { id: '100' }];
const state = (after: string | null, running: ScanState['running'] = null): ScanState => ({ ...emptyScanState(), after, running });

describe('scan plan', () => {
  it('orders projects by id as numbers and starts after the cursor, wrapping', () => {
    expect(planRun(state(null), projects).order.map((p) => p.id)).toEqual(['9', '10', '11', '100']);
    expect(planRun(state('10'), projects).order.map((p) => p.id)).toEqual(['11', '100', '9', '10']);
    expect(planRun(state('100'), projects).order.map((p) => p.id)).toEqual(['9', '10', '11', '100']);
  });

  it('a cursor on a project deleted since goes on with the next one', () => {
    expect(planRun(state('50'), projects).order.map((p) => p.id)).toEqual(['100', '9', '10', '11']);
  });

  it('passes over the first project only when the previous run stored no progress before it ended', () => {
    expect(planRun(state('10', { startedAt: 'x', after: '10' }), projects).passOverFirst).toBe(true);
    expect(planRun(state('11', { startedAt: 'x', after: '10' }), projects).passOverFirst).toBe(false);
    expect(planRun(state('10'), projects).passOverFirst).toBe(false);
    expect(planRun(state(null, { startedAt: 'x', after: null }), [{ id: '1' }]).passOverFirst).toBe(false);
  });

  it('unreadable state starts from the first project', () => {
    expect(parseScanState({ after: 5 })).toEqual(emptyScanState());
    expect(parseScanState(undefined)).toEqual(emptyScanState());
  });

  it('verifies a slice of max(VERIFY_MIN, 1/7) from where the last one ended, wrapping', () => {
    const ids = sortedIds(Array.from({ length: 12 }, (_, i) => String(100 + i)));
    const first = verifySlice(ids, 0);
    expect(first.ids).toHaveLength(VERIFY_MIN);
    expect(first.ids[0]).toBe('100');
    const third = verifySlice(ids, verifySlice(ids, first.next).next);
    expect(third.ids).toEqual(['110', '111', '100', '101', '102']);
    expect(verifySlice(ids.slice(0, 3), 2).ids).toEqual(['102', '100', '101']);
    expect(
      verifySlice(
        Array.from({ length: 70 }, (_, i) => String(i)),
        0,
      ).ids,
    ).toHaveLength(10);
    expect(verifySlice([], 4)).toEqual({ ids: [], next: 0 });
  });
});
