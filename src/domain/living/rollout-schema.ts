/**
 * The rollout as stored: its schemas, which handoff.ts and records.ts build on. Apart from rollout.ts
 * (the moves, which throw AppError) so that the handoff's schema does not import the error module,
 * which names handoff types. The plain types live beside the stage list (rollout-stages.ts).
 */
import { z } from 'zod';
import { PersonRefSchema } from '../person';
import { LEARNED_MAX, ROLLOUT_STAGES, type Rollout, type RolloutEntry } from './rollout-stages';

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
  learned: z.string({ error: 'What was learned must be text' }).max(LEARNED_MAX, { error: `What was learned must be at most ${LEARNED_MAX} characters` }),
}) satisfies z.ZodType<RolloutEntry>;

export const RolloutSchema = z.object({
  stage: RolloutStageSchema,
  history: z.array(RolloutEntrySchema).max(HISTORY_MAX, { error: `Rollout history keeps at most ${HISTORY_MAX} entries` }),
}) satisfies z.ZodType<Rollout>;
