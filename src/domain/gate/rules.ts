/**
 * The release gate: pure rules, no I/O. A version's gate state is derived from its release date,
 * its handoff (status, readyAt), the project's lead time and any recorded override. Lateness itself
 * is `isLate` from state.ts: this module adds the deadline, the warning window and the wording.
 */
import { formatCalendarDate } from '../date-format';
import { z } from 'zod';
import { calendarDateIn, daysBetween, isCalendarDate } from '../calendar';
import type { HandoffStatus } from '../handoff';
import { DEFAULT_LEAD_TIME_DAYS, isLate, type LatenessRule } from '../state';
import { jsonBytes, PROPERTY_MAX_BYTES } from '../storage-size';
import { walkthroughBlocks, type WalkthroughFacts } from '../walkthrough/rules';

export type GateState = 'ok' | 'missing' | 'due-soon' | 'overdue' | 'late' | 'overridden';

/** How many days before the deadline a not-ready handoff turns "due soon". */
export const DUE_SOON_DAYS = 2;
/** Block entries kept per version (oldest dropped first). */
export const MAX_BLOCKS = 20;

// ---- settings ----------------------------------------------------------------------------

export const LEAD_TIME_MIN = 1;
export const LEAD_TIME_MAX = 60;

export const LeadTimeDaysSchema = z
  .number({ error: 'Lead time must be a number of days' })
  .int({ error: 'Lead time must be a whole number of days' })
  .min(LEAD_TIME_MIN, { error: `Lead time must be at least ${LEAD_TIME_MIN} day` })
  .max(LEAD_TIME_MAX, { error: `Lead time must be at most ${LEAD_TIME_MAX} days` });

export const ProjectSettingsSchema = z.object({
  leadTimeDays: LeadTimeDaysSchema,
  walkthroughGate: z.boolean(),
});
export type ProjectSettings = z.output<typeof ProjectSettingsSchema>;

export const DEFAULT_SETTINGS: ProjectSettings = { leadTimeDays: DEFAULT_LEAD_TIME_DAYS, walkthroughGate: false };

