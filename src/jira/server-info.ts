import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

const ServerInfoJson = z.object({ serverTimeZone: z.string().optional() });

/**
 * The site's default time zone (GET /rest/api/3/serverInfo `serverTimeZone`, an IANA name; the call
 * needs no permission). Null when Jira names none or one this runtime does not know.
 */
export async function getSiteTimeZone(fetch: JiraFetch): Promise<string | null> {
  const info = await jiraRequest(fetch, { as: 'app', route: route`/rest/api/3/serverInfo` }, ServerInfoJson);
  return knownTimeZone(info.serverTimeZone);
}

/** The IANA zone Jira named, or null when it named none or one this runtime does not know. */
export function knownTimeZone(named: string | undefined): string | null {
  const zone = named?.trim();
  if (!zone || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
