import { JiraError } from '../errors';
import { json } from '../http';
import { SettingsSchema } from '../faults';
import type { JiraSiteSettings, RequestLogEntry } from '../types';
import type { RouteContext } from './types';

export interface LocalState {
  settings(): JiraSiteSettings;
  requestLog(): RequestLogEntry[];
}

/** Scripts (benchmarks, browser tests) drive latency, faults and the request log over HTTP. */
export async function handleLocal(ctx: Pick<RouteContext, 'req' | 'url' | 'body'>, state: LocalState) {
  const path = ctx.url.pathname;
  const method = ctx.req.method ?? 'GET';
  if (path === '/_local/jira/settings') {
    if (method === 'GET') return json(200, state.settings());
    if (method === 'PUT') {
      const parsed = SettingsSchema.safeParse(await ctx.body());
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'body'] = issue.message;
        throw new JiraError(400, ['Invalid settings.'], errors);
      }
      const settings = state.settings();
      if (parsed.data.latencyMs !== undefined) settings.latencyMs = parsed.data.latencyMs;
      if (parsed.data.faults !== undefined) settings.faults.splice(0, settings.faults.length, ...parsed.data.faults);
      return json(200, settings);
    }
    throw new JiraError(405, [`Method ${method} is not allowed for ${path}.`], {}, { allow: 'GET, PUT' });
  }
  if (path === '/_local/jira/request-log') {
    if (method === 'GET') return json(200, state.requestLog());
    if (method === 'DELETE') {
      state.requestLog().length = 0;
      return json(204);
    }
    throw new JiraError(405, [`Method ${method} is not allowed for ${path}.`], {}, { allow: 'GET, DELETE' });
  }
  throw new JiraError(404, [`No local-site resource at ${path}.`]);
}
