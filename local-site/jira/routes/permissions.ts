import { JiraError, issueNotFound, projectNotFound } from '../errors';
import { json } from '../http';
import { isKnownPermission, PERMISSIONS } from '../permissions';
import type { Route } from './types';

export const permissionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/mypermissions$/,
    handler: ({ store, principal, url }) => {
      const raw = url.searchParams.get('permissions');
      if (!raw || raw.trim() === '') throw new JiraError(400, ['The permissions query parameter is required.']);
      const keys = raw
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      const unknown = keys.filter((k) => !isKnownPermission(k));
      if (unknown.length > 0) throw new JiraError(400, [`Unrecognized permission key(s): ${unknown.join(', ')}.`]);

      // Without a project or issue context Jira answers whether the permission is held in any project.
      let projectId: number | undefined;
      const projectKey = url.searchParams.get('projectKey');
      const projectIdParam = url.searchParams.get('projectId');
      const issueRef = url.searchParams.get('issueKey') ?? url.searchParams.get('issueId');
      if (projectKey || projectIdParam) {
        const ref = (projectKey ?? projectIdParam) as string;
        const project = store.findProject(ref);
        if (!project || !store.can(principal, project.id, 'BROWSE_PROJECTS')) throw projectNotFound(ref);
        projectId = project.id;
      } else if (issueRef) {
        const issue = store.issueRow(issueRef);
        if (!issue || !store.can(principal, issue.project_id, 'BROWSE_PROJECTS')) throw issueNotFound();
        projectId = issue.project_id;
      }

      const permissions: Record<string, unknown> = {};
      for (const key of keys) {
        if (!isKnownPermission(key)) continue;
        const info = PERMISSIONS[key];
        const have = key === 'ADMINISTER' ? false : projectId !== undefined ? store.can(principal, projectId, key) : store.canAnywhere(principal, key);
        permissions[key] = { ...info, havePermission: have };
      }
      return json(200, { permissions });
    },
  },
];
