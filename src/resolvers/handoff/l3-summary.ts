import { l3BugsJql, releaseLabel } from '#domain/chain-label';
import { readAccess, requireAccess, settledValue } from '../core/access';
import { issueSearchUrl } from '../core/l3-rules';
import { withChainLabel } from '#domain/l3-prefill';
import type { Handler } from '../core/run';

/**
 * How many L3 bugs carry the release's label. One parallel round (4 Jira calls):
 * permissions and the project as the person, the site's address as the app, and a single count query, however many bugs there are. Kept apart from getHandoff so
 * opening a handoff never waits for a search; the UI asks for both at once.
 *
 * The JQL names the page's project, so a version id from another project only ever counts this
 * project's issues (none), and the search runs with the person's own permissions.
 */
export const getL3Summary: Handler<'getL3Summary'> = async ({ versionId }, call, deps) => {
  const link = { projectKey: call.project.key, versionId };
  const { label, jql } = withChainLabel(() => ({ label: releaseLabel(link), jql: l3BugsJql(link) }));
  const [access, count, siteUrl] = await Promise.allSettled([readAccess(deps, call.project), deps.jira.countIssues(jql), call.siteUrl()]);
  requireAccess(access, 'read', call.project);
  return { label, count: settledValue(count), jql, searchUrl: issueSearchUrl(settledValue(siteUrl), jql) };
};
