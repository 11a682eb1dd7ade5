/**
 * The signal per rollout stage (the brief: "support is a signal collection system"): how many customers'
 * requests were linked to the release, L3 bugs filed and questions sent from support, at each stage.
 * Pure: the resolver brings Jira's counts and the stored records.
 *
 * Each measure knows its stage its own way. A linked request records the stage on its issue property
 * (Jira counts it per stage); a question from support stores the stage it was asked at; an L3 bug has
 * the stage only in its description's text, so it is placed by when Jira created it, against the
 * rollout's stored stage history (the stage the pre-fill wrote is the one in effect at that moment).
 */
import { ROLLOUT_STAGES, type Rollout, type RolloutStage } from './rollout-stages';

export interface StageSignal {
  stage: RolloutStage;
  /** Customers' requests linked to the release at this stage. */
  requests: number;
  /** L3 bugs (the release's chain-aware label) created while the rollout was at this stage. */
  l3Bugs: number;
  /** Questions support sent from requests ("Not in the handoff") at this stage. */
  questions: number;
}

export interface StageSignals {
  /** One entry per stage, in rollout order (ROLLOUT_STAGES). */
  stages: StageSignal[];
  /**
   * Jira had more L3 bugs than the app reads for the chart (L3_BUGS_READ_MAX): the L3 counts are the
   * first ones only.
   */
  l3Partial: boolean;
}

/** At most this many L3 bugs are read to place them by stage (pages of 100): a release with more is past a chart's help. */
export const L3_BUGS_READ_MAX = 1000;

/**
 * The stage the rollout was at `instant`: the last move at or before it; before the first kept move,
 * the stage that move started from (the history keeps the latest moves only); never moved: the current.
 * Moves are stored to the second (calendar.ts stampOf), so the instant is compared to the second too:
 * something in the same second as a move counts at the stage moved to.
 */
export function stageAt(rollout: Rollout, instant: string): RolloutStage {
  const t = Math.floor(Date.parse(instant) / 1000) * 1000;
  const first = rollout.history[0];
  if (!first) return rollout.stage;
  let stage: RolloutStage = first.from;
  for (const entry of rollout.history) {
    if (Date.parse(entry.at) > t) break;
    stage = entry.stage;
  }
  return stage;
}

export function stageSignals(input: {
  rollout: Rollout;
  /** Jira's count of linked requests per stage (a stage Jira was not asked about counts 0). */
  requests: Partial<Record<RolloutStage, number>>;
  /** When each L3 bug was created (Jira's timestamps). */
  l3CreatedAt: readonly string[];
  l3Partial: boolean;
  /** The stage a question was asked at; questions stored before it was recorded are placed by `askedAt`. */
  questions: readonly { askedAt: string; stage?: RolloutStage | undefined }[];
}): StageSignals {
  const stages = new Map<RolloutStage, StageSignal>(ROLLOUT_STAGES.map((stage) => [stage, { stage, requests: input.requests[stage] ?? 0, l3Bugs: 0, questions: 0 }]));
  const at = (stage: RolloutStage): StageSignal => stages.get(stage) as StageSignal;
  for (const created of input.l3CreatedAt) at(stageAt(input.rollout, created)).l3Bugs += 1;
  for (const q of input.questions) at(q.stage ?? stageAt(input.rollout, q.askedAt)).questions += 1;
  return { stages: [...stages.values()], l3Partial: input.l3Partial };
}
