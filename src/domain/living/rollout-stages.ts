/**
 * Rollout stages, their words and the moves allowed between them. No zod here: rollout.ts builds its
 * schemas from these and re-exports them, and the UI imports this module directly so a handoff page
 * does not load zod just to show a stage.
 */
import type { PersonRef } from '../person';

/** Stages in rollout order. Stored as strings so the record stays one plain JSON enum. */
export const ROLLOUT_STAGES = ['not-started', '1', '5', '25', '50', '100'] as const;
export type RolloutStage = (typeof ROLLOUT_STAGES)[number];

const STAGE_LABELS: Record<RolloutStage, string> = {
  'not-started': 'Not started',
  '1': '1%',
  '5': '5%',
  '25': '25%',
  '50': '50%',
  '100': '100%',
};

export const LEARNED_MAX = 1000;

/** One move of the rollout (rollout-schema.ts parses it). */
export interface RolloutEntry {
  /** The stage moved to. */
  stage: RolloutStage;
  /** The stage moved from, kept so a rollback still reads as one after older entries are dropped. */
  from: RolloutStage;
  /** ISO instant of the move. */
  at: string;
  by: PersonRef;
  /** What was learned at this stage (or, for a rollback, why it was rolled back). */
  learned: string;
}

/** A rollout as stored: the stage it is at and its latest moves (rollout-schema.ts parses it). */
export interface Rollout {
  stage: RolloutStage;
  history: RolloutEntry[];
}

export function initialRollout(): Rollout {
  return { stage: 'not-started', history: [] };
}

export const stageLabel = (stage: RolloutStage): string => STAGE_LABELS[stage];

export const currentStageLabel = (rollout: { stage: RolloutStage }): string => stageLabel(rollout.stage);

/** Position of a stage in ROLLOUT_STAGES: later stages are larger. */
export const stageOrder = (stage: RolloutStage): number => ROLLOUT_STAGES.indexOf(stage);

export interface AllowedMoves {
  /** Every later stage: skipping ahead (1% → 25%) is allowed. */
  forward: RolloutStage[];
  /** The one stage back, or null at "Not started". Moving back needs a note. */
  back: RolloutStage | null;
}

/** What the UI can offer from the current stage; `moveStage` (rollout.ts) enforces the same rules. */
export function allowedMoves(rollout: { stage: RolloutStage }): AllowedMoves {
  const at = stageOrder(rollout.stage);
  return { forward: ROLLOUT_STAGES.slice(at + 1), back: ROLLOUT_STAGES[at - 1] ?? null };
}

/** True when the entry moved the rollout back a stage. */
export const isRollback = (entry: { stage: RolloutStage; from: RolloutStage }): boolean => stageOrder(entry.stage) < stageOrder(entry.from);
