/**
 * The release gate: Jira cannot veto a release, so whenever a version becomes released the app re-reads
 * it and, if the gate is closed, puts it back to unreleased and records why on the version's gate
 * property. Every way in is handled: `released` (PUT released:true, the Release button), `created` (a
 * version born released) and `updated` (a released version nobody decided on yet). filter.ignoreSelf
 * keeps the app's own un-release from coming back.
 *
 * Fails closed: a Jira failure is retried within the trigger's time budget; when it still cannot decide,
 * the record says so and the frequent re-check (`recheckReleases`) decides later.
 *
 * Duplicates: a re-delivered event finds the version already unreleased (nothing to do); two deliveries
 * racing each other carry the same `releaseEventKey`, and the second one saw the version released before
 * the first put it back, so its entry is dropped (`withBlock` with `observedAt`). Someone releasing again
 * after a block is a new attempt and is recorded.
 */
import { calendarDateIn } from '#domain/calendar';
import { AppError } from '#domain/errors';
import {
  allowedWhy,
  attemptDecided,
  gateAllowsRelease,
  gateReason,
  releaseEventKey,
  withDecision,
  withPutBack,
  type BlockEntry,
  type GateRecord,
  type GateState,
  type ReleaseDecision,
} from '#domain/gate/rules';
import { commitGateRecord, readGateRecord } from '#resolvers/core/gate-store';
import { failureText, type JiraVersion } from '#jira';
import { defaultTriggerDeps, RELEASE_RETRY_DELAYS_MS, siteTimeZone, type TriggerDeps } from './deps';
import { gateFactsOf, indexEntryOf, readGateInputs, updateGateIndex } from './gate-load';

export interface VersionEventPayload {
  eventType?: string;
  version?: { id?: string | number; projectId?: string | number };
  atlassianId?: string;
}

export type ReleaseGateOutcome =
  | { action: 'ignored'; why: string }
  | { action: 'allowed'; versionId: string; state: GateState }
  | { action: 'blocked'; versionId: string; state: GateState; unreleased: boolean; recorded: boolean }
  | { action: 'undecided'; versionId: string; error: string };

/** Events whose version may have become released without the `released` event (born released, edited). */
const CATCH_UP_EVENTS = new Set(['avi:jira:created:version', 'avi:jira:updated:version']);

const sleepFor = (deps: TriggerDeps) => deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/**
 * Runs `attempt` until it answers, waiting `deps.retryDelaysMs` between tries; `retryable` says which
 * failures another try can fix (Jira busy or failing, not "you may not").
 */
export async function withRetries<T>(deps: TriggerDeps, attempt: () => Promise<T>, retryable: (error: unknown) => boolean = () => true): Promise<T> {
  const delays = deps.retryDelaysMs ?? RELEASE_RETRY_DELAYS_MS;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[i];
      if (delay === undefined || !retryable(error)) throw error;
      deps.log.warn(`Release gate: attempt ${i + 1} failed, trying again in ${delay} ms`, error);
      await sleepFor(deps)(delay);
    }
  }
}

const isPermanent = (error: unknown): boolean => error instanceof AppError && (error.error.code === 'FORBIDDEN' || error.error.code === 'NOT_FOUND' || error.error.code === 'INVALID_INPUT');

export interface ReleaseCheck {
  versionId: string;
  /** When the app saw the version released (the trigger's start, or the re-check's). */
  observedAt: string;
  releasedBy: string;
  /** The project the event named, so the property reads can run beside the version read. */
  eventProject?: string;
  /** A catch-up check (created/updated events, the re-check): any decision that let the version stand decides it. */
  onlyUndecided: boolean;
  /**
   * A block already acted on (the version put back) whose record could not be committed yet: the next
   * attempt commits it instead of deciding again (the version, unreleased now, would look like nothing to do).
   */
  pending?: PendingBlock;
}

export interface PendingBlock {
  projectId: string;
  entry: BlockEntry;
  decision: ReleaseDecision;
}

/** The record of this release attempt: its block and decision, unless the attempt is already decided. */
function blockPlan(check: ReleaseCheck, pending: PendingBlock) {
  return (current: GateRecord): GateRecord | null => withPutBack(current, pending.entry, pending.decision, check.observedAt, check.onlyUndecided);
}

/** Commits a block acted on earlier (see `ReleaseCheck.pending`). */
async function recordPending(deps: TriggerDeps, check: ReleaseCheck, pending: PendingBlock): Promise<ReleaseGateOutcome> {
  const target = { projectId: pending.projectId, versionId: check.versionId };
  const committed = await commitGateRecord(deps, target, await readGateRecord(deps, target.projectId, target.versionId), blockPlan(check, pending));
  delete check.pending;
  return { action: 'blocked', versionId: check.versionId, state: pending.entry.gateState, unreleased: pending.entry.unreleaseFailed === undefined, recorded: committed.changed };
}

