/**
 * Release attempts on the gate record: one block entry per attempt the gate put back (re-deliveries of
 * the same event recognised), and exactly one decision per attempt, also when the trigger and the
 * re-check race.
 */
import type { GateEvaluation } from './evaluation';
import { MAX_BLOCKS, type BlockEntry, type GateOverride, type GateRecord, type GateState, type ReleaseDecision } from './record';

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
