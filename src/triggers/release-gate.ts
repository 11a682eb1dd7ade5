/**
 * The release gate: Jira cannot veto a release, so when a version is released (avi:jira:released:version,
 * filter.ignoreSelf so the app's own un-release is not handled again) the app re-reads it and, if the gate
 * is closed, puts it back to unreleased and records why on the version's gate property.
 *
 * Duplicates: a re-delivered event finds the version already unreleased (nothing to do); two deliveries
 * racing each other carry the same `releaseEventKey`, and the second one saw the version released before
 * the first put it back, so its entry is dropped (`withBlock` with `observedAt`). Someone releasing again
 * after a block is a new attempt and is recorded.
 */
import { fitGateRecord, gateAllowsRelease, gateReason, releaseEventKey, withBlock, type BlockEntry, type GateState } from '../domain/gate/rules';
import { gatePropertyKey } from '../domain/property-keys';
import { failureText } from '../jira';
import { defaultTriggerDeps, type TriggerDeps } from './deps';
import { gateFactsOf, indexEntryOf, readGateInputs, updateGateIndex } from './gate-load';

export interface VersionEventPayload {
  eventType?: string;
  version?: { id?: string | number; projectId?: string | number };
  atlassianId?: string;
}

export type ReleaseGateOutcome =
  | { action: 'ignored'; why: string }
  | { action: 'allowed'; versionId: string; state: GateState }
  | { action: 'blocked'; versionId: string; state: GateState; unreleased: boolean; recorded: boolean };

export function createReleaseGate(deps: TriggerDeps) {
  return async (event: VersionEventPayload, _context?: unknown): Promise<ReleaseGateOutcome> => {
    const versionId = event?.version?.id === undefined ? '' : String(event.version.id);
    if (!/^\d+$/.test(versionId)) return { action: 'ignored', why: 'the event names no version' };
    // The event's copy may be stale (or re-delivered): Jira now is what counts. A version never moves between
    // projects, so the event's projectId lets the property reads run beside the version read (one round).
    const observedAt = deps.now().toISOString();
    const eventProject = event.version?.projectId === undefined ? '' : String(event.version.projectId);
    const releasedBy = event.atlassianId ?? '';
    // Who released it, by name, for the block entry: in the same round; a failed lookup only leaves the name out.
    const [version, early, releaser] = await Promise.all([
      deps.jira.getVersionAsApp(versionId),
      /^\d+$/.test(eventProject) ? readGateInputs(deps, eventProject, versionId, { withIndex: true }).catch(() => null) : Promise.resolve(null),
      releasedBy ? Promise.resolve().then(() => deps.jira.getUserAsApp(releasedBy)).catch((error: unknown) => nameUnknown(deps, releasedBy, error)) : Promise.resolve(null),
    ]);
    if (!version) return { action: 'ignored', why: 'the version no longer exists' };
    if (!version.released) return { action: 'ignored', why: 'the version is not released (any more)' };

    // Read again (after the version) when the early reads failed or the event named another project.
    const reads = early && early.projectId === version.projectId ? early : await readGateInputs(deps, version.projectId, version.id, { withIndex: true });
    const facts = gateFactsOf(deps, version, reads);
    const { evaluation } = facts;
    if (gateAllowsRelease(evaluation.state)) {
      // Released through the gate: the index holds unreleased versions only (same membership as the scan).
      await updateGateIndex(deps, version.projectId, version.id, null, facts);
      return { action: 'allowed', versionId, state: evaluation.state };
    }

    let unreleaseFailed: string | undefined;
    try {
      await deps.jira.setVersionReleased(version.id, false);
    } catch (error) {
      unreleaseFailed = `Jira refused to put the version back to unreleased (${failureText(error)}). Un-release it by hand.`;
      deps.log.error(`Release gate: could not un-release version ${version.id}`, error);
    }
    const displayName = releaser?.accountId === releasedBy ? releaser.displayName.trim().slice(0, 255) : '';
    const entry: BlockEntry = {
      at: deps.now().toISOString(),
      releasedBy: { accountId: releasedBy || 'unknown', ...(displayName ? { displayName } : {}) },
      reason: gateReason({ versionName: version.name, handoff: facts.handoff, evaluation, rule: facts.rule }),
      gateState: evaluation.state,
      eventKey: releaseEventKey({ versionId: version.id, releaseDate: version.releaseDate, gateState: evaluation.state, releasedBy }),
      ...(unreleaseFailed ? { unreleaseFailed } : {}),
    };
    const next = fitGateRecord(withBlock(facts.record, entry, observedAt));
    const recorded = next !== facts.record;
    // The record (history a person reads) and the index (a cache) are independent writes: one round.
    await Promise.all([
      recorded ? deps.jira.putProjectProperty(version.projectId, gatePropertyKey(version.id), next) : Promise.resolve(),
      updateGateIndex(deps, version.projectId, version.id, indexEntryOf({ record: next, evaluation }), facts),
    ]);
    return { action: 'blocked', versionId, state: evaluation.state, unreleased: unreleaseFailed === undefined, recorded };
  };
}

/** The releaser's name is only a nicety on the block entry: a failed lookup is logged, never fatal. */
function nameUnknown(deps: TriggerDeps, accountId: string, error: unknown): null {
  deps.log.warn(`Release gate: could not look up the name of ${accountId}`, error);
  return null;
}

export const onVersionReleased = createReleaseGate(defaultTriggerDeps());
