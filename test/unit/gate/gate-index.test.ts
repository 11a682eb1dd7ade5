import {
  belongsInGateIndex,
  BLOCK_REASON_MAX,
  fitGateIndex,
  gateIndexWith,
  gateIndexEntry,
  hasOverride,
  shortBlockReason,
  parseGateIndex,
  reevaluatedEntry,
  settingsOf,
  withGateEntry,
  type GateIndex,
} from '#domain/gate/gate-index';
import { emptyGateRecord, evaluateGate, type BlockEntry, type GateRecord } from '#domain/gate/rules';

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
    const later = reevaluatedEntry(entry, {
      version: { name: 'V', releaseDate: '2026-12-31' },
      handoff: { status: 'ready', readyAt: '2026-11-01T00:00:00Z' },
      rule: { ...rule, leadTimeDays: 61 },
      now,
    });
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

  it('a refused put-back flags the entry until a later release attempt is decided otherwise', () => {
    const refused: BlockEntry = { at: '2026-11-20T10:00:00Z', releasedBy: { accountId: 'rita' }, reason: 'No handoff.', gateState: 'missing', eventKey: 'k1', unreleaseFailed: 'Jira answered 403' };
    const decided = (outcome: 'allowed' | 'put-back' | 'could-not-put-back'): GateRecord => ({
      ...emptyGateRecord('1'),
      blocks: [refused],
      decision: { at: '2026-11-21T10:00:00Z', outcome, gateState: 'ok', releasedOn: '2026-11-21', why: 'w' },
    });
    const open = evaluateGate({ version: { name: 'V', releaseDate: '2026-12-31' }, handoff: { status: 'ready', readyAt: '2026-11-01T00:00:00Z' }, override: null, rule, now });
    expect(gateIndexEntry(decided('could-not-put-back'), open).unreleaseFailed).toBe(true);
    // A record written before decisions were kept: the block is all there is to go by.
    expect(gateIndexEntry({ ...emptyGateRecord('1'), blocks: [refused] }, open).unreleaseFailed).toBe(true);
    // Put right and released again through the gate: the version leaves the index and says nothing more.
    const allowed = gateIndexEntry(decided('allowed'), open);
    expect(allowed.unreleaseFailed).toBeUndefined();
    expect(belongsInGateIndex({ released: true, archived: false }, allowed)).toBe(false);
    expect(gateIndexEntry(decided('put-back'), open).unreleaseFailed).toBeUndefined();
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

/**
 * One membership rule for the gate index. Before it, four writers each had their own: the daily scan
 * (unreleased and unarchived, or released with a failed put-back), the handoff actions' refresh (never
 * archived; released only when an entry already existed), the override (unreleased and unarchived, or any
 * version that already had an entry) and the settings save (never archived; released only with a failed
 * put-back). Each disagreeing case below names what the old writers did.
 */
describe('belongsInGateIndex', () => {
  const plain = { state: 'missing' as const, deadline: '2026-12-01' };
  const failed = { ...plain, blockedAt: now.toISOString(), unreleaseFailed: true };
  const at = (released: boolean, archived: boolean) => ({ id: '7', released, archived });

  it('holds unreleased, unarchived versions (all four writers agreed)', () => {
    expect(belongsInGateIndex(at(false, false), undefined)).toBe(true);
    expect(belongsInGateIndex(at(false, false), plain)).toBe(true);
  });

  it('holds a released version Jira refused to put back (all four agreed) ...', () => {
    expect(belongsInGateIndex(at(true, false), failed)).toBe(true);
  });

  it('... and keeps it when it is archived, since archiving does not un-release it (the scan and the override kept it; the refresh and the settings save dropped it)', () => {
    expect(belongsInGateIndex(at(true, true), failed)).toBe(true);
  });

  it('drops a released version that went out with no failed put-back, even with an old entry (the scan and the settings save dropped it; the refresh and the override kept it)', () => {
    expect(belongsInGateIndex(at(true, false), plain)).toBe(false);
    expect(belongsInGateIndex(at(true, false), { ...plain, override: true })).toBe(false);
    expect(belongsInGateIndex(at(true, false), undefined)).toBe(false);
  });

  it('drops an archived unreleased version, even with an entry (the override kept it; the other three dropped it)', () => {
    expect(belongsInGateIndex(at(false, true), { ...plain, blockedAt: now.toISOString(), override: true })).toBe(false);
    expect(belongsInGateIndex(at(false, true), undefined)).toBe(false);
  });

  it('gateIndexWith writes the entry, removes one that no longer belongs, and says null when nothing changes', () => {
    const empty: GateIndex = { schemaVersion: 1, scannedAt: null, versions: {} };
    const added = gateIndexWith(empty, at(false, false), plain);
    expect(added?.versions['7']).toEqual(plain);
    expect(gateIndexWith(added as GateIndex, at(false, false), { ...plain })).toBeNull();
    expect(gateIndexWith(added as GateIndex, at(true, false), plain)?.versions).toEqual({});
    expect(gateIndexWith(empty, at(true, false), plain)).toBeNull();
    expect(gateIndexWith(empty, at(true, true), failed)?.versions['7']).toEqual(failed);
  });
});
