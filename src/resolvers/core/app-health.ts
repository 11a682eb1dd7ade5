import { appHealth, type AppPermissions } from '../../domain/gate/app-health';

/** The app's own permissions, read beside the rest: a failed read says so instead of failing the page. */
export function healthOf(projectKey: string, settled: PromiseSettledResult<AppPermissions>): string[] {
  return appHealth(projectKey, settled.status === 'fulfilled' ? settled.value : null);
}
