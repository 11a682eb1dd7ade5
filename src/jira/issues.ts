import { route } from '@forge/api';
import { z } from 'zod';
import type { AdfDoc } from '#domain/adf';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

/** What the app files: a plain issue in one project, with fix versions and labels. */
export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: AdfDoc;
  fixVersionIds: string[];
  labels: string[];
}

const CreatedIssueJson = z.object({ id: z.string(), key: z.string() });
export type CreatedIssue = z.output<typeof CreatedIssueJson>;

/**
 * Creates the issue as the calling person (POST /rest/api/3/issue), so Jira applies their Create
 * issues permission and names them as reporter. Not retried after a 5xx: creating twice is worse.
 */
export async function createIssue(fetch: JiraFetch, issue: NewIssue): Promise<CreatedIssue> {
  const fields = {
    project: { id: issue.projectId },
    issuetype: { id: issue.issueTypeId },
    summary: issue.summary,
    description: issue.description,
    fixVersions: issue.fixVersionIds.map((id) => ({ id })),
    labels: issue.labels,
  };
  return jiraRequest(fetch, { as: 'user', method: 'POST', route: route`/rest/api/3/issue`, body: { fields } }, CreatedIssueJson);
}
