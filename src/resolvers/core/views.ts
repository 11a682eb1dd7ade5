import type { HandoffView, ProjectInfo, VersionInfo } from '#contract';
import { AppError, appError } from '#domain/errors';
import { StoredHandoffSchema, type StoredHandoff } from '#domain/handoff';
import { missingForReady } from '#domain/readiness';
import { initialRollout } from '#domain/living/rollout';
import { unsettledQuestions } from '#domain/walkthrough/rules';
import { dayTimeZone, handoffState, type LatenessRule } from '#domain/state';
import type { JiraVersion, PermissionSet } from '#jira';
import { capabilitiesOf, settledValue } from './access';
import type { Logger } from './deps';
import { gateView, type GateRecord, type ProjectSettings } from '#domain/gate/rules';
import { composeHandoff, revisionsOf, type HandoffRecords } from '#domain/records';

export function toVersionInfo(version: JiraVersion): VersionInfo {
  const { id, name, description, releaseDate, released, archived } = version;
  return { id, name, description, releaseDate, released, archived };
}

/**
 * The version, proven to belong to the page's project. A version of another project answers exactly
 * like one that does not exist, so ids cannot be used to probe other projects.
 */
export function versionInProject(result: PromiseSettledResult<JiraVersion>, versionId: string, project: ProjectInfo): JiraVersion {
  if (result.status === 'rejected' && result.reason instanceof AppError && result.reason.error.code === 'NOT_FOUND') {
    throw versionNotFound(versionId, project);
  }
  const version = settledValue(result);
  if (version.projectId !== project.id) throw versionNotFound(versionId, project);
  return version;
}

function versionNotFound(versionId: string, project: ProjectInfo): AppError {
  return appError('NOT_FOUND', `Version ${versionId} was not found in project ${project.key}.`, { fields: { versionId: 'No such version in this project' } });
}

/** The stored handoff, or null when there is none. A value that no longer matches the schema is a bug or a manual edit. */
export function parseStoredHandoff(value: unknown, versionId: string, log: Logger): StoredHandoff | null {
  if (value === null || value === undefined) return null;
  const parsed = StoredHandoffSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.error(`Stored handoff for version ${versionId} does not match the schema`, parsed.error.issues.slice(0, 5));
  throw appError('INTERNAL', `The stored handoff for version ${versionId} could not be read.`);
}

export interface ViewParts {
  project: ProjectInfo;
  version: JiraVersion;
  permissions: PermissionSet;
  /** The handoff's records as committed (the answer shows each record's revision). */
  records: HandoffRecords;
  lateness: LatenessRule;
  /** The version's gate record and the project's settings, when the caller read them (else: none, defaults). */
  gate?: { record: GateRecord | null; settings?: ProjectSettings | undefined; timeZone?: string | undefined } | null | undefined;
  now?: Date;
}

export function handoffView({ project, version, permissions, records, lateness, gate, now }: ViewParts): HandoffView {
  const handoff = composeHandoff(records);
  // The project's lead time decides both the lozenge and the gate, so they never disagree.
  const projectRule = gate?.settings ? { ...lateness, leadTimeDays: gate.settings.leadTimeDays } : lateness;
  // The site's calendar: read by the caller (getHandoff), else the index's copy of it (handoff changes).
  const rule = { ...projectRule, timeZone: dayTimeZone(gate?.timeZone, handoff?.readyTimeZone) };
  return {
    project,
    version: toVersionInfo(version),
    capabilities: capabilitiesOf(permissions),
    handoff,
    state: handoffState({ version, handoff }, rule),
    missingForReady: handoff ? missingForReady(handoff.content) : [],
    leadTimeDays: rule.leadTimeDays,
    timeZone: rule.timeZone,
    gate: gateView({
      version,
      handoff,
      override: gate?.record?.override ?? null,
      record: gate?.record ?? null,
      rule,
      now: now ?? new Date(),
      walkthroughGate: gate?.settings?.walkthroughGate ?? false,
    }),
    walkthrough: handoff?.walkthrough ?? null,
    unsettledQuestions: unsettledQuestions(handoff?.walkthrough),
    rollout: handoff?.rollout ?? initialRollout(),
    revisions: revisionsOf(records),
  };
}
