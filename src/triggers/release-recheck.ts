/**
 * The frequent re-check behind the release trigger (hourly): Forge delivers product events late (up to
 * about 3 minutes), may drop a trigger that failed, and a trigger can run out of retries while Jira is
 * failing. So every version released recently (release date within the last RECHECK_DAYS days, later, or
 * none, archived or not) whose current release has no decision is decided here, exactly as the trigger would.
 */
import { addDaysTo, releaseDecided } from '#domain/gate/rules';
import { readGateRecord } from '#resolvers/core/gate-store';
import { calendarDateIn } from '#domain/calendar';
import { failureText, type JiraVersion } from '#jira';
import { defaultTriggerDeps, siteTimeZone, type TriggerDeps } from './deps';
import { decideRelease, type ReleaseGateOutcome } from './release-gate';

export const RECHECK_DAYS = 7;
/** Projects re-checked at once (Jira's rate limits allow a few; the hour's run must end inside 55 s). */
export const PROJECTS_AT_ONCE = 5;

export interface RecheckResult {
  projectKey: string;
  checked: number;
  decided: { versionId: string; outcome: ReleaseGateOutcome['action'] }[];
  error?: string;
}

/** Released recently by its date: the date trick moves it, so a far-future date counts as recent too. */
export function releasedRecently(version: JiraVersion, today: string): boolean {
  return version.released && (version.releaseDate === null || version.releaseDate >= addDaysTo(today, -RECHECK_DAYS));
}

async function recheckProject(deps: TriggerDeps, project: { id: string; key: string }, today: string): Promise<RecheckResult> {
  const recent = (await deps.jira.listVersionsAsApp(project.key)).filter((v) => releasedRecently(v, today));
  const decided: RecheckResult['decided'] = [];
  // One record read per recent release; a few at a time (Jira's rate limits).
  for (let i = 0; i < recent.length; i += 5) {
    const batch = recent.slice(i, i + 5);
    const records = await Promise.all(batch.map((v) => readGateRecord(deps, project.id, v.id)));
    for (const [j, version] of batch.entries()) {
      if (releaseDecided(records[j]!.value)) continue;
      const outcome = await decideRelease(deps, { versionId: version.id, observedAt: deps.now().toISOString(), releasedBy: '', eventProject: project.id, onlyUndecided: true });
      decided.push({ versionId: version.id, outcome: outcome.action });
    }
  }
  return { projectKey: project.key, checked: recent.length, decided };
}

export function createReleaseRecheck(deps: TriggerDeps) {
  return async (_event?: unknown, _context?: unknown): Promise<RecheckResult[]> => {
    const [projects, siteZone] = await Promise.all([deps.jira.listProjectsAsApp(), siteTimeZone(deps)]);
    // Which releases are recent enough to re-check: a window of days, so the site's calendar (or UTC) will do.
    const today = calendarDateIn(deps.now(), siteZone ?? deps.timeZone);
    const results: RecheckResult[] = [];
    // A few projects at a time: one after another, 400 projects' version reads alone outlast the 55-second
    // limit and the last projects would never be re-checked (`npm run bench` simulates it).
    for (let i = 0; i < projects.length; i += PROJECTS_AT_ONCE) {
      results.push(...(await Promise.all(projects.slice(i, i + PROJECTS_AT_ONCE).map((project) => recheckProjectSafely(deps, project, today)))));
    }
    return results;
  };
}

async function recheckProjectSafely(deps: TriggerDeps, project: { id: string; key: string }, today: string): Promise<RecheckResult> {
  try {
    return await recheckProject(deps, project, today);
  } catch (error) {
    // One project's failure must not stop the others; the next run tries again.
    deps.log.error(`Release re-check failed for project ${project.key}`, error);
    return { projectKey: project.key, checked: 0, decided: [], error: failureText(error) };
  }
}

export const recheckReleases = createReleaseRecheck(defaultTriggerDeps());
