/**
 * The gradual rollout of a release, and what the team learned at each stage. The brief asks for a
 * living handoff "updated through the gradual rollout as the team learns from the first 1% and 5%":
 * this record is where that learning is written down, stage by stage. Pure: the caller passes the
 * moment of the move.
 */
import { appError } from '../errors';
import type { PersonRef } from '../person';
import { stampOf } from '../calendar';
import { HISTORY_MAX, RolloutStageSchema } from './rollout-schema';
import { LEARNED_MAX, ROLLOUT_STAGES, stageLabel, stageOrder as orderOf, type Rollout, type RolloutEntry, type RolloutStage } from './rollout-stages';

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
  type Rollout,
  type RolloutEntry,
  type RolloutStage,
} from './rollout-stages';
export { HISTORY_MAX, RolloutEntrySchema, RolloutSchema, RolloutStageSchema } from './rollout-schema';

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
