import { JiraError } from '../errors';
import { intParam, json } from '../http';
import { projectRefJson, type VersionRow } from '../json';
import type { JiraVersion } from '../types';
import { param, type Route } from './types';

type StatusFilter = 'released' | 'unreleased' | 'archived';
const ORDER_KEYS = ['sequence', 'name', 'startDate', 'releaseDate', 'description'] as const;
type OrderKey = (typeof ORDER_KEYS)[number];

const statusOf = (v: VersionRow): StatusFilter => (v.archived ? 'archived' : v.released ? 'released' : 'unreleased');

function sortKey(v: VersionRow, key: OrderKey): string | number | null {
  switch (key) {
    case 'sequence':
      return v.sequence;
    case 'name':
      return v.name.toLowerCase();
    case 'startDate':
      return v.start_date;
    case 'releaseDate':
      return v.release_date;
    case 'description':
      return v.description?.toLowerCase() ?? null;
  }
}

export const projectRoutes: Route[] = [
  {
    // Listed before /project/{idOrKey}, which would otherwise take "search" for a project key.
    method: 'GET',
    pattern: /^\/rest\/api\/3\/project\/search$/,
    handler: ({ store, principal, url }) => {
      const startAt = intParam(url, 'startAt', 0);
      const maxResults = Math.min(intParam(url, 'maxResults', 50, 1), 100);
      const browsable = store.browsableProjectIds(principal);
      // keys=A&keys=B and id=1&id=2 narrow the list (up to 50 each, as Jira allows); both may be given.
      const keys = url.searchParams
        .getAll('keys')
        .flatMap((k) => k.split(','))
        .filter(Boolean);
      const ids = url.searchParams
        .getAll('id')
        .flatMap((k) => k.split(','))
        .filter(Boolean);
      if (keys.length > 50 || ids.length > 50) throw new JiraError(400, ['Up to 50 project keys and 50 project IDs can be provided.']);
      const visible = store
        .listProjects()
        .filter((p) => browsable.has(p.id))
        .filter((p) => (keys.length === 0 && ids.length === 0) || keys.includes(p.key) || ids.includes(String(p.id)));
      // properties=a,b: each project's values of those properties (absent ones left out), as Jira adds them.
      const propertyKeys = url.searchParams
        .getAll('properties')
        .flatMap((k) => k.split(','))
        .filter(Boolean);
      const values = visible.slice(startAt, startAt + maxResults).map((p) => ({
        ...projectRefJson(store.baseUrl, p),
        style: 'classic',
        isPrivate: false,
        properties: Object.fromEntries(propertyKeys.flatMap((key) => (store.hasProperty(p.id, key) ? [[key, store.getProperty(principal, String(p.id), key)]] : []))),
      }));
      return json(200, {
        self: `${store.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
        maxResults,
        startAt,
        total: visible.length,
        isLast: startAt + values.length >= visible.length,
        values,
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/project\/([^/]+)$/,
    handler: ({ store, principal, params }) => {
      const project = store.visibleProject(principal, params[0] ?? '');
      return json(200, {
        expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
        ...projectRefJson(store.baseUrl, project),
        description: project.description,
        lead: store.userJson(project.lead_account_id),
        components: [],
        issueTypes: store.issueTypeJsonOf(project.id),
        assigneeType: 'UNASSIGNED',
        versions: store.toVersionJsonList(store.versionRows(project.id)),
        roles: {},
        style: 'classic',
        isPrivate: false,
        properties: {},
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/project\/([^/]+)\/versions$/,
    handler: (ctx) => json(200, ctx.store.listVersions(ctx.principal, param(ctx, 0))),
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/project\/([^/]+)\/version$/,
    handler: ({ store, principal, params, url }) => {
      const project = store.visibleProject(principal, params[0] ?? '');
      const startAt = intParam(url, 'startAt', 0);
      const maxResults = Math.min(intParam(url, 'maxResults', 50, 1), 1000);
      let rows = store.versionRows(project.id);

      const status = url.searchParams.get('status');
      if (status) {
        const wanted = status
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        const bad = wanted.find((s) => s !== 'released' && s !== 'unreleased' && s !== 'archived');
        if (bad) throw new JiraError(400, [`Invalid status value: '${bad}'. Valid values are: released, unreleased, archived.`]);
        rows = rows.filter((v) => wanted.includes(statusOf(v)));
      }
      const query = url.searchParams.get('query')?.toLowerCase();
      if (query) rows = rows.filter((v) => v.name.toLowerCase().includes(query) || (v.description ?? '').toLowerCase().includes(query));

      const orderBy = url.searchParams.get('orderBy');
      if (orderBy) {
        const desc = orderBy.startsWith('-');
        const key = orderBy.replace(/^[-+]/, '');
        if (!(ORDER_KEYS as readonly string[]).includes(key)) {
          throw new JiraError(400, [`Invalid orderBy value '${orderBy}'. Valid values are: ${ORDER_KEYS.join(', ')} (optionally prefixed with + or -).`]);
        }
        rows = [...rows].sort((a, b) => {
          const x = sortKey(a, key as OrderKey);
          const y = sortKey(b, key as OrderKey);
          // Empty values sort last whatever the direction, as in Jira's release list.
          if (x === null || y === null) return x === y ? a.sequence - b.sequence : x === null ? 1 : -1;
          const d = x < y ? -1 : x > y ? 1 : a.sequence - b.sequence;
          return desc ? -d : d;
        });
      }

      const values: JiraVersion[] = store.toVersionJsonList(rows.slice(startAt, startAt + maxResults));
      const isLast = startAt + maxResults >= rows.length;
      const self = new URL(url.toString());
      const body: Record<string, unknown> = {
        self: `${store.baseUrl}${self.pathname}${self.search}`,
        maxResults,
        startAt,
        total: rows.length,
        isLast,
        values,
      };
      if (!isLast) {
        self.searchParams.set('startAt', String(startAt + maxResults));
        self.searchParams.set('maxResults', String(maxResults));
        body.nextPage = `${store.baseUrl}${self.pathname}${self.search}`;
      }
      return json(200, body);
    },
  },
];
