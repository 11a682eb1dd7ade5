import type { PersonRef } from '#domain/handoff';
import { HISTORY_MAX, LEARNED_MAX, RolloutSchema, allowedMoves, currentStageLabel, initialRollout, isRollback, moveStage, stageLabel, type Rollout, type RolloutStage } from '#domain/living/rollout';
import { thrownAppError } from '../app-error';

const po: PersonRef = { accountId: 'acc-po', displayName: 'Priya Patel' };
const at = new Date('2026-07-16T08:00:00.250Z');

/** The rollout after a sequence of forward moves from "not started". */
function rolledTo(...stages: RolloutStage[]): Rollout {
  return stages.reduce((rollout, stage) => moveStage(rollout, stage, `learned at ${stage}`, po, at), initialRollout());
}

/** The AppError a refused move throws, so a test can check its message and field. */
const refusal = (move: () => unknown) => thrownAppError(move, 'the move to be refused');

describe('rollout stages and labels', () => {
  it('starts not started, with an empty history', () => {
    expect(initialRollout()).toEqual({ stage: 'not-started', history: [] });
    expect(currentStageLabel(initialRollout())).toBe('Not started');
  });

  it.each([
    ['not-started', 'Not started'],
    ['1', '1%'],
    ['5', '5%'],
    ['25', '25%'],
    ['50', '50%'],
    ['100', '100%'],
  ] as const)('labels %s as %s', (stage, label) => {
    expect(stageLabel(stage)).toBe(label);
  });
});

describe('moving forward', () => {
  it('moves to the next stage and records who, when and what was learned', () => {
    const rollout = moveStage(initialRollout(), '1', '  No errors in the first hour.  ', po, at);
    expect(rollout.stage).toBe('1');
    expect(currentStageLabel(rollout)).toBe('1%');
    expect(rollout.history).toEqual([
      // Stored to the second (like every other instant in the handoff), note trimmed.
      { stage: '1', from: 'not-started', at: '2026-07-16T08:00:00.000Z', by: po, learned: 'No errors in the first hour.' },
    ]);
    expect(isRollback(rollout.history[0]!)).toBe(false);
  });

  it('allows an empty note going forward', () => {
    expect(moveStage(initialRollout(), '1', '', po, at).history[0]!.learned).toBe('');
  });

  it.each([
    [['1'], '25'],
    [[], '100'],
    [['1', '5'], '50'],
  ] as const)('allows skipping ahead (from %j to %s)', (path, to) => {
    expect(moveStage(rolledTo(...path), to, '', po, at).stage).toBe(to);
  });
});

