/**
 * Rules that can't be gamed: lateness against the earlier of the planned date and the release day, day
 * boundaries in one time zone, and advice whose every line clears the gate on its own.
 */
import { formatCalendarDate } from '#domain/date-format';
import { addDaysTo, clearingActions, evaluateGate, gateAllowsRelease, type ClearingAction, type GateInput, type GateOverride } from '#domain/gate/rules';
import { statusAfterEdit } from '#domain/readiness';
import { calendarDateIn } from '#domain/calendar';
import { completeContent } from '../domain/fixtures';

const rule = { leadTimeDays: 7, timeZone: 'UTC' };
const now = new Date('2026-11-24T12:00:00Z'); // today: 2026-11-24
const base = (over: Partial<GateInput>): GateInput => ({ version: { name: 'V', releaseDate: '2026-12-31' }, handoff: null, override: null, rule, now, ...over });
const ready = (readyAt: string) => ({ status: 'ready' as const, readyAt });

describe('lateness is judged against the earlier of the planned date and the release day', () => {
  const late = ready('2026-11-23T10:00:00Z'); // 1 day before today

  it('releasing with releaseDate 2099 in the same change: judged against the release day', () => {
    const trick = base({ version: { name: 'V', releaseDate: '2099-01-01' }, handoff: late, releasedOn: '2026-11-24' });
    expect(evaluateGate(trick)).toMatchObject({ state: 'late', releaseDate: '2026-11-24' });
    // Without the release day (planning view), the far date is what the plan says.
    expect(evaluateGate({ ...trick, releasedOn: undefined }).state).toBe('ok');
  });

  it('a date moved after the release does not change the day it went out', () => {
    const onTime = ready('2026-11-10T10:00:00Z');
    for (const planned of ['2099-01-01', '2026-11-24', '2026-12-31']) {
      expect(evaluateGate(base({ version: { name: 'V', releaseDate: planned }, handoff: late, releasedOn: '2026-11-24' })).state).toBe('late');
      expect(evaluateGate(base({ version: { name: 'V', releaseDate: planned }, handoff: onTime, releasedOn: '2026-11-24' })).state).toBe('ok');
    }
  });

  it('a planned date earlier than the release day still counts', () => {
    const e = evaluateGate(base({ version: { name: 'V', releaseDate: '2026-11-20' }, handoff: ready('2026-11-15T10:00:00Z'), releasedOn: '2026-11-24' }));
    expect(e).toMatchObject({ state: 'late', releaseDate: '2026-11-20' });
  });
});

describe('day boundaries follow the rule time zone (the site default time zone)', () => {
  // Release 2026-12-08, lead time 7: the deadline day is 2026-12-01.
  const version = { name: 'V', releaseDate: '2026-12-08' };
  const la = { leadTimeDays: 7, timeZone: 'America/Los_Angeles' };
  const tokyo = { leadTimeDays: 7, timeZone: 'Asia/Tokyo' };

  it('23:30 in Los Angeles on the deadline day is on time (it is already the next day in UTC)', () => {
    const readyAt = '2026-12-02T07:30:00Z';
    expect(calendarDateIn(new Date(readyAt), la.timeZone)).toBe('2026-12-01');
    expect(evaluateGate(base({ version, handoff: ready(readyAt), rule: la })).state).toBe('ok');
    expect(evaluateGate(base({ version, handoff: ready(readyAt), rule })).state).toBe('late');
  });

  it('00:30 in Tokyo on the deadline day is on time; 00:30 the day after is late (still the deadline day in UTC)', () => {
    const onDeadline = '2026-11-30T15:30:00Z';
    expect(calendarDateIn(new Date(onDeadline), tokyo.timeZone)).toBe('2026-12-01');
    expect(evaluateGate(base({ version, handoff: ready(onDeadline), rule: tokyo })).state).toBe('ok');
    const dayAfter = '2026-12-01T15:30:00Z';
    expect(calendarDateIn(new Date(dayAfter), tokyo.timeZone)).toBe('2026-12-02');
    expect(evaluateGate(base({ version, handoff: ready(dayAfter), rule: tokyo })).state).toBe('late');
    expect(evaluateGate(base({ version, handoff: ready(dayAfter), rule })).state).toBe('ok');
  });
});

