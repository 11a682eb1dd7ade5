/**
 * The gradual rollout of a release, and what the team learned at each stage. The brief asks for a
 * living handoff "updated through the gradual rollout as the team learns from the first 1% and 5%":
 * this record is where that learning is written down, stage by stage. Pure: the caller passes the
 * moment of the move.
 */
import { z } from 'zod';
import { appError } from '../errors';
import { PersonRefSchema, type PersonRef } from '../person';
import { stampOf } from '../revision';
import { LEARNED_MAX, ROLLOUT_STAGES, stageLabel, stageOrder as orderOf, type RolloutStage } from './rollout-stages';

// The zod-free stage helpers live in rollout-stages.ts (the UI imports them from there).
export {
  allowedMoves,
  currentStageLabel,
  initialRollout,
  isRollback,
  LEARNED_MAX,
  ROLLOUT_STAGES,
  stageLabel,
  type AllowedMoves,
  type RolloutStage,
} from './rollout-stages';

export const RolloutStageSchema = z.enum(ROLLOUT_STAGES, { error: 'Rollout stage must be one of: not-started, 1, 5, 25, 50, 100' });

/**
 * History is append-only but bounded to the last 30 moves: the rollout lives inside the version's
 * project property (32,768 bytes), and 30 moves at 1,000 characters each already uses most of what a
 * handoff can spare. Real rollouts have a handful of moves, so only a stage that is rolled back and
 * forward many times ever loses its oldest entries.
 */
export const HISTORY_MAX = 30;

export const RolloutEntrySchema = z.object({
  /** The stage moved to. */
  stage: RolloutStageSchema,
  /** The stage moved from, kept so a rollback still reads as one after older entries are dropped. */
  from: RolloutStageSchema,
  /** ISO instant of the move. */
  at: z.iso.datetime({ error: 'Rollout time must be an ISO date-time' }),
  by: PersonRefSchema,
  /** What was learned at this stage (or, for a rollback, why it was rolled back). */
  learned: z
    .string({ error: 'What was learned must be text' })
    .max(LEARNED_MAX, { error: `What was learned must be at most ${LEARNED_MAX} characters` }),
});
export type RolloutEntry = z.output<typeof RolloutEntrySchema>;

export const RolloutSchema = z.object({
  stage: RolloutStageSchema,
  history: z.array(RolloutEntrySchema).max(HISTORY_MAX, { error: `Rollout history keeps at most ${HISTORY_MAX} entries` }),
});
export type Rollout = z.output<typeof RolloutSchema>;

function refuse(field: 'stage' | 'learned', message: string): never {
  throw appError('INVALID_INPUT', message, { fields: { [field]: message } });
}

/**
 * The rollout after moving to `to`. Forward to any later stage; back exactly one stage and only with
 * a note, because a rollback is an event CS must be able to explain to customers; never to the stage
 * it is already at. Throws INVALID_INPUT (naming the field) when the move is refused.
 */
export function moveStage(rollout: Rollout, to: RolloutStage, learned: string, by: PersonRef, at: Date): Rollout {
  const target = RolloutStageSchema.safeParse(to);
  if (!target.success) refuse('stage', `"${String(to)}" is not a rollout stage (use not-started, 1, 5, 25, 50 or 100)`);
  const note = learned.trim();
  if (note.length > LEARNED_MAX) refuse('learned', `What was learned must be at most ${LEARNED_MAX} characters (it has ${note.length})`);

  const from = rollout.stage;
  const step = orderOf(to) - orderOf(from);
  if (step === 0) refuse('stage', `The rollout is already at ${stageLabel(from)}`);
  if (step < -1) {
    const oneBack = ROLLOUT_STAGES[orderOf(from) - 1] as RolloutStage;
    refuse('stage', `Roll back one stage at a time: from ${stageLabel(from)} the stage back is ${stageLabel(oneBack)}, not ${stageLabel(to)}`);
  }
  if (step === -1 && note === '') {
    refuse('learned', `Rolling back from ${stageLabel(from)} to ${stageLabel(to)} needs a note: say why, so CS can explain it to customers`);
  }

  const entry: RolloutEntry = { stage: to, from, at: stampOf(at), by, learned: note };
  return { stage: to, history: [...rollout.history, entry].slice(-HISTORY_MAX) };
}