describe('moving back', () => {
  it('allows one stage back with a note, recorded as a rollback', () => {
    const rollout = moveStage(rolledTo('1', '5', '25'), '5', 'Rolled back: checkout errors doubled for card codes with spaces.', po, at);
    expect(rollout.stage).toBe('5');
    const last = rollout.history.at(-1)!;
    expect(last).toMatchObject({ stage: '5', from: '25', learned: 'Rolled back: checkout errors doubled for card codes with spaces.' });
    expect(isRollback(last)).toBe(true);
  });

  it('allows rolling back from 1% to not started', () => {
    expect(moveStage(rolledTo('1'), 'not-started', 'Payment provider outage.', po, at).stage).toBe('not-started');
  });

  it.each(['', '   \n  '])('refuses a rollback without a note (%j)', (note) => {
    const error = refusal(() => moveStage(rolledTo('1', '5'), '1', note, po, at));
    expect(error.error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Rolling back from 5% to 1% needs a note: say why, so CS can explain it to customers');
    expect(error.error.fields).toEqual({ learned: error.message });
  });

  it('refuses going back more than one stage at a time', () => {
    const error = refusal(() => moveStage(rolledTo('1', '5', '25'), '1', 'Too many errors', po, at));
    expect(error.message).toBe('Roll back one stage at a time: from 25% the stage back is 5%, not 1%');
    expect(error.error.fields).toEqual({ stage: error.message });
  });

  it('refuses going from 100% straight back to not started', () => {
    expect(() => moveStage(rolledTo('100'), 'not-started', 'Pulled', po, at)).toThrow('Roll back one stage at a time');
  });
});

describe('refused moves', () => {
  it('refuses staying at the same stage', () => {
    const error = refusal(() => moveStage(rolledTo('1', '5'), '5', 'More notes', po, at));
    expect(error.message).toBe('The rollout is already at 5%');
    expect(error.error.fields).toEqual({ stage: error.message });
  });

  it('refuses "not started" again before anything happened', () => {
    expect(() => moveStage(initialRollout(), 'not-started', '', po, at)).toThrow('The rollout is already at Not started');
  });

  it('refuses a stage that does not exist', () => {
    expect(() => moveStage(initialRollout(), '10' as RolloutStage, '', po, at)).toThrow('"10" is not a rollout stage');
  });

  it(`refuses a note longer than ${LEARNED_MAX} characters, and accepts exactly ${LEARNED_MAX}`, () => {
    expect(() => moveStage(initialRollout(), '1', 'x'.repeat(LEARNED_MAX + 1), po, at)).toThrow(`at most ${LEARNED_MAX} characters`);
    expect(moveStage(initialRollout(), '1', 'x'.repeat(LEARNED_MAX), po, at).history).toHaveLength(1);
  });

  it('leaves the rollout untouched when a move is refused', () => {
    const before = rolledTo('1', '5');
    const snapshot = structuredClone(before);
    expect(() => moveStage(before, '5', '', po, at)).toThrow();
    expect(before).toEqual(snapshot);
  });
});

describe('history', () => {
  it('is append-only: a move returns a new rollout and keeps every earlier entry as it was', () => {
    const before = rolledTo('1', '5');
    const snapshot = structuredClone(before);
    const after = moveStage(before, '25', 'Quiet at 5%.', po, at);
    expect(before).toEqual(snapshot);
    expect(after.history.slice(0, 2)).toEqual(before.history);
    expect(after.history).toHaveLength(3);
  });

  it(`keeps only the last ${HISTORY_MAX} entries`, () => {
    let rollout = initialRollout();
    // 40 moves: forward to 1%, then back and forth between 1% and not started.
    for (let n = 1; n <= 40; n++) {
      rollout = moveStage(rollout, rollout.stage === '1' ? 'not-started' : '1', `move ${n}`, po, at);
    }
    expect(rollout.history).toHaveLength(HISTORY_MAX);
    expect(rollout.history[0]!.learned).toBe('move 11');
    expect(rollout.history.at(-1)!.learned).toBe('move 40');
    expect(RolloutSchema.safeParse(rollout).success).toBe(true);
  });

  it('round-trips through its schema, which refuses a history over the bound', () => {
    const rollout = moveStage(rolledTo('1', '5'), '1', 'Rolled back', po, at);
    expect(RolloutSchema.parse(JSON.parse(JSON.stringify(rollout)))).toEqual(rollout);

    const tooLong = { ...rollout, history: Array.from({ length: HISTORY_MAX + 1 }, () => rollout.history[0]!) };
    expect(RolloutSchema.safeParse(tooLong).success).toBe(false);
    expect(RolloutSchema.safeParse({ stage: '3', history: [] }).success).toBe(false);
    expect(RolloutSchema.safeParse({ ...rollout, history: [{ ...rollout.history[0]!, at: 'yesterday' }] }).success).toBe(false);
  });
});

describe('allowedMoves', () => {
  it('offers every later stage and the one stage back', () => {
    expect(allowedMoves(initialRollout())).toEqual({ forward: ['1', '5', '25', '50', '100'], back: null });
    expect(allowedMoves(rolledTo('1', '25'))).toEqual({ forward: ['50', '100'], back: '5' });
    expect(allowedMoves(rolledTo('100'))).toEqual({ forward: [], back: '50' });
  });
});
