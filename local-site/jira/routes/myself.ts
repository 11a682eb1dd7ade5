import { json } from '../http';
import { unauthorized } from '../errors';
import type { Route } from './types';

export const myselfRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/myself$/,
    handler: ({ store, principal }) => {
      const accountId = store.accountIdOf(principal);
      const user = accountId ? store.userJson(accountId) : undefined;
      if (!user) throw unauthorized();
      return json(200, {
        ...user,
        groups: { size: 0, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/serverInfo$/,
    anonymous: true,
    handler: ({ store }) => {
      const now = store.now();
      return json(200, {
        baseUrl: store.baseUrl,
        displayUrl: store.baseUrl,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100000,
        buildDate: '2026-01-01T00:00:00.000+0000',
        serverTime: now.toISOString().replace('Z', '+0000'),
        serverTimeZone: store.timeZone,
        scmInfo: 'local-site',
        serverTitle: 'Local Jira site (development and demonstration only)',
        defaultLocale: { locale: 'en_US' },
      });
    },
  },
];
