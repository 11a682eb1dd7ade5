/**
 * The live handoffs a person can read: in every project they can browse, each handoff whose release
 * is in rollout or was released in the last 30 days (domain/card/live.ts). Read from the app's own
 * records through their by-project index, never one Jira call per version:
 *
 * Round 1: the projects the person can browse (Jira lists only those; one call per 50 projects). "Today"
 * is the UTC date: a few hours either way on a 30-day window is not worth a serverInfo call. Round 2, in
 * parallel per project: its content and rollout records (one storage query per 100 of each, paged) and
 * its versions as the person (one call per 100 versions; release dates and "released" are Jira's).
 */
import type { CardReleaseRef } from '#contract';
import { calendarDateIn } from '#domain/calendar';
import { isLiveRelease, newestFirst } from '#domain/card/live';
import type { RolloutStage } from '#domain/living/rollout-stages';
import type { ContentRecord, RolloutRecord } from '#domain/records';
import type { JiraVersion, ListedProject } from '#jira';
import { ENTITIES } from '#store/port';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { handoffPageUrl } from '../core/handoff-writes';
import { projectRecords } from '../core/overview-entries';

export interface LiveHandoff {
  project: ListedProject;
  version: JiraVersion;
  content: ContentRecord;
  stage: RolloutStage;
}

async function projectHandoffs(deps: ResolverDeps, project: ListedProject, today: string): Promise<LiveHandoff[]> {
  const [contents, rollouts, versionList] = await Promise.all([
    projectRecords<ContentRecord>(deps, ENTITIES.content, project.id),
    projectRecords<RolloutRecord>(deps, ENTITIES.rollout, project.id),
    deps.jira.listProjectVersions(project.key),
  ]);
  const versions = new Map(versionList.map((v) => [v.id, v]));
  const stages = new Map(rollouts.map((r) => [r.versionId, r.rollout.stage]));
  return contents.flatMap((content) => {
    const version = versions.get(content.versionId);
    if (!version) return [];
    const stage = stages.get(content.versionId) ?? 'not-started';
    return isLiveRelease({ released: version.released, releaseDate: version.releaseDate, stage }, today) ? [{ project, version, content, stage }] : [];
  });
}

/** Newest release first. */
export async function liveHandoffs(deps: ResolverDeps): Promise<LiveHandoff[]> {
  const projects = await deps.jira.listBrowsableProjects();
  const today = calendarDateIn(deps.now(), 'UTC');
  const perProject = await Promise.all(projects.map((p) => projectHandoffs(deps, p, today)));
  return perProject.flat().sort((a, b) => newestFirst({ releaseDate: a.version.releaseDate, versionId: a.version.id }, { releaseDate: b.version.releaseDate, versionId: b.version.id }));
}

/** How the card names a release; the site's address comes from Jira (call.siteUrl), never from the page. */
export function releaseRef(siteUrl: string, deps: ResolverDeps, project: ListedProject, version: JiraVersion, stage: RolloutStage): CardReleaseRef {
  return {
    projectId: project.id,
    projectKey: project.key,
    projectName: project.name,
    versionId: version.id,
    versionName: version.name,
    releaseDate: version.releaseDate,
    released: version.released,
    stage,
    handoffUrl: handoffPageUrl(siteUrl, project, version.id, deps.appIdentity()),
  };
}

export async function liveReleaseRefs(deps: ResolverDeps, call: CallContext): Promise<CardReleaseRef[]> {
  const [live, siteUrl] = await Promise.all([liveHandoffs(deps), call.siteUrl()]);
  return live.map((h) => releaseRef(siteUrl, deps, h.project, h.version, h.stage));
}
