import { route } from '@forge/api';
import { z } from 'zod';
import type { PersonRef } from '../domain/handoff';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const MyselfJson = z.object({ accountId: z.string(), displayName: z.string().optional() });

/** Who is calling, with the name to record on what they save. */
export async function getMyself(fetch: JiraFetch): Promise<PersonRef> {
  const me = await jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/myself` }, MyselfJson);
  return { accountId: me.accountId, displayName: me.displayName ?? '' };
}
