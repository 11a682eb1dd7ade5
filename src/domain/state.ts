import { calendarDateIn, daysBetween, isCalendarDate } from './calendar';
import type { HandoffStatus } from './handoff';

/** The state shown as a lozenge per version. `no-handoff`: released without ever having a handoff. */
export type HandoffState = 'missing' | 'draft' | 'ready' | 'late' | 'released' | 'no-handoff';

export const DEFAULT_LEAD_TIME_DAYS = 7;
export const DEFAULT_TIME_ZONE = 'UTC';

export interface LatenessRule {
  /** How many calendar days before the release date the handoff must be ready. */
  leadTimeDays: number;
  /** The time zone whose calendar decides which day `readyAt` fell on. */
  timeZone: string;
}

/**
 * The one rule for which calendar counts days (deadlines, days left, late or not), everywhere: the site's
 * default time zone (Jira serverInfo) when the app can read it, otherwise the time zone of the person who
 * marked the handoff ready (their Jira profile), otherwise UTC.
 */
export function dayTimeZone(site: string | null | undefined, markedReadyBy?: string | null, otherwise: string = DEFAULT_TIME_ZONE): string {
  return site || markedReadyBy || otherwise;
}

export const DEFAULT_LATENESS_RULE: LatenessRule = { leadTimeDays: DEFAULT_LEAD_TIME_DAYS, timeZone: DEFAULT_TIME_ZONE };

export interface StateInput {
  version: { released: boolean; releaseDate: string | null };
  /** Null when the version has no handoff. */
  handoff: { status: HandoffStatus; readyAt: string | null } | null;
}

/**
 * Released wins (there is nothing left to hand off; a release that never had a handoff says so, rather
 * than "Released" as if one had been handed off), then missing / draft, then ready vs late.
 * A ready handoff without a release date cannot be late; moving the release date later can turn a
 * late handoff back into an on-time one, because lateness is derived, never stored.
 */
export function handoffState(input: StateInput, rule: LatenessRule = DEFAULT_LATENESS_RULE): HandoffState {
  const { handoff } = input;
  if (input.version.released) return handoff ? 'released' : 'no-handoff';
  if (!handoff) return 'missing';
  if (handoff.status === 'draft') return 'draft';
  return isLate(handoff.readyAt, input.version.releaseDate, rule) ? 'late' : 'ready';
}

export function isLate(readyAt: string | null, releaseDate: string | null, rule: LatenessRule = DEFAULT_LATENESS_RULE): boolean {
  if (readyAt === null || releaseDate === null || !isCalendarDate(releaseDate)) return false;
  const readyInstant = new Date(readyAt);
  if (Number.isNaN(readyInstant.getTime())) return false;
  const readyDate = calendarDateIn(readyInstant, rule.timeZone);
  return daysBetween(readyDate, releaseDate) < rule.leadTimeDays;
}
