/**
 * The release gate: pure rules, no I/O, one module per concern. This module is where the rest of the
 * app imports them from, and holds what the UI is shown of one version's gate (gateView).
 *
 *   settings.ts    lead time and the walkthrough gate setting
 *   record.ts      the stored gate record: blocks, override, decisions
 *   evaluation.ts  the gate state and deadline of a version
 *   advice.ts      why the gate is closed and what would open it, in words
 *   decisions.ts   block entries and one decision per release attempt
 */
import { walkthroughBlocks } from '../walkthrough/rules';
import { clearBy } from './advice';
import { evaluateGate, walkthroughFacts, type GateInput } from './evaluation';
import { latestBlock, type BlockEntry, type GateOverride, type GateRecord, type GateState } from './record';

export * from './advice';
export * from './decisions';
export { addDaysTo, DUE_SOON_DAYS, evaluateGate, gateAllowsRelease, gateDeadline, judgedReleaseDate, type GateEvaluation, type GateInput } from './evaluation';
export * from './record';
export * from './settings';

/** What the UI shows about the gate of one version. */
export interface GateView {
  state: GateState;
  deadline: string;
  latestBlock: BlockEntry | null;
  override: GateOverride | null;
  clearBy: string[];
  /**
   * What is still open in the CS walkthrough (null: held and settled, or the handoff is not ready yet).
   * Blocking when the project's walkthrough gate is on (then the state and clearBy say so too), a
   * warning to show when it is off.
   */
  walkthroughWarning: string | null;
}

export function gateView(input: GateInput & { record: GateRecord | null }): GateView {
  const evaluation = evaluateGate(input);
  const ready = input.handoff?.status === 'ready';
  return {
    walkthroughWarning: evaluation.walkthroughBlock ?? (ready ? walkthroughBlocks(walkthroughFacts(input.handoff)) : null),
    state: evaluation.state,
    deadline: evaluation.deadline,
    latestBlock: latestBlock(input.record),
    override: input.override,
    clearBy: clearBy({ handoff: input.handoff, evaluation, rule: input.rule }),
  };
}
