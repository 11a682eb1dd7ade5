import type { Rollout, RolloutEntry } from '#domain/living/rollout';
import { stageAt, stageSignals } from '#domain/living/stage-signals';

const by = { accountId: 'po', displayName: 'Priya Patel' };
const move = (from: RolloutEntry['from'], stage: RolloutEntry['stage'], at: string): RolloutEntry => ({ from, stage, at, by, learned: '' });

const rollout: Rollout = {
  stage: '5',
  history: [move('not-started', '1', '2026-11-10T10:00:00.000Z'), move('1', '5', '2026-11-12T10:00:00.000Z'), move('5', '1', '2026-11-13T10:00:00.000Z'), move('1', '5', '2026-11-14T10:00:00.000Z')],
};

describe('stageAt', () => {
  it('is the stage of the last move at or before the instant, across a rollback', () => {
    expect(stageAt(rollout, '2026-11-09T23:59:59.999Z')).toBe('not-started');
    expect(stageAt(rollout, '2026-11-10T10:00:00.000Z')).toBe('1');
    expect(stageAt(rollout, '2026-11-12T12:00:00.000Z')).toBe('5');
    expect(stageAt(rollout, '2026-11-13T12:00:00.000Z')).toBe('1');
    expect(stageAt(rollout, '2026-11-20T00:00:00.000Z')).toBe('5');
  });

  it("reads Jira's timestamps (offset without a colon) and, before the oldest kept move, the stage it moved from", () => {
    const trimmed: Rollout = { stage: '50', history: [move('25', '50', '2026-11-10T10:00:00.000Z')] };
    expect(stageAt(trimmed, '2026-11-10T11:59:00.000+0200')).toBe('25');
    expect(stageAt(trimmed, '2026-11-10T12:01:00.000+0200')).toBe('50');
  });

  it('counts something in the same second as a move (moves are stored to the second) at the stage moved to', () => {
    expect(stageAt(rollout, '2026-11-12T09:59:59.999Z')).toBe('1');
    expect(stageAt(rollout, '2026-11-12T10:00:00.999Z')).toBe('5');
  });

  it('is the current stage when the rollout never moved', () => {
    expect(stageAt({ stage: 'not-started', history: [] }, '2026-11-10T10:00:00.000Z')).toBe('not-started');
  });
});

describe('stageSignals', () => {
  it('gives every stage in rollout order; a question without a stored stage is placed by when it was asked', () => {
    const signals = stageSignals({
      rollout,
      requests: { '1': 3, '5': 1 },
      l3CreatedAt: ['2026-11-11T00:00:00.000+0000', '2026-11-13T12:00:00.000+0000', '2026-11-15T00:00:00.000+0000'],
      l3Partial: true,
      questions: [{ askedAt: '2026-11-01T00:00:00.000Z', stage: '25' }, { askedAt: '2026-11-12T12:00:00.000Z' }],
    });
    expect(signals.l3Partial).toBe(true);
    expect(signals.stages.map((s) => [s.stage, s.requests, s.l3Bugs, s.questions])).toEqual([
      ['not-started', 0, 0, 0],
      ['1', 3, 2, 0],
      ['5', 1, 1, 1],
      ['25', 0, 0, 1],
      ['50', 0, 0, 0],
      ['100', 0, 0, 0],
    ]);
  });
});
