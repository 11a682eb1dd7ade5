import { route } from '@forge/api';
import { z } from 'zod';
import { jiraRequest } from './request';
import type { JiraFetch } from './transport';

/**
 * Jira's VersionRelatedWork: `category` is a free string in the REST spec (no enum); the release
 * page groups links by it. The spec's own examples use 'Design', 'Communications' and 'External Link'.
 * Only generic links can be created through REST; Jira generates `relatedWorkId`.
 */
export interface RelatedWorkLink {
  category: string;
  title: string;
  url: string;
}

const RelatedWorkJson = z.object({
  relatedWorkId: z.string().optional(),
  category: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
});
export type RelatedWork = z.output<typeof RelatedWorkJson>;

/** As the app: Jira requires Edit + Resolve issues, and the link is the app's, not the person's. */
export async function createRelatedWork(fetch: JiraFetch, versionId: string, link: RelatedWorkLink): Promise<RelatedWork> {
  const appNeeds = { action: `link version ${versionId} to its handoff`, permission: 'Edit Issues and Resolve Issues in its project' };
  return jiraRequest(fetch, { as: 'app', method: 'POST', route: route`/rest/api/3/version/${versionId}/relatedwork`, body: link, appNeeds }, RelatedWorkJson);
}
