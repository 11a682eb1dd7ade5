import { appHealth, keptHealth, keptHealthy, type AppPermissions } from '#domain/gate/app-health';
import { ENTITIES, type RecordRef } from '#store/port';
import type { ResolverDeps } from './deps';

/** The app's own permissions, read beside the rest: a failed read says so instead of failing the page. */
export function healthOf(projectKey: string, settled: PromiseSettledResult<AppPermissions>): string[] {
  return appHealth(projectKey, settled.status === 'fulfilled' ? settled.value : null);
}

/** Where the last healthy answer for a project is kept (read in an action's first round, beside its Jira calls). */
export const appHealthRef = (projectId: string): RecordRef => ({ entity: ENTITIES.appHealth, key: projectId });

/**
 * The health line without asking Jira while a healthy answer is kept (`kept`: what `appHealthRef`
 * read, undefined when nothing or the read failed). Otherwise the app's permissions are read, and a
 * healthy answer is kept for the next open; failing to keep it only costs the next open one call.
 */
export async function keptOrCheckedHealth(deps: ResolverDeps, project: { id: string; key: string }, kept: unknown): Promise<string[]> {
  if (keptHealthy(kept, deps.now())) return [];
  const [checked] = await Promise.allSettled([deps.jira.getAppPermissions(project.key)]);
  const lines = healthOf(project.key, checked);
  if (lines.length === 0) await keepHealthAnswer(deps, project, lines);
  return lines;
}

/**
 * After a check made anyway (the settings page checks on every open): a healthy answer is kept, and a
 * warning forgets the kept one, so the overview says it on its next open instead of within the hour.
 */
export async function keepHealthAnswer(deps: ResolverDeps, project: { id: string; key: string }, lines: readonly string[]): Promise<void> {
  const ref = appHealthRef(project.id);
  await (lines.length === 0 ? deps.store.commit([{ ...ref, value: keptHealth(deps.now()) }]) : deps.store.commit([], [ref])).catch((error: unknown) =>
    deps.log.warn(`Could not keep the app's health answer for ${project.key}`, error),
  );
}
