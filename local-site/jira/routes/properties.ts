import { json } from '../http';
import { param, type Route } from './types';

const BASE = /^\/rest\/api\/3\/project\/([^/]+)\/properties/;
const keyPattern = new RegExp(`${BASE.source}\\/([^/]+)$`);

export const propertyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${BASE.source}$`),
    handler: (ctx) => {
      const projectRef = param(ctx, 0);
      const keys = ctx.store.propertyKeys(ctx.principal, projectRef);
      return json(200, {
        keys: keys.map((key) => ({
          self: `${ctx.store.baseUrl}/rest/api/3/project/${encodeURIComponent(projectRef)}/properties/${encodeURIComponent(key)}`,
          key,
        })),
      });
    },
  },
  {
    method: 'GET',
    pattern: keyPattern,
    handler: (ctx) => json(200, { key: param(ctx, 1), value: ctx.store.getProperty(ctx.principal, param(ctx, 0), param(ctx, 1)) }),
  },
  {
    method: 'PUT',
    pattern: keyPattern,
    handler: async (ctx) => {
      const created = ctx.store.setProperty(ctx.principal, param(ctx, 0), param(ctx, 1), await ctx.body());
      return json(created ? 201 : 200, {});
    },
  },
  {
    method: 'DELETE',
    pattern: keyPattern,
    handler: (ctx) => {
      ctx.store.deleteProperty(ctx.principal, param(ctx, 0), param(ctx, 1));
      return json(204);
    },
  },
];
