import { JiraError } from '../errors';
import { intParam, isRecord, json } from '../http';
import { issueJson, resolveFields } from '../issues';
import { decodePageToken, encodePageToken, runJql } from '../search';
import type { JiraStore } from '../store';
import type { Principal } from '../types';
import type { Route } from './types';

interface SearchInput {
  jql: string;
  maxResults: number;
  fields: string[] | undefined;
  nextPageToken: string | undefined;
}

const MAX_PAGE = 5000;

function search(store: JiraStore, principal: Principal, input: SearchInput): Record<string, unknown> {
  const offset = input.nextPageToken ? decodePageToken(input.jql, input.nextPageToken) : 0;
  const matches = runJql(store, principal, input.jql, true);
  const page = matches.slice(offset, offset + input.maxResults);
  // The enhanced search returns only issue ids unless fields are asked for.
  const fields = resolveFields(input.fields, []);
  const issues = page.map((row) => (input.fields === undefined ? { id: String(row.id) } : issueJson(store, principal, row, fields)));
  const next = offset + input.maxResults;
  return next < matches.length ? { issues, nextPageToken: encodePageToken(input.jql, next), isLast: false } : { issues, isLast: true };
}

const clampMax = (n: number): number => Math.min(Math.max(n, 1), MAX_PAGE);

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/search\/jql$/,
    handler: ({ store, principal, url }) => {
      const fields = url.searchParams.getAll('fields');
      return json(
        200,
        search(store, principal, {
          jql: url.searchParams.get('jql') ?? '',
          maxResults: clampMax(intParam(url, 'maxResults', 50)),
          fields: fields.length > 0 ? fields : undefined,
          nextPageToken: url.searchParams.get('nextPageToken') ?? undefined,
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/search\/jql$/,
    handler: async ({ store, principal, body }) => {
      const b = (await body()) ?? {};
      if (!isRecord(b)) throw new JiraError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
      if (b.jql !== undefined && typeof b.jql !== 'string') throw new JiraError(400, ['jql must be a string.']);
      if (b.maxResults !== undefined && (typeof b.maxResults !== 'number' || !Number.isInteger(b.maxResults))) throw new JiraError(400, ['maxResults must be an integer.']);
      if (b.fields !== undefined && (!Array.isArray(b.fields) || !b.fields.every((f) => typeof f === 'string'))) throw new JiraError(400, ['fields must be an array of strings.']);
      if (b.nextPageToken !== undefined && b.nextPageToken !== null && typeof b.nextPageToken !== 'string') throw new JiraError(400, ['nextPageToken must be a string.']);
      return json(
        200,
        search(store, principal, {
          jql: b.jql ?? '',
          maxResults: clampMax(b.maxResults ?? 50),
          fields: b.fields,
          nextPageToken: b.nextPageToken ?? undefined,
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/search\/approximate-count$/,
    handler: async ({ store, principal, body }) => {
      const b = await body();
      if (!isRecord(b) || typeof b.jql !== 'string') throw new JiraError(400, ['The jql field is required.']);
      return json(200, { count: runJql(store, principal, b.jql, true).length });
    },
  },
];
