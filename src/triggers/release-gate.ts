/**
 * The release gate: Jira cannot veto a release, so when a version is released (avi:jira:released:version,
 * filter.ignoreSelf so the app's own un-release is not handled again) the app re-reads it and, if the gate
 * is closed, puts it back to unreleased and records why on the version's gate property.
 *
 * Duplicates: a re-delivered event finds the version already unreleased (nothing to do); two deliveries
 * racing each other carry the same `releaseEventKey` and the second entry is dropped (`withBlock`).
 */
import { gateAllowsRelease, gateReason, releaseEventKey, withBlock, type BlockEntry, type GateState } from '../domain/gate/rules';
import { gatePropertyKey } from '../domain/property-keys';
import { failureText } from '../jira';
import { defaultTriggerDeps, type TriggerDeps } from './deps';
import { indexEntryOf, loadGateFacts, updateGateIndex } from './gate-load';

export interface VersionEventPayload {
  eventType?: string;
  version?: { id?: string | number };
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
    // The event's copy may be stale (or re-delivered): Jira now is what counts.
    const version = await deps.jira.getVersionAsApp(versionId);
    if (!version) return { action: 'ignored', why: 'the version no longer exists' };
    if (!version.released) return { action: 'ignored', why: 'the version is not released (any more)' };

    const facts = await loadGateFacts(deps, version);
    const { evaluation } = facts;
    if (gateAllowsRelease(evaluation.state)) {
      await updateGateIndex(deps, version.projectId, version.id, indexEntryOf(facts));
      return { action: 'allowed', versionId, state: evaluation.state };
    }

    let unreleaseFailed: string | undefined;
    try {
      await deps.jira.setVersionReleased(version.id, false);
    } catch (error) {
      unreleaseFailed = `Jira refused to put the version back to unreleased (${failureText(error)}). Un-release it by hand.`;
      deps.log.error(`Release gate: could not un-release version ${version.id}`, error);
    }
    const releasedBy = event.atlassianId ?? '';
    const entry: BlockEntry = {
      at: deps.now().toISOString(),
      releasedBy: { accountId: releasedBy || 'unknown' },
      reason: gateReason({ versionName: version.name, handoff: facts.handoff, evaluation, rule: facts.rule }),
      gateState: evaluation.state,
      eventKey: releaseEventKey({ versionId: version.id, releaseDate: version.releaseDate, gateState: evaluation.state, releasedBy }),
      ...(unreleaseFailed ? { unreleaseFailed } : {}),
    };
    const next = withBlock(facts.record, entry);
    const recorded = next !== facts.record;
    if (recorded) await deps.jira.putProjectProperty(version.projectId, gatePropertyKey(version.id), next);
    await updateGateIndex(deps, version.projectId, version.id, indexEntryOf({ record: next, evaluation }));
    return { action: 'blocked', versionId, state: evaluation.state, unreleased: unreleaseFailed === undefined, recorded };
  };
}

export const onVersionReleased = createReleaseGate(defaultTriggerDeps());
