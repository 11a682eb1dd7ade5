/**
 * What a customer's request records about the release it is about: an issue entity property on the
 * request, indexed for JQL through the manifest's `jira:entityProperty`, so
 * `issue.property[cs-handoff.release].versionId = 10003 AND issue.property[cs-handoff.release].stage = "5"`
 * lists every request about a release at a rollout stage. Pure.
 */
import { stageLabel, type RolloutStage } from './living/rollout-stages';

/** The issue property key (Jira allows 255 characters); the manifest's jira:entityProperty names the same key. */
export const REQUEST_RELEASE_PROPERTY_KEY = 'cs-handoff.release';

export interface RequestReleaseLink {
  schemaVersion: 1;
  requestKey: string;
  versionId: string;
  versionName: string;
  projectId: string;
  projectKey: string;
  /** The rollout stage when the request was linked (indexed: `stage = "5"`). */
  stage: RolloutStage;
  /** The same stage in words ("5%", "Not started"). */
  stageLabel: string;
  linkedAt: string;
  /** Account id of the person who linked it. */
  linkedBy: string;
}

export function requestReleaseLink(input: {
  requestKey: string;
  version: { id: string; name: string };
  project: { id: string; key: string };
  stage: RolloutStage;
  accountId: string;
  at: Date;
}): RequestReleaseLink {
  return {
    schemaVersion: 1,
    requestKey: input.requestKey,
    versionId: input.version.id,
    versionName: input.version.name,
    projectId: input.project.id,
    projectKey: input.project.key,
    stage: input.stage,
    stageLabel: stageLabel(input.stage),
    linkedAt: input.at.toISOString(),
    linkedBy: input.accountId,
  };
}

/**
 * JQL for the requests linked to a release at one rollout stage, on the search aliases manifest.yml's
 * jira:entityProperty declares for this property. `versionId` is a checked version id (digits).
 */
export const requestsAtStageJql = (versionId: string, stage: RolloutStage): string => `csHandoffRelease = "${versionId}" AND csHandoffStage = "${stage}"`;
