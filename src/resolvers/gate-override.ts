/**
 * Override and withdraw the release gate: project admins only, checked with the caller's own Jira
 * permissions (asUser mypermissions); recorded as the app with who and when. Nothing is written for
 * anyone else.
 */
import type { z } from 'zod';
import type { OverrideGatePayloadSchema, WithdrawOverridePayloadSchema } from '../contract';
import { appError } from '../domain/errors';
import { gateView, parseGateRecord, parseSettings, type GateRecord, type GateView } from '../domain/gate/rules';
import { gatePropertyKey, handoffPropertyKey, SETTINGS_PROPERTY_KEY } from '../domain/property-keys';
import type { PermissionSet } from '../jira';
import { requireAccess, settledValue } from './access';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './deps';
import type { Action } from './run';
import { parseStoredHandoff, versionInProject } from './views';

export function requireAdmin(permissions: PromiseSettledResult<PermissionSet>, projectKey: string, what: string): PermissionSet {
  const granted = requireAccess(permissions, 'read', projectKey);
  if (!granted.ADMINISTER_PROJECTS) {
    throw appError('FORBIDDEN', `Only a project admin can ${what}: it needs the Administer projects permission in project ${projectKey}. Ask a project admin.`);
  }
  return granted;
}

async function changeOverride(
  deps: ResolverDeps,
  { project }: CallContext,
  versionId: string,
  what: string,
  change: (record: GateRecord, me: { accountId: string; displayName: string }, now: Date) => GateRecord,
): Promise<GateView> {
  const { jira } = deps;
  const [permissions, version, me, recordValue, handoffValue, settingsValue] = await Promise.allSettled([
    jira.getMyPermissions(project.key),
    jira.getVersion(versionId),
    jira.getMyself(),
    jira.getProjectProperty(project.key, gatePropertyKey(versionId)),
    jira.getProjectProperty(project.key, handoffPropertyKey(versionId)),
    jira.getProjectProperty(project.key, SETTINGS_PROPERTY_KEY),
  ]);
  requireAdmin(permissions, project.key, what);
  const v = versionInProject(version, versionId, project);
  const now = deps.now();
  const next = change(parseGateRecord(settledValue(recordValue), versionId), settledValue(me), now);
  await jira.putProjectProperty(project.key, gatePropertyKey(versionId), next);
  const handoff = parseStoredHandoff(settledValue(handoffValue), versionId, deps.log);
  const settings = parseSettings(settledValue(settingsValue));
  return gateView({
    version: v,
    handoff,
    override: next.override,
    record: next,
    rule: { leadTimeDays: settings.leadTimeDays, timeZone: deps.lateness.timeZone },
    now,
  });
}

export const overrideGate: Action<z.output<typeof OverrideGatePayloadSchema>, GateView> = (payload, call, deps) =>
  changeOverride(deps, call, payload.versionId, 'override the release gate', (record, me, now) => ({
    ...record,
    override: { by: { accountId: me.accountId, displayName: me.displayName }, at: now.toISOString(), reason: payload.reason },
  }));

export const withdrawOverride: Action<z.output<typeof WithdrawOverridePayloadSchema>, GateView> = (payload, call, deps) =>
  changeOverride(deps, call, payload.versionId, 'withdraw a release gate override', (record) => ({ ...record, override: null }));
