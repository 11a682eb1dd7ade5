/**
 * The gate state of a version, derived from its release date, its handoff (status, readyAt), the
 * project's lead time and any recorded override. Lateness itself is `isLate` from state.ts: this module
 * adds the deadline and the warning window.
 */
import { calendarDateIn, daysBetween, isCalendarDate } from '../calendar';
import type { HandoffStatus } from '../handoff';
import { isLate, type LatenessRule } from '../state';
import { walkthroughBlocks, type WalkthroughFacts } from '../walkthrough/rules';
import type { GateOverride, GateState } from './record';

/** How many days before the deadline a not-ready handoff turns "due soon". */
export const DUE_SOON_DAYS = 2;

export interface GateInput {
  version: { name: string; releaseDate: string | null };
  /** With the walkthrough (stored handoff) or its unsettled count (index entry), for the walkthrough gate. */
  handoff: ({ status: HandoffStatus; readyAt: string | null } & WalkthroughFacts) | null;
  /** The project's `walkthroughGate` setting: an unsettled walkthrough then keeps the gate closed. */
  walkthroughGate?: boolean;
  override: GateOverride | null;
  rule: LatenessRule;
  now: Date;
  /**
   * 'YYYY-MM-DD': the day the version was (or is being) released, when judging a release. Lateness is then
   * judged against the earlier of this and the planned release date, so a date moved out before (or in the
   * same change as) the release, or moved after it, cannot make a late handoff look on time.
   */
  releasedOn?: string;
}

export interface GateEvaluation {
  state: GateState;
  /** What the state would be without the override (equal to `state` when there is none). */
  underlying: Exclude<GateState, 'overridden'>;
  /** 'YYYY-MM-DD': the last day the handoff can become ready on time. */
  deadline: string;
  /**
   * The release date used: the version's, or today when it has none ("measured from the moment of release");
   * when judging a release, the earlier of that and the day it was released.
   */
  releaseDate: string;
  /** Today's date in the rule's time zone. */
  today: string;
  /** Why the walkthrough keeps the gate closed (walkthrough gate on, handoff ready and on time), else null. */
  walkthroughBlock: string | null;
  /** What the walkthrough gate still needs once the handoff is ready and on time (null: nothing, or gate off). */
  walkthroughPending: string | null;
}

export function addDaysTo(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function gateDeadline(releaseDate: string, leadTimeDays: number): string {
  return addDaysTo(releaseDate, -leadTimeDays);
}

export function evaluateGate(input: GateInput): GateEvaluation {
  const today = calendarDateIn(input.now, input.rule.timeZone);
  const releaseDate = judgedReleaseDate(input.version.releaseDate, input.releasedOn, today);
  const deadline = gateDeadline(releaseDate, input.rule.leadTimeDays);
  let underlying = underlyingState(input, releaseDate, deadline, today);
  // Walkthrough gate: a ready, on-time handoff whose walkthrough is not held or not settled is not done yet,
  // so it is judged by the deadline like a draft (missing, due soon, overdue).
  const walkthroughPending = input.walkthroughGate ? walkthroughBlocks(walkthroughFacts(input.handoff)) : null;
  const walkthroughBlock = underlying === 'ok' ? walkthroughPending : null;
  if (walkthroughBlock) underlying = byDeadline(today, deadline);
  const state = underlying !== 'ok' && input.override ? 'overridden' : underlying;
  return { state, underlying, deadline, releaseDate, today, walkthroughBlock, walkthroughPending };
}

/** The planned date (today when there is none), or the release day when the version went out earlier. */
export function judgedReleaseDate(planned: string | null, releasedOn: string | undefined, today: string): string {
  const date = planned !== null && isCalendarDate(planned) ? planned : today;
  return releasedOn !== undefined && isCalendarDate(releasedOn) && releasedOn < date ? releasedOn : date;
}

/** What the walkthrough gate reads of a handoff: its walkthrough (stored handoff) or its unsettled count (index entry). */
export function walkthroughFacts(handoff: GateInput['handoff']): WalkthroughFacts | null {
  if (!handoff) return null;
  return handoff.walkthrough ? { walkthrough: handoff.walkthrough } : { unsettledQuestions: handoff.unsettledQuestions ?? null };
}

function byDeadline(today: string, deadline: string): 'overdue' | 'due-soon' | 'missing' {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= DUE_SOON_DAYS) return 'due-soon';
  return 'missing';
}

function underlyingState(input: GateInput, releaseDate: string, deadline: string, today: string): GateEvaluation['underlying'] {
  const { handoff } = input;
  if (handoff && handoff.status === 'ready') {
    // A ready handoff without readyAt cannot be dated; isLate treats it as on time, and so do we.
    return isLate(handoff.readyAt, releaseDate, input.rule) ? 'late' : 'ok';
  }
  return byDeadline(today, deadline);
}

/** The gate lets a release through only when the handoff is on time or an admin overrode it. */
export function gateAllowsRelease(state: GateState): boolean {
  return state === 'ok' || state === 'overridden';
}
