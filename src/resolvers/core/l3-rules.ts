/**
 * Where Jira's issue search for a JQL lives (the L3 count links to it). The rules of the pre-filled bug
 * itself are domain/l3-prefill.ts; which issue type it is filed as, domain/issue-types.ts.
 */

/** Jira's issue search page for a JQL query on the site. */
export function issueSearchUrl(siteUrl: string, jql: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/issues/?jql=${encodeURIComponent(jql)}`;
}
