import { clearBy, emptyGateRecord, fitGateRecord, evaluateGate, gateReason, releaseEventKey, withBlock, type BlockEntry, type GateInput } from '#domain/gate/rules';

const rule = { leadTimeDays: 7, timeZone: 'UTC' };
const now = new Date('2026-11-24T12:00:00Z');
const input = (over: Partial<GateInput>): GateInput => ({ version: { name: 'V1', releaseDate: '2026-12-31' }, handoff: null, override: null, rule, now, ...over });

describe('gate state', () => {
  it('ok when ready exactly 7 days before; late one minute past the deadline day', () => {
    const onTime = evaluateGate(input({ version: { name: 'V1', releaseDate: '2026-12-08' }, handoff: { status: 'ready', readyAt: '2026-12-01T23:59:00Z' } }));
    expect(onTime).toMatchObject({ state: 'ok', deadline: '2026-12-01' });
    const late = evaluateGate(input({ version: { name: 'V1', releaseDate: '2026-12-08' }, handoff: { status: 'ready', readyAt: '2026-12-02T00:00:00Z' } }));
    expect(late.state).toBe('late');
  });
  it('counts days in the rule time zone', () => {
    const h = { status: 'ready' as const, readyAt: '2026-12-02T03:00:00Z' }; // still 1 Dec in Los Angeles
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-08' }, handoff: h })).state).toBe('late');
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-08' }, handoff: h, rule: { leadTimeDays: 7, timeZone: 'America/Los_Angeles' } })).state).toBe('ok');
  });
  it('missing, due-soon, overdue by deadline distance', () => {
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-31' } })).state).toBe('missing');
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-03' } })).state).toBe('due-soon'); // deadline 26 Nov
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-04' } })).state).toBe('missing'); // deadline 27 Nov (3 days)
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-01' } })).state).toBe('due-soon'); // deadline today
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-11-30' }, handoff: { status: 'draft', readyAt: null } })).state).toBe('overdue');
  });
  it('no release date: measured from today (the moment of release)', () => {
    const e = evaluateGate(input({ version: { name: 'V', releaseDate: null }, handoff: { status: 'ready', readyAt: '2026-11-20T00:00:00Z' } }));
    expect(e).toMatchObject({ state: 'late', releaseDate: '2026-11-24', deadline: '2026-11-17' });
  });
  it('moving the release date later clears lateness', () => {
    const h = { status: 'ready' as const, readyAt: '2026-11-24T10:00:00Z' };
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-11-26' }, handoff: h })).state).toBe('late');
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-12-01' }, handoff: h })).state).toBe('ok');
  });
  it('override turns a closed gate into overridden, not an open one', () => {
    const override = { by: { accountId: 'rita' }, at: now.toISOString(), reason: 'Hotfix, CS briefed live' };
    expect(evaluateGate(input({ version: { name: 'V', releaseDate: '2026-11-30' }, override })).state).toBe('overridden');
    expect(evaluateGate(input({ handoff: { status: 'ready', readyAt: '2026-11-01T00:00:00Z' }, override })).state).toBe('ok');
  });
});

describe('wording', () => {
  it('reason and clearBy for a missing handoff', () => {
    const i = input({ version: { name: 'Gift cards', releaseDate: '2026-11-27' } });
    const e = evaluateGate(i);
    expect(gateReason({ versionName: 'Gift cards', handoff: null, evaluation: e, rule })).toBe(
      'Gift cards has no CS handoff yet. It had to be ready by 20 Nov 2026 (7 days before the release date 27 Nov 2026).',
    );
    // Overdue: marking it ready alone would make it late, so the advice is one combined action.
    expect(clearBy({ handoff: null, evaluation: e, rule })).toEqual([
      'write the handoff, mark it ready and move the release date to 1 Dec 2026 or later (and release it on or after that day)',
      'a project admin can override',
    ]);
  });
  it('late: move the date to readyDate + lead time', () => {
    const h = { status: 'ready' as const, readyAt: '2026-11-24T10:00:00Z' };
    const e = evaluateGate(input({ version: { name: 'V', releaseDate: '2026-11-26' }, handoff: h }));
    expect(clearBy({ handoff: h, evaluation: e, rule })).toEqual(['move the release date to 1 Dec 2026 or later (and release it on or after that day)', 'a project admin can override']);
    expect(gateReason({ versionName: 'V', handoff: h, evaluation: e, rule })).toContain('became ready on 24 Nov 2026, only 2 days before the release date 26 Nov 2026');
  });
});

