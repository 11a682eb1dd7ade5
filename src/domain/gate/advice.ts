/**
 * The gate in words: why it is closed (for the block record and the page) and what would open it,
 * each action enough on its own.
 */
import { calendarDateIn, daysBetween } from '../calendar';
import { formatCalendarDate } from '../date-format';
import type { HandoffStatus } from '../handoff';
import type { LatenessRule } from '../state';
import { addDaysTo, type GateEvaluation } from './evaluation';

export interface Wording {
  versionName: string;
  handoff: { status: HandoffStatus; readyAt: string | null } | null;
  evaluation: GateEvaluation;
  rule: LatenessRule;
}

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const on = formatCalendarDate;

/** Why the gate is closed, as one or two sentences a release manager can act on. Empty when it is open. */
export function gateReason({ versionName, handoff, evaluation, rule }: Wording): string {
  const { underlying, deadline, releaseDate } = evaluation;
  const need = `It had to be ready by ${on(deadline)} (${days(rule.leadTimeDays)} before the release date ${on(releaseDate)}).`;
  const needFuture = `It must be ready by ${on(deadline)} (${days(rule.leadTimeDays)} before the release date ${on(releaseDate)}).`;
  if (evaluation.walkthroughBlock) {
    return `The CS handoff for ${versionName} is ready, but the project's walkthrough gate is on: ${evaluation.walkthroughBlock}`;
  }
  switch (underlying) {
    case 'ok':
      return '';
    case 'late': {
      const readyOn = handoff?.readyAt ? calendarDateIn(new Date(handoff.readyAt), rule.timeZone) : releaseDate;
      const before = daysBetween(readyOn, releaseDate);
      return `The CS handoff for ${versionName} is late: it became ready on ${on(readyOn)}, ${before < 0 ? `${days(-before)} after` : `only ${days(before)} before`} the release date ${on(releaseDate)}. ${need}`;
    }
    case 'overdue':
    case 'due-soon':
    case 'missing': {
      const what = handoff ? `The CS handoff for ${versionName} is still a draft.` : `${versionName} has no CS handoff yet.`;
      return `${what} ${underlying === 'overdue' ? need : needFuture}`;
    }
  }
}

/**
 * One thing that, done on its own, opens the gate (a combination is one action). `releaseDate` is the
 * earliest date the version may then be released on: the gate judges the earlier of the planned date and
 * the day it goes out, so releasing before the planned date counts from that day.
 */
export type ClearingAction = { text: string } & (
  | { kind: 'mark-ready'; by: string; settleWalkthrough: boolean }
  | { kind: 'mark-ready-and-move-date'; releaseDate: string; settleWalkthrough: boolean }
  | { kind: 'move-date'; releaseDate: string; settleWalkthrough: boolean }
  | { kind: 'settle-walkthrough' }
  | { kind: 'override' }
);

/**
 * What would clear the gate, in order of preference; each action is enough on its own. A handoff that
 * is not ready yet needs to become ready: before its deadline that alone is enough, after it only
 * together with a later release date (today + lead time). A late one needs a release date at least the
 * lead time after the day it became ready. A walkthrough block is cleared by settling the walkthrough.
 */
export function clearingActions({ handoff, evaluation, rule }: Omit<Wording, 'versionName'>): ClearingAction[] {
  if (evaluation.state === 'ok' || evaluation.state === 'overridden') return [];
  const out: ClearingAction[] = [];
  const moveTo = (date: string) => `move the release date to ${on(date)} or later (and release it on or after that day)`;
  // With the project's walkthrough gate on, becoming ready (or on time) is not enough by itself.
  const settleWalkthrough = evaluation.walkthroughPending !== null;
  const alsoSettle = (text: string) => (settleWalkthrough ? `${text}, and hold the walkthrough with the CS lead and settle every question raised there` : text);
  if (evaluation.walkthroughBlock) {
    out.push({ kind: 'settle-walkthrough', text: 'hold the walkthrough with the CS lead and settle every question raised there' });
  } else if (evaluation.underlying === 'late') {
    const readyOn = handoff?.readyAt ? calendarDateIn(new Date(handoff.readyAt), rule.timeZone) : evaluation.today;
    const releaseDate = addDaysTo(readyOn, rule.leadTimeDays);
    out.push({ kind: 'move-date', text: alsoSettle(moveTo(releaseDate)), releaseDate, settleWalkthrough });
  } else {
    const write = handoff ? 'finish the handoff and mark it ready' : 'write the handoff and mark it ready';
    if (daysBetween(evaluation.today, evaluation.deadline) >= 0) {
      out.push({ kind: 'mark-ready', text: alsoSettle(`${write} by ${on(evaluation.deadline)}`), by: evaluation.deadline, settleWalkthrough });
    } else {
      const releaseDate = addDaysTo(evaluation.today, rule.leadTimeDays);
      const combined = handoff ? 'finish the handoff, mark it ready' : 'write the handoff, mark it ready';
      out.push({ kind: 'mark-ready-and-move-date', text: alsoSettle(`${combined} and ${moveTo(releaseDate)}`), releaseDate, settleWalkthrough });
    }
  }
  out.push({ kind: 'override', text: 'a project admin can override' });
  return out;
}

/** The clearing actions as the sentences the UI and the validator show. */
export function clearBy(wording: Omit<Wording, 'versionName'>): string[] {
  return clearingActions(wording).map((action) => action.text);
}