/**
 * Decides one release: allowed (recorded with why), or blocked and put back / could not be put back
 * (recorded with why and what Jira said). Exactly one decision per release attempt: a check that finds
 * the attempt it saw already decided (a duplicate or late delivery, the re-check racing the trigger)
 * writes nothing, also when it finds that out only when its commit is refused. Throws when Jira fails
 * before a decision is recorded.
 */
export async function decideRelease(deps: TriggerDeps, check: ReleaseCheck): Promise<ReleaseGateOutcome> {
  if (check.pending) return recordPending(deps, check, check.pending);
  const { versionId, releasedBy, observedAt } = check;
  // The event's copy may be stale (or re-delivered): Jira now is what counts. A version never moves between
  // projects, so the event's projectId lets the property reads run beside the version read (one round).
  const eventProject = check.eventProject && /^\d+$/.test(check.eventProject) ? check.eventProject : '';
  const [version, early, releaser, siteZone] = await Promise.all([
    deps.jira.getVersionAsApp(versionId),
    eventProject ? readGateInputs(deps, eventProject, versionId, { withIndex: true }).catch(() => null) : Promise.resolve(null),
    // Who released it, by name, for the block entry: a failed lookup only leaves the name out.
    releasedBy
      ? Promise.resolve()
          .then(() => deps.jira.getUserAsApp(releasedBy))
          .catch((error: unknown) => nameUnknown(deps, releasedBy, error))
      : Promise.resolve(null),
    siteTimeZone(deps),
  ]);
  if (!version) return { action: 'ignored', why: 'the version no longer exists' };
  if (!version.released) return { action: 'ignored', why: 'the version is not released (any more)' };

  // Read again (after the version) when the early reads failed or the event named another project.
  const reads = early && early.projectId === version.projectId ? early : await readGateInputs(deps, version.projectId, version.id, { withIndex: true });
  if (attemptDecided(reads.gate.value, observedAt, check.onlyUndecided)) return { action: 'ignored', why: 'this release was already decided' };
  const facts = gateFactsOf(deps, version, reads, { siteTimeZone: siteZone, releasedAt: observedAt });
  const releasedOn = facts.releasedOn ?? calendarDateIn(new Date(observedAt), facts.rule.timeZone);
  // The index keeps the site's zone only: a version's fallback zone is its own (gateFactsOf).
  const timeZone = siteZone ?? undefined;
  const { evaluation } = facts;
  const target = { projectId: version.projectId, versionId: version.id };

  if (gateAllowsRelease(evaluation.state)) {
    const decision: ReleaseDecision = { at: deps.now().toISOString(), observedAt, gateState: evaluation.state, releasedOn, outcome: 'allowed', why: allowedWhy(evaluation, facts.record.override) };
    const committed = await commitGateRecord(deps, target, reads.gate, (current) => (attemptDecided(current, observedAt, check.onlyUndecided) ? null : withDecision(current, decision)));
    if (!committed.changed) return { action: 'ignored', why: 'this release was already decided' };
    // Released through the gate: the index holds unreleased versions only (same membership as the scan).
    await updateGateIndex(deps, version.projectId, version.id, null, { ...facts, ...(timeZone ? { timeZone } : {}) });
    return { action: 'allowed', versionId, state: evaluation.state };
  }

  const unreleaseFailed = await putBack(deps, version);
  const displayName = releaser?.accountId === releasedBy ? releaser.displayName.trim().slice(0, 255) : '';
  const reason = gateReason({ versionName: version.name, handoff: facts.handoff, evaluation, rule: facts.rule });
  // Stamped once the version is back to unreleased: a check that saw it released saw it before this moment.
  const at = deps.now().toISOString();
  const entry: BlockEntry = {
    at,
    releasedBy: { accountId: releasedBy || 'unknown', ...(displayName ? { displayName } : {}) },
    reason,
    gateState: evaluation.state,
    eventKey: releaseEventKey({ versionId: version.id, releaseDate: version.releaseDate, gateState: evaluation.state, releasedBy }),
    ...(unreleaseFailed ? { unreleaseFailed } : {}),
  };
  const decision: ReleaseDecision = {
    at,
    observedAt,
    gateState: evaluation.state,
    releasedOn,
    outcome: unreleaseFailed ? 'could-not-put-back' : 'put-back',
    why: unreleaseFailed ? `${reason} ${unreleaseFailed}` : reason,
  };
  const pending: PendingBlock = { projectId: version.projectId, entry, decision };
  let committed;
  try {
    // Planned again on what is stored when an override (or another delivery) committed first: both stay.
    committed = await commitGateRecord(deps, target, reads.gate, blockPlan(check, pending));
  } catch (error) {
    // The version is back to unreleased: the next attempt must record why, not find nothing to do.
    check.pending = pending;
    throw error;
  }
  if (committed.changed) await updateGateIndex(deps, version.projectId, version.id, indexEntryOf({ record: committed.value, evaluation }), { ...facts, ...(timeZone ? { timeZone } : {}) });
  return { action: 'blocked', versionId, state: evaluation.state, unreleased: unreleaseFailed === undefined, recorded: committed.changed };
}