describe('dedupe', () => {
  const entry = (at: string): BlockEntry => ({
    at,
    releasedBy: { accountId: 'rita' },
    reason: 'r',
    gateState: 'overdue',
    eventKey: releaseEventKey({ versionId: '1', releaseDate: '2026-11-27', gateState: 'overdue', releasedBy: 'rita' }),
  });
  it('drops a re-delivered event, keeps a later attempt, keeps the last 20', () => {
    const one = withBlock(emptyGateRecord('1'), entry('2026-11-24T12:00:00Z'));
    expect(withBlock(one, entry('2026-11-24T12:00:01Z'))).toBe(one);
    expect(withBlock(one, entry('2026-11-24T13:00:00Z')).blocks).toHaveLength(2);
    let r = emptyGateRecord('1');
    for (let h = 0; h < 25; h++) r = withBlock(r, entry(new Date(Date.UTC(2026, 10, 1, h)).toISOString()));
    expect(r.blocks).toHaveLength(20);
  });
});

describe('dedupe by when the release was seen', () => {
  const key = releaseEventKey({ versionId: '1', releaseDate: '2026-11-27', gateState: 'overdue', releasedBy: 'rita' });
  const block = (at: string, unreleaseFailed?: string): BlockEntry => ({
    at,
    releasedBy: { accountId: 'rita' },
    reason: 'r',
    gateState: 'overdue',
    eventKey: key,
    ...(unreleaseFailed ? { unreleaseFailed } : {}),
  });
  it('a delivery that saw the release before the latest block is a duplicate; one that saw it after is a new attempt', () => {
    const one = withBlock(emptyGateRecord('1'), block('2026-11-24T12:00:00.500Z'));
    expect(withBlock(one, block('2026-11-24T12:00:00.700Z'), '2026-11-24T12:00:00.100Z')).toBe(one);
    expect(withBlock(one, block('2026-11-24T12:00:02.000Z'), '2026-11-24T12:00:01.000Z').blocks).toHaveLength(2);
  });
  it('after a failed un-release the version stayed released: the time window decides', () => {
    const one = withBlock(emptyGateRecord('1'), block('2026-11-24T12:00:00Z', 'Jira refused'));
    expect(withBlock(one, block('2026-11-24T12:05:00Z'), '2026-11-24T12:04:59Z')).toBe(one);
    expect(withBlock(one, block('2026-11-24T12:30:00Z'), '2026-11-24T12:29:59Z').blocks).toHaveLength(2);
  });
  it('a record over 32,768 bytes drops its oldest blocks, keeping the latest', () => {
    let r = emptyGateRecord('1');
    for (let h = 0; h < 20; h++) r = withBlock(r, { ...block(new Date(Date.UTC(2026, 10, 1, h)).toISOString(), '€'.repeat(166)), reason: '€'.repeat(333) });
    const fitted = fitGateRecord(r);
    expect(new TextEncoder().encode(JSON.stringify(fitted)).length).toBeLessThanOrEqual(32_768);
    expect(fitted.blocks.length).toBeLessThan(20);
    expect(fitted.blocks[fitted.blocks.length - 1]).toEqual(r.blocks[r.blocks.length - 1]);
  });
});

describe('the walkthrough gate', () => {
  const ready = { status: 'ready' as const, readyAt: '2026-11-20T00:00:00Z' };
  const gateOn = (handoff: GateInput['handoff'], over: Partial<GateInput> = {}) => evaluateGate(input({ handoff, walkthroughGate: true, ...over }));

  it('off: an unsettled walkthrough does not close the gate', () => {
    expect(evaluateGate(input({ handoff: { ...ready, unsettledQuestions: 2 } })).state).toBe('ok');
  });

  it('on: a ready, on-time handoff is judged by the deadline until the walkthrough is held and settled', () => {
    const open = gateOn({ ...ready, unsettledQuestions: 2 });
    expect(open).toMatchObject({ state: 'missing', walkthroughBlock: expect.stringContaining('2 questions') });
    expect(gateReason({ versionName: 'V1', handoff: ready, evaluation: open, rule })).toContain('walkthrough gate is on: 2 questions');
    expect(gateOn({ ...ready }).walkthroughBlock).toContain('has not been recorded');
    expect(gateOn({ ...ready, unsettledQuestions: 0 })).toMatchObject({ state: 'ok', walkthroughBlock: null });
    expect(gateOn({ ...ready, unsettledQuestions: 1 }, { version: { name: 'V1', releaseDate: '2026-11-30' } }).state).toBe('overdue');
    expect(gateOn({ ...ready, unsettledQuestions: 1 }, { override: { by: { accountId: 'a' }, at: '2026-11-24T00:00:00Z', reason: 'Release anyway, agreed.' } }).state).toBe('overridden');
  });
});
