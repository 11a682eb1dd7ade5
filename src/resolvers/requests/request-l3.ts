import { adfParagraphs } from '#domain/adf';
import { appError } from '#domain/errors';
import type { JiraIssueType } from '#jira';
import { settledValue } from '../core/access';
import { l3PrefillFor } from '../core/l3-draft';
import { issueTypeFor, L3_BUG } from '#domain/issue-types';
import { readRequestAndRelease } from './request-release';
import type { Handler } from '../core/run';

/** The link type a bug and its request get when the site has it (Jira's default "Relates"). */
export const DEFAULT_LINK_TYPE = 'Relates';

const cannotLink = (requestKey: string, projectKey: string) =>
  appError('FORBIDDEN', `You can read request ${requestKey} but cannot link issues to it: filing its L3 bug needs the Link issues permission in project ${projectKey}.`);

/**
 * The L3 bug's CreateIssueModal context when the agent files it from a customer's request: today's
 * pre-fill for the release (chain-aware label, L2 steps, stage, handoff link), in the release's project,
 * plus the request's summary and what the customer wrote (as plain text). Everything that would stop
 * the bug from being filed and linked (browse the request, link issues from it, browse and create in
 * the release's project, a Bug type, a handoff) is refused here, before the modal creates anything.
 *
 * One round (7 Jira calls and 1 storage call) as the person, plus the site's address as the app.
 */
export const getRequestL3Prefill: Handler<'getRequestL3Prefill'> = async ({ requestKey, release, item }, call, deps) => {
  const read = await readRequestAndRelease(deps, requestKey, release, ['BROWSE_PROJECTS', 'LINK_ISSUES'], () => [deps.jira.getCreatableIssueTypes(release.project.key), call.siteUrl()]);
  if (!read.requestPermissions.LINK_ISSUES) throw cannotLink(read.request.key, read.request.project.key);
  const [issueTypes, siteUrl] = read.extra as [PromiseSettledResult<JiraIssueType[]>, PromiseSettledResult<string>];
  const bugType = issueTypeFor(settledValue(issueTypes), L3_BUG, read.project.key);
  return l3PrefillFor(
    {
      project: read.project,
      version: read.version,
      handoff: read.handoff,
      bugType,
      siteUrl: settledValue(siteUrl),
      item,
      request: { key: read.request.key, summary: read.request.summary, customerText: adfParagraphs(read.request.description) },
    },
    deps,
  );
};

/**
 * Links the bug the agent just created to the request (POST /rest/api/3/issueLink, as the person), with
 * the site's "Relates" type from GET /rest/api/3/issueLinkType, so each side shows the other. The request
 * is the "from" issue, so Jira checks Link issues there; that is checked first, and nothing is written
 * when either issue is out of the person's sight.
 *
 * Two rounds: 4 reads in parallel, then the link.
 */
export const linkRequestBug: Handler<'linkRequestBug'> = async ({ requestKey, bugIssueId }, _call, deps) => {
  const [request, permissions, bug, types] = await Promise.allSettled([
    deps.jira.getRequestIssue(requestKey),
    deps.jira.getIssuePermissions(requestKey, ['BROWSE_PROJECTS', 'LINK_ISSUES']),
    deps.jira.getRequestIssue(bugIssueId),
    deps.jira.listIssueLinkTypes(),
  ]);
  const found = settledValue(request);
  if (!found) throw appError('NOT_FOUND', `Request ${requestKey} was not found, or you don't have permission to see it.`);
  if (!settledValue(permissions).LINK_ISSUES) throw cannotLink(found.key, found.project.key);
  const filed = settledValue(bug);
  if (!filed) throw appError('NOT_FOUND', `The bug (issue ${bugIssueId}) was not found, or you don't have permission to see it.`);
  const type = settledValue(types).find((t) => t.name.toLowerCase() === DEFAULT_LINK_TYPE.toLowerCase());
  if (!type) throw appError('NOT_FOUND', `This Jira site has no "${DEFAULT_LINK_TYPE}" issue link type, so the bug cannot be linked to the request. Ask a Jira admin to add it.`);
  await deps.jira.linkIssues({ typeId: type.id, outwardIssueKey: found.key, inwardIssueKey: filed.key });
  return { requestKey: found.key, bugKey: filed.key, linkType: type.name };
};
