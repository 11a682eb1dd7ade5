import { json } from '../http';
import { param, type Route } from './types';

export const versionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/version$/,
    handler: async (ctx) => json(201, ctx.store.createVersion(ctx.principal, await ctx.body(), ctx.events)),
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/version\/([^/]+)$/,
    handler: (ctx) => json(200, ctx.store.getVersion(ctx.principal, param(ctx, 0))),
  },
  {
    method: 'PUT',
    pattern: /^\/rest\/api\/3\/version\/([^/]+)$/,
    handler: async (ctx) => {
      // Permission and visibility come before the body, so a 404/403 is not masked by a 400.
      ctx.store.visibleVersion(ctx.principal, param(ctx, 0));
      return json(200, ctx.store.updateVersion(ctx.principal, param(ctx, 0), await ctx.body(), ctx.events));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/rest\/api\/3\/version\/([^/]+)$/,
    handler: (ctx) => {
      ctx.store.deleteVersion(ctx.principal, param(ctx, 0), ctx.events);
      return json(204);
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/version\/([^/]+)\/relatedwork$/,
    handler: (ctx) => json(200, ctx.store.listRelatedWork(ctx.principal, param(ctx, 0))),
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/version\/([^/]+)\/relatedwork$/,
    handler: async (ctx) => json(201, ctx.store.createRelatedWork(ctx.principal, param(ctx, 0), await ctx.body())),
  },
];
