/**
 * Jira calls of the issue card (a service request or any issue, as the person looking at it).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequestOrNull } from './request';
import type { JiraFetch } from './transport';
import { toVersion, VersionJson, type JiraVersion } from './versions';

const IssueForCardJson = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    project: z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string() }),
    fixVersions: z
      .array(VersionJson.partial({ projectId: true }))
      .nullable()
      .optional(),
    versions: z
      .array(VersionJson.partial({ projectId: true }))
      .nullable()
      .optional(),
  }),
});

export interface IssueForCard {
  id: string;
  key: string;
  project: { id: string; key: string; name: string; type: string };
  /** Fix versions first, then affects versions not already listed; all in the issue's project. */
  versions: JiraVersion[];
}

/**
 * The issue as the person sees it (asUser), or null when they cannot browse it (Jira answers 404 for
 * both "no such issue" and "not yours to see"). Versions in an issue's fields belong to its project.
 */
export async function getIssueForCard(fetch: JiraFetch, issueKey: string): Promise<IssueForCard | null> {
  const query = new URLSearchParams({ fields: 'project,fixVersions,versions' });
  const issue = await jiraRequestOrNull(fetch, { as: 'user', route: route`/rest/api/3/issue/${issueKey}?${query}` }, IssueForCardJson);
  if (issue === null) return null;
  const project = issue.fields.project;
  const seen = new Set<string>();
  const versions = [...(issue.fields.fixVersions ?? []), ...(issue.fields.versions ?? [])].flatMap((v) => {
    if (seen.has(v.id)) return [];
    seen.add(v.id);
    return [toVersion({ ...v, projectId: v.projectId ?? project.id })];
  });
  return { id: issue.id, key: issue.key, project: { id: project.id, key: project.key, name: project.name, type: project.projectTypeKey }, versions };
}