/** Puts the version back to unreleased, retrying what Jira may answer next time; says why when it could not. */
async function putBack(deps: TriggerDeps, version: JiraVersion): Promise<string | undefined> {
  try {
    await withRetries(
      deps,
      () => deps.jira.setVersionReleased(version.id, false),
      (error) => !isPermanent(error),
    );
    return undefined;
  } catch (error) {
    deps.log.error(`Release gate: could not un-release version ${version.id}`, error);
    if (error instanceof AppError && error.error.code === 'FORBIDDEN') {
      return `CS Handoff cannot put releases back in this project: the app's user needs Administer Projects (Jira said: ${failureText(error)}). Un-release it by hand.`;
    }
    return `Jira refused to put the version back to unreleased (${failureText(error)}). Un-release it by hand.`;
  }
}

/** A check that could not finish: leave what is known on the record (best effort), for people and the re-check. */
export async function markUndecided(deps: TriggerDeps, check: ReleaseCheck, error: unknown): Promise<void> {
  const text = failureText(error);
  deps.log.error(`Release gate: could not decide the release of version ${check.versionId}; the re-check will decide it`, error);
  const projectId = check.pending?.projectId ?? check.eventProject;
  if (!projectId) return;
  try {
    const first = await readGateRecord(deps, projectId, check.versionId);
    await commitGateRecord(deps, { projectId, versionId: check.versionId }, first, (current) =>
      attemptDecided(current, check.observedAt, check.onlyUndecided) ? null : { ...current, undecided: { since: check.observedAt, error: text } },
    );
  } catch (writeError) {
    deps.log.error(`Release gate: could not record that version ${check.versionId} is undecided`, writeError);
  }
}

export function createReleaseGate(deps: TriggerDeps) {
  return async (event: VersionEventPayload, _context?: unknown): Promise<ReleaseGateOutcome> => {
    const versionId = event?.version?.id === undefined ? '' : String(event.version.id);
    if (!/^\d+$/.test(versionId)) return { action: 'ignored', why: 'the event names no version' };
    const catchUp = CATCH_UP_EVENTS.has(event.eventType ?? '');
    // A created/updated event about a version that is not released needs no Jira call at all.
    if (catchUp && (event.version as { released?: unknown } | undefined)?.released === false) {
      return { action: 'ignored', why: 'the event is about an unreleased version' };
    }
    const check: ReleaseCheck = {
      versionId,
      observedAt: deps.now().toISOString(),
      releasedBy: event.atlassianId ?? '',
      ...(event.version?.projectId === undefined ? {} : { eventProject: String(event.version.projectId) }),
      onlyUndecided: catchUp,
    };
    try {
      return await withRetries(deps, () => decideRelease(deps, check));
    } catch (error) {
      await markUndecided(deps, check, error);
      // Not given up: the check goes to the retry queue, whose consumer decides it later the same way.
      await queueRetry(deps, check);
      return { action: 'undecided', versionId, error: failureText(error) };
    }
  };
}

/** A failed push is logged: the hourly re-check still finds the undecided release. */
async function queueRetry(deps: TriggerDeps, check: ReleaseCheck): Promise<void> {
  if (!deps.enqueueRetry) return;
  try {
    await deps.enqueueRetry(check);
  } catch (error) {
    deps.log.error(`Release gate: could not queue a retry for version ${check.versionId}; the re-check will decide it`, error);
  }
}

/** The releaser's name is only a nicety on the block entry: a failed lookup is logged, never fatal. */
function nameUnknown(deps: TriggerDeps, accountId: string, error: unknown): null {
  deps.log.warn(`Release gate: could not look up the name of ${accountId}`, error);
  return null;
}

export const onVersionReleased = createReleaseGate(defaultTriggerDeps());
