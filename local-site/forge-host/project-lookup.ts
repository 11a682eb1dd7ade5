import type { ProjectRef } from './host-types';

/**
 * The project behind a module's context, as Forge puts it there (id, key, name, type), asked of the site
 * as the app once per project and kept for the host's life: a project's key and id do not change while
 * it runs. Found by key or by id.
 */
export function projectLookup(baseUrl: string, appSecret: string): (projectKeyOrId: string) => Promise<ProjectRef> {
  const projects = new Map<string, ProjectRef>();
  return async (projectKey) => {
    const cached = projects.get(projectKey);
    if (cached) return cached;
    const res = await fetch(new URL(`/rest/api/3/project/${encodeURIComponent(projectKey)}`, baseUrl), {
      headers: { authorization: `ForgeApp ${appSecret}`, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`Project '${projectKey}' was not found on the local site (HTTP ${res.status})`);
    const body = (await res.json()) as { id: string; key: string; name: string; projectTypeKey?: string };
    const ref = { id: String(body.id), key: body.key, name: body.name, type: body.projectTypeKey ?? 'software' };
    projects.set(projectKey, ref);
    projects.set(ref.id, ref);
    return ref;
  };
}