/** A missing or unreadable settings property reads as the defaults. */
export function parseSettings(value: unknown): ProjectSettings {
  const parsed = ProjectSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

// ---- the per-version gate record (blocks + override) -------------------------------------

const Person = z.object({ accountId: z.string().min(1).max(128), displayName: z.string().max(255).optional() });

export const GateStateSchema = z.enum(['ok', 'missing', 'due-soon', 'overdue', 'late', 'overridden']);

export const BlockEntrySchema = z.object({
  at: z.string(),
  releasedBy: Person,
  /** In words a release manager understands: what is wrong and by when it had to be done. */
  reason: z.string().max(1000),
  gateState: GateStateSchema,
  /** Same release attempt delivered twice → same key; see `releaseEventKey`. */
  eventKey: z.string().max(300),
  /** Set when Jira refused to put the version back to unreleased: what Jira said. */
  unreleaseFailed: z.string().max(500).optional(),
});
export type BlockEntry = z.output<typeof BlockEntrySchema>;

export const OverrideSchema = z.object({ by: Person, at: z.string(), reason: z.string().min(10).max(500) });
export type GateOverride = z.output<typeof OverrideSchema>;

/**
 * How the latest release of the version was decided. `put-back`: blocked and unreleased again, so a
 * version that is released now was released again since (not decided yet); the other two outcomes
 * decide the release the version is in.
 */
export const ReleaseDecisionSchema = z.object({
  at: z.string(),
  outcome: z.enum(['allowed', 'put-back', 'could-not-put-back']),
  gateState: GateStateSchema,
  /** 'YYYY-MM-DD': the day the app saw it released, in the gate's time zone. */
  releasedOn: z.string(),
  /** When the deciding check saw the version released (tells which release a decision was about). */
  observedAt: z.string().optional(),
  /** In words: why it was allowed, or why it was blocked (and what Jira said when it could not be put back). */
  why: z.string().max(1500),
});
export type ReleaseDecision = z.output<typeof ReleaseDecisionSchema>;

export const GateRecordSchema = z.object({
  schemaVersion: z.literal(1),
  versionId: z.string(),
  blocks: z.array(BlockEntrySchema).max(MAX_BLOCKS),
  override: OverrideSchema.nullable(),
  /** The latest release attempt's decision (also the last of `decisions`). */
  decision: ReleaseDecisionSchema.optional(),
  /** One decision per release attempt, oldest first (the last MAX_BLOCKS kept). */
  decisions: z.array(ReleaseDecisionSchema).max(MAX_BLOCKS).optional(),
  /** Set when the release trigger could not decide (Jira failing); the frequent re-check decides it then. */
  undecided: z.object({ since: z.string(), error: z.string().max(500) }).optional(),
});
export type GateRecord = z.output<typeof GateRecordSchema>;

export function emptyGateRecord(versionId: string): GateRecord {
  return { schemaVersion: 1, versionId, blocks: [], override: null };
}

/**
 * The record as it can be stored (Jira's 32,768-byte limit per property): the oldest blocks go first,
 * the override and the latest block always stay.
 */
export function fitGateRecord(record: GateRecord): GateRecord {
  let next = record;
  while (jsonBytes(next) > PROPERTY_MAX_BYTES && (next.blocks.length > 1 || (next.decisions?.length ?? 0) > 1)) {
    next = { ...next, blocks: next.blocks.length > 1 ? next.blocks.slice(1) : next.blocks, ...(next.decisions && next.decisions.length > 1 ? { decisions: next.decisions.slice(1) } : {}) };
  }
  return next;
}

/** A missing record is an empty one; an unreadable one is also treated as empty (it is only history). */
export function parseGateRecord(value: unknown, versionId: string): GateRecord {
  const parsed = GateRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyGateRecord(versionId);
}

// ---- evaluation --------------------------------------------------------------------------

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

function walkthroughFacts(handoff: GateInput['handoff']): WalkthroughFacts | null {
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

// ---- wording -----------------------------------------------------------------------------

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

// ---- block entries -----------------------------------------------------------------------

/**
 * Forge's release event carries no event id, so the key is what identifies one release attempt:
 * the version, the release date it was released with, the gate state it met, and who released it.
 * A re-delivered event has the same key; releasing again after something changed has a new one.
 */
export function releaseEventKey(parts: { versionId: string; releaseDate: string | null; gateState: GateState; releasedBy: string }): string {
  return ['released', parts.versionId, parts.releaseDate ?? 'none', parts.gateState, parts.releasedBy || 'unknown'].join(':');
}

/** Two deliveries of one event this close together are the same attempt; later ones are a new attempt. */
export const DEDUPE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Whether the entry repeats the record's latest block. `observedAt` is when the trigger saw the version
 * released: if the latest block put the version back AFTER that moment, this delivery saw the same release
 * (a duplicate racing the first); if it saw the version released after that block, someone released it
 * again (a new attempt, recorded even seconds later). When the latest block could not un-release the
 * version it stayed released, so only the key and the time window can tell a re-delivery.
 */
export function isDuplicateBlock(record: GateRecord, entry: Pick<BlockEntry, 'eventKey' | 'at'>, observedAt?: string): boolean {
  const last = record.blocks[record.blocks.length - 1];
  if (!last || last.eventKey !== entry.eventKey) return false;
  if (observedAt !== undefined && !last.unreleaseFailed) return Date.parse(observedAt) <= Date.parse(last.at);
  return Math.abs(Date.parse(entry.at) - Date.parse(last.at)) < DEDUPE_WINDOW_MS;
}

/** The record with the entry appended (keeping the last MAX_BLOCKS), or unchanged when it is a duplicate. */
export function withBlock(record: GateRecord, entry: BlockEntry, observedAt?: string): GateRecord {
  if (isDuplicateBlock(record, entry, observedAt)) return record;
  return { ...record, blocks: [...record.blocks, entry].slice(-MAX_BLOCKS) };
}

/** Whether the release the version is in now has been decided (a released version with no decision is re-checked). */
export function releaseDecided(record: GateRecord): boolean {
  return record.decision !== undefined && record.decision.outcome !== 'put-back';
}

/**
 * Whether the release a check saw at `observedAt` already has its decision, so this check (a duplicate
 * or late delivery, the re-check racing the trigger) must add none.
 *
 * A put-back decision made after the moment this check saw the version released undid the very release it
 * saw (the app writes it only once the version is back to unreleased); a release seen after it is a new
 * attempt. A decision that let the version stand (or could not put it back) decides the release the
 * version is in: for a catch-up check (`anyRelease`: created/updated events, the re-check) always; for a
 * `released` delivery only within DEDUPE_WINDOW_MS, since Forge's event carries no id and someone may
 * have un-released and released it again since.
 */
export function attemptDecided(record: GateRecord, observedAt: string, anyRelease = false): boolean {
  const latest = record.decision;
  if (!latest) return false;
  const decidedAt = Date.parse(latest.at);
  if (latest.outcome === 'put-back') return decidedAt >= Date.parse(observedAt);
  return anyRelease || decidedAt >= Date.parse(observedAt) - DEDUPE_WINDOW_MS;
}

/**
 * The record with one more release attempt decided: `decision` is the latest, `decisions` keeps each.
 * `replaceLatest`: the decision replaces the latest one, which decided the same attempt otherwise.
 */
export function withDecision(record: GateRecord, decision: ReleaseDecision, replaceLatest = false): GateRecord {
  const { undecided: _, ...rest } = record;
  // A record from before `decisions` existed starts its list with the decision it already had.
  const earlier = record.decisions ?? (record.decision ? [record.decision] : []);
  const kept = replaceLatest ? earlier.slice(0, -1) : earlier;
  return { ...rest, decision, decisions: [...kept, decision].slice(-MAX_BLOCKS) };
}

/**
 * The block and decision of an attempt this check put back (`entry.at`: when it was back to unreleased).
 * Another check may have recorded an allowed decision meanwhile (it read an override this check had not
 * seen yet). If that check saw the version released before this one put it back, it decided the same
 * attempt, and the version is what this check left it, unreleased: this decision replaces that one, so
 * the attempt still has exactly one. If it saw the version released after that, it decided a new
 * release: this attempt's decision goes in before it. Null when the attempt is decided otherwise.
 */
export function withPutBack(record: GateRecord, entry: BlockEntry, decision: ReleaseDecision, observedAt: string, anyRelease: boolean): GateRecord | null {
  if (!attemptDecided(record, observedAt, anyRelease)) return withDecision(withBlock(record, entry, observedAt), decision);
  const latest = record.decision;
  if (latest?.outcome !== 'allowed') return null;
  const blocked = withBlock(record, entry, observedAt);
  if (Date.parse(latest.observedAt ?? latest.at) <= Date.parse(entry.at)) return withDecision(blocked, decision, true);
  const earlier = (record.decisions ?? [latest]).slice(0, -1);
  return { ...blocked, decisions: [...earlier, decision, latest].slice(-MAX_BLOCKS) };
}

/** Why a release went through, for its decision record. */
export function allowedWhy(evaluation: GateEvaluation, override: GateOverride | null): string {
  if (evaluation.state === 'overridden' && override) {
    return `Released under an override by ${override.by.displayName || override.by.accountId} (${override.at}): ${override.reason}`;
  }
  return `Released through the gate: the CS handoff was ready by ${evaluation.deadline}, the deadline for the release date ${evaluation.releaseDate}.`;
}

export function latestBlock(record: GateRecord | null): BlockEntry | null {
  return record?.blocks[record.blocks.length - 1] ?? null;
}

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
