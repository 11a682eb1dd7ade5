/**
 * Override and withdraw the release gate: project admins only, checked with the caller's own Jira
 * permissions (asUser mypermissions); recorded as the app with who and when. Nothing is written for
 * anyone else.
 */
import { gateIndexEntry, gateIndexWith } from '#domain/gate/gate-index';
import { evaluateGate, fitGateRecord, gateView, type GateRecord, type GateView } from '#domain/gate/rules';
import { commitGateRecord, readGateRecord } from '../core/gate-store';
import { readAccess, requireAdmin, settledValue } from '../core/access';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { putGateIndex, readGateContext, ruleOf } from '../core/gate-context';
import type { Handler } from '../core/run';
import { versionInProject } from '../core/views';
import { handoffFrom, readRecords } from '../core/handoff-store';
import { targetOf } from '../core/handoff-writes';

/**
 * Round 1 (parallel): permissions, the project, version, who they are, the gate record (one storage call
 * and its property), the handoff, the gate index (with the project's settings). Round 2: the gate record
 * committed (compare-and-set: a block the release trigger commits meanwhile is kept, and the override is
 * planned again on top of it) and published; round 3: the index entry, so the overview shows the override
 * at once instead of after the next daily scan.
 */
async function changeOverride(
  deps: ResolverDeps,
  { project: claimed }: CallContext,
  versionId: string,
  what: string,
  change: (record: GateRecord, me: { accountId: string; displayName: string }, now: Date) => GateRecord,
): Promise<GateView> {
  const { jira } = deps;
  // Records are keyed by the claimed id: only read here; requireAdmin proves it before any import (a write).
  const target = targetOf(claimed, versionId);
  const [permissions, version, me, gate, records, stored] = await Promise.allSettled([
    readAccess(deps, claimed),
    jira.getVersion(versionId),
    jira.getMyself(),
    readGateContext(deps, claimed.key, versionId),
    readRecords(deps, target),
    readGateRecord(deps, claimed.id, versionId),
  ]);
  const { project } = requireAdmin(permissions, claimed, what);
  const v = versionInProject(version, versionId, project);
  const now = deps.now();
  const { index, settings } = settledValue(gate);
  const person = settledValue(me);
  const first = project.id === claimed.id ? settledValue(stored) : await readGateRecord(deps, project.id, versionId);
  const committed = await commitGateRecord(deps, { projectId: project.id, versionId }, first, (current) => fitGateRecord(change(current, person, now)));
  const next = committed.value;
  const handoff = await handoffFrom(deps, target, records);
  const input = { version: v, handoff, override: next.override, record: next, rule: ruleOf(deps.lateness, settings), now, walkthroughGate: settings.walkthroughGate };
  const entry = gateIndexEntry(next, evaluateGate(input));
  const nextIndex = gateIndexWith(index, v, entry);
  if (nextIndex) await putGateIndex(deps, project.key, nextIndex);
  return gateView(input);
}

export const overrideGate: Handler<'overrideGate'> = (payload, call, deps) =>
  changeOverride(deps, call, payload.versionId, 'override the release gate', (record, me, now) => ({
    ...record,
    override: { by: { accountId: me.accountId, displayName: me.displayName }, at: now.toISOString(), reason: payload.reason },
  }));

export const withdrawOverride: Handler<'withdrawOverride'> = (payload, call, deps) =>
  changeOverride(deps, call, payload.versionId, 'withdraw a release gate override', (record) => ({ ...record, override: null }));
