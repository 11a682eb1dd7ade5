import { BLOCK_REASON_MAX, fitGateIndex, gateIndexEntry, hasOverride, shortBlockReason, parseGateIndex, reevaluatedEntry, settingsOf, withGateEntry, type GateIndex } from '../../../src/domain/gate/gate-index';
import { emptyGateRecord, evaluateGate, type BlockEntry, type GateRecord } from '../../../src/domain/gate/rules';

const rule = { leadTimeDays: 7, timeZone: 'UTC' };
const now = new Date('2026-11-24T12:00:00Z');
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('gate index property', () => {
  it('reads an index written before it held settings as the defaults; keeps readable settings of a damaged one', () => {
    const old = parseGateIndex({ schemaVersion: 1, scannedAt: null, versions: { '1': { state: 'missing', deadline: '2026-12-01' } } });
    expect(settingsOf(old)).toEqual({ leadTimeDays: 7, walkthroughGate: false });
    const damaged = parseGateIndex({ schemaVersion: 1, scannedAt: null, settings: { leadTimeDays: 10, walkthroughGate: true }, versions: { '1': { state: 'bogus' } } });
    expect(damaged).toEqual({ schemaVersion: 1, scannedAt: null, versions: {}, settings: { leadTimeDays: 10, walkthroughGate: true } });
    expect(parseGateIndex(null).versions).toEqual({});
  });

  it('entries carry the override flag even when the gate is open, so a later change shows it', () => {
    const record: GateRecord = { ...emptyGateRecord('1'), override: { by: { accountId: 'rita' }, at: now.toISOString(), reason: 'Hotfix, CS briefed live' } };
    const ok = evaluateGate({ version: { name: 'V', releaseDate: '2026-12-31' }, handoff: { status: 'ready', readyAt: '2026-11-01T00:00:00Z' }, override: record.override, rule, now });
    const entry = gateIndexEntry(record, ok);
    expect(entry).toEqual({ state: 'ok', deadline: '2026-12-24', override: true });
    // The lead time grows to 61 days: the handoff is now late, and the recorded override shows.
    const later = reevaluatedEntry(entry, { version: { name: 'V', releaseDate: '2026-12-31' }, handoff: { status: 'ready', readyAt: '2026-11-01T00:00:00Z' }, rule: { ...rule, leadTimeDays: 61 }, now });
    expect(later).toEqual({ state: 'overridden', deadline: '2026-10-31', override: true });
    expect(hasOverride({ state: 'overridden', deadline: 'x' })).toBe(true);
    expect(hasOverride(undefined)).toBe(false);
  });

  it('keeps within 32,768 bytes: plain entries go first, flagged ones stay', () => {
    let index: GateIndex = { schemaVersion: 1, scannedAt: null, versions: {} };
    for (let i = 0; i < 700; i++) index = withGateEntry(index, String(10000 + i), { state: 'missing', deadline: '2026-12-01' });
    index = withGateEntry(index, '1', { state: 'overdue', deadline: '2026-11-01', blockedAt: now.toISOString(), unreleaseFailed: true });
    expect(bytes(index)).toBeGreaterThan(32_768);
    const fitted = fitGateIndex(index);
    expect(bytes(fitted)).toBeLessThanOrEqual(32_768);
    expect(Object.keys(fitted.versions)).toEqual(['1']);
    const small = withGateEntry(index, '2', { state: 'ok', deadline: 'x' });
    expect(fitGateIndex({ ...small, versions: { '2': { state: 'ok', deadline: 'x' } } })).toEqual({ ...small, versions: { '2': { state: 'ok', deadline: 'x' } } });
  });

  it('entries carry a short reason of the latest block for the overview, kept when the lead time changes', () => {
    const block = (at: string, reason: string): BlockEntry => ({ at, releasedBy: { accountId: 'rita' }, reason, gateState: 'due-soon', eventKey: `k-${at}` });
    const long = `2026.12 Gift cards has no CS handoff yet. ${'It had to be ready long before the release date. '.repeat(10)}`;
    const record: GateRecord = { ...emptyGateRecord('1'), blocks: [block('2026-11-20T10:00:00Z', 'older'), block(now.toISOString(), long)] };
    const closed = evaluateGate({ version: { name: 'V', releaseDate: '2026-11-27' }, handoff: null, override: null, rule, now });
    const entry = gateIndexEntry(record, closed);
    expect(entry.blockedAt).toBe(now.toISOString());
    expect(entry.blockReason?.length).toBeLessThanOrEqual(BLOCK_REASON_MAX);
    expect(entry.blockReason).toMatch(/^2026\.12 Gift cards has no CS handoff yet\. .*\S…$/);
    expect(shortBlockReason('  short\n reason ')).toBe('short reason');
    const later = reevaluatedEntry(entry, { version: { name: 'V', releaseDate: '2026-11-27' }, handoff: null, rule: { ...rule, leadTimeDays: 3 }, now });
    expect(later.blockReason).toBe(entry.blockReason);
  });

  it('drops block reasons (oldest block first) before refusing, when the flagged entries alone do not fit', () => {
    let index: GateIndex = { schemaVersion: 1, scannedAt: null, versions: {} };
    for (let i = 0; i < 120; i++) {
      const at = new Date(now.getTime() + i * 60_000).toISOString();
      index = withGateEntry(index, String(10000 + i), { state: 'overdue', deadline: '2026-12-01', blockedAt: at, blockReason: 'x'.repeat(BLOCK_REASON_MAX) });
    }
    expect(bytes(index)).toBeGreaterThan(32_768);
    const fitted = fitGateIndex(index);
    expect(bytes(fitted)).toBeLessThanOrEqual(32_768);
    expect(Object.keys(fitted.versions)).toHaveLength(120);
    expect(fitted.versions['10000']?.blockReason).toBeUndefined();
    expect(fitted.versions['10119']?.blockReason).toHaveLength(BLOCK_REASON_MAX);
    expect(fitted.versions['10000']?.blockedAt).toBe(index.versions['10000']?.blockedAt);
  });

  it('refuses with TOO_LARGE when even the flagged entries do not fit', () => {
    let index: GateIndex = { schemaVersion: 1, scannedAt: null, versions: {} };
    for (let i = 0; i < 400; i++) index = withGateEntry(index, String(10000 + i), { state: 'overridden', deadline: '2026-12-01', override: true, blockedAt: now.toISOString() });
    expect(() => fitGateIndex(index)).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'TOO_LARGE' }) }));
  });
});