/** Does exactly what one line of advice says, and nothing else, to the fixture it was given for. */
function apply(action: ClearingAction, input: GateInput): GateInput {
  const settled = { unsettledQuestions: 0 };
  const walkthrough = (h: GateInput['handoff']) => ('settleWalkthrough' in action && action.settleWalkthrough ? { ...h!, ...settled } : h);
  const override: GateOverride = { by: { accountId: 'admin' }, at: now.toISOString(), reason: 'CS was briefed in person.' };
  switch (action.kind) {
    case 'override':
      return { ...input, override };
    case 'settle-walkthrough':
      return { ...input, handoff: { ...input.handoff!, ...settled } };
    case 'mark-ready': // done on the last day it may be, released on the planned date
      return { ...input, handoff: walkthrough(ready(`${action.by}T23:00:00Z`)), now: new Date(`${action.by}T23:00:00Z`), releasedOn: input.version.releaseDate ?? undefined };
    case 'mark-ready-and-move-date':
      return { ...input, handoff: walkthrough(ready(now.toISOString())), version: { ...input.version, releaseDate: action.releaseDate }, releasedOn: action.releaseDate };
    case 'move-date':
      return { ...input, handoff: walkthrough(input.handoff), version: { ...input.version, releaseDate: action.releaseDate }, releasedOn: action.releaseDate };
  }
}

describe('every "To release it" line clears the gate on its own', () => {
  const draft = { status: 'draft' as const, readyAt: null };
  const unsettled = { unsettledQuestions: 2 };
  const fixtures: Record<string, GateInput> = {
    'missing, deadline far': base({ version: { name: 'V', releaseDate: '2026-12-31' } }),
    'draft, due soon': base({ version: { name: 'V', releaseDate: '2026-12-02' }, handoff: draft }),
    'missing, overdue': base({ version: { name: 'V', releaseDate: '2026-11-27' } }),
    'draft, overdue, no release date': base({ version: { name: 'V', releaseDate: null }, handoff: draft }),
    'ready late': base({ version: { name: 'V', releaseDate: '2026-11-26' }, handoff: ready('2026-11-24T10:00:00Z') }),
    'ready on time, walkthrough gate on and not held': base({ version: { name: 'V', releaseDate: '2026-12-31' }, handoff: { ...ready('2026-11-20T10:00:00Z'), ...unsettled }, walkthroughGate: true }),
    'draft, overdue, walkthrough gate on': base({ version: { name: 'V', releaseDate: '2026-11-27' }, handoff: { ...draft, ...unsettled }, walkthroughGate: true }),
    'ready late, walkthrough gate on': base({ version: { name: 'V', releaseDate: '2026-11-26' }, handoff: { ...ready('2026-11-24T10:00:00Z'), ...unsettled }, walkthroughGate: true }),
  };

  it.each(Object.entries(fixtures))('%s', (_name, input) => {
    const evaluation = evaluateGate(input);
    expect(gateAllowsRelease(evaluation.state)).toBe(false);
    const actions = clearingActions({ handoff: input.handoff, evaluation, rule: input.rule });
    expect(actions.length).toBeGreaterThanOrEqual(2);
    for (const action of actions) {
      const after = evaluateGate(apply(action, input));
      expect([action.text, after.state]).toEqual([action.text, expect.stringMatching(/^(ok|overridden)$/)]);
    }
  });

  it('an overdue handoff is never told that marking it ready is enough', () => {
    const input = fixtures['missing, overdue']!;
    const texts = clearingActions({ handoff: null, evaluation: evaluateGate(input), rule }).map((a) => a.text);
    expect(texts[0]).toBe(`write the handoff, mark it ready and move the release date to ${formatCalendarDate(addDaysTo('2026-11-24', 7))} or later (and release it on or after that day)`);
    expect(texts).not.toContain('write the handoff and mark it ready');
  });
});

describe('statusAfterEdit', () => {
  it('a ready handoff edited so it no longer meets the ready rules goes back to draft, saying so', () => {
    const emptied = completeContent({ whatsNew: '', happyPath: [] });
    const after = statusAfterEdit(ready('2026-11-01T10:00:00Z'), emptied);
    expect(after).toMatchObject({ status: 'draft', readyAt: null });
    expect(after.notice).toContain('moved back to draft');
    expect(after.notice).toContain("A what's-new paragraph");
  });
  it('a complete ready handoff stays ready with its readyAt; a draft stays a draft', () => {
    expect(statusAfterEdit(ready('2026-11-01T10:00:00Z'), completeContent())).toEqual({ status: 'ready', readyAt: '2026-11-01T10:00:00Z', notice: null });
    expect(statusAfterEdit({ status: 'draft', readyAt: null }, completeContent({ whatsNew: '' }))).toEqual({ status: 'draft', readyAt: null, notice: null });
    expect(statusAfterEdit(null, completeContent())).toEqual({ status: 'draft', readyAt: null, notice: null });
  });
});
