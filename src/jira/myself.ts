import { route } from '@forge/api';
import { z } from 'zod';
import type { Caller } from '#domain/person';
import { jiraRequest } from './request';
import { knownTimeZone } from './server-info';
import type { JiraFetch } from './transport';

const MyselfJson = z.object({ accountId: z.string(), displayName: z.string().optional(), timeZone: z.string().optional() });

/** Who is calling, with the name to record on what they save and their profile's time zone (when valid). */
export async function getMyself(fetch: JiraFetch): Promise<Caller> {
  const me = await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/myself` }, MyselfJson);
  const timeZone = knownTimeZone(me.timeZone);
  return { accountId: me.accountId, displayName: me.displayName ?? '', ...(timeZone ? { timeZone } : {}) };
}
