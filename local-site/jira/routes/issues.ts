import { ALL_FIELDS, createIssue, getIssue, issueJson, resolveFields } from '../issues';
import { createIssueLink, ISSUE_LINK_TYPES, linkTypeJson } from '../issue-links';
import { deleteIssueProperty, getIssueProperty, issuePropertyKeys, setIssueProperty } from '../issue-properties';
import { intParam, json } from '../http';
import { JiraError } from '../errors';
import { param, type Route } from './types';

const CREATEMETA_MAX_RESULTS = 200;
const ISSUE_PROPERTIES = /^\/rest\/api\/3\/issue\/([^/]+)\/properties/;
const issuePropertyPattern = new RegExp(`${ISSUE_PROPERTIES.source}\\/([^/]+)$`);

export const issueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/issue$/,
    handler: async (ctx) => {
      const row = createIssue(ctx.store, ctx.principal, await ctx.body());
      return json(201, { id: String(row.id), key: row.key, self: `${ctx.store.baseUrl}/rest/api/3/issue/${row.id}` });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/issue\/createmeta\/([^/]+)\/issuetypes$/,
    handler: (ctx) => {
      const project = ctx.store.visibleProject(ctx.principal, param(ctx, 0));
      const startAt = intParam(ctx.url, 'startAt', 0);
      // Jira's spec caps maxResults at 200; more is a bad request, not a silently shorter page.
      const maxResults = intParam(ctx.url, 'maxResults', 50, 1);
      if (maxResults > CREATEMETA_MAX_RESULTS) throw new JiraError(400, [`maxResults must be ${CREATEMETA_MAX_RESULTS} or less.`]);
      // Jira returns no issue types to someone who cannot create issues in the project.
      const all = ctx.store.can(ctx.principal, project.id, 'CREATE_ISSUES') ? ctx.store.issueTypeJsonOf(project.id) : [];
      return json(200, { issueTypes: all.slice(startAt, startAt + maxResults), maxResults, startAt, total: all.length });
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/issue\/([^/]+)$/,
    handler: (ctx) => {
      const row = getIssue(ctx.store, ctx.principal, param(ctx, 0));
      const fields = ctx.url.searchParams.getAll('fields');
      return json(200, issueJson(ctx.store, ctx.principal, row, resolveFields(fields.length > 0 ? fields : undefined, ALL_FIELDS)));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${ISSUE_PROPERTIES.source}$`),
    handler: (ctx) => {
      const ref = param(ctx, 0);
      const keys = issuePropertyKeys(ctx.store, ctx.principal, ref);
      const self = (key: string): string => `${ctx.store.baseUrl}/rest/api/3/issue/${encodeURIComponent(ref)}/properties/${encodeURIComponent(key)}`;
      return json(200, { keys: keys.map((key) => ({ self: self(key), key })) });
    },
  },
  {
    method: 'GET',
    pattern: issuePropertyPattern,
    handler: (ctx) => json(200, { key: param(ctx, 1), value: getIssueProperty(ctx.store, ctx.principal, param(ctx, 0), param(ctx, 1)) }),
  },
  {
    method: 'PUT',
    pattern: issuePropertyPattern,
    handler: async (ctx) => {
      const created = setIssueProperty(ctx.store, ctx.principal, param(ctx, 0), param(ctx, 1), await ctx.body());
      return json(created ? 201 : 200, {});
    },
  },
  {
    method: 'DELETE',
    pattern: issuePropertyPattern,
    handler: (ctx) => {
      deleteIssueProperty(ctx.store, ctx.principal, param(ctx, 0), param(ctx, 1));
      return json(204);
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/issueLinkType$/,
    handler: (ctx) => json(200, { issueLinkTypes: ISSUE_LINK_TYPES.map((t) => linkTypeJson(ctx.store.baseUrl, t)) }),
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/issueLink$/,
    handler: async (ctx) => {
      createIssueLink(ctx.store, ctx.principal, await ctx.body());
      return json(201);
    },
  },
];
