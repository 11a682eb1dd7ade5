import type { JiraVersion } from '../jira/types';
import type { IssueJson } from './issue';

/** Jira's error body, for showing a refusal to the person in Jira's words. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join(' ') || `Jira answered HTTP ${status}`);
  }
}

export interface ProjectJson {
  id: string;
  key: string;
  name: string;
  projectTypeKey?: string;
}

export interface RelatedWorkJson {
  relatedWorkId?: string;
  title?: string;
  url?: string;
  category: string;
}

/**
 * The pages read and change Jira through its REST API as the signed-in person, the same path a browser
 * or the app takes, so permissions and product events behave exactly as for any other caller.
 */
export class JiraClient {
  constructor(
    private readonly baseUrl: string,
    private readonly emailAddress: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        // Basic auth as the person, as a script or browser would: the event is theirs, not the app's.
        authorization: `Basic ${Buffer.from(`${this.emailAddress}:local`).toString('base64')}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const err = (parsed ?? {}) as { errorMessages?: string[]; errors?: Record<string, string> };
      throw new JiraRequestError(res.status, [...(err.errorMessages ?? []), ...Object.values(err.errors ?? {})]);
    }
    return parsed as T;
  }

  /**
   * The project's name and type, without its versions: GET /project/{key} carries every version (a
   * megabyte at 5,000), which Jira's own pages do not wait for. 404 when the person cannot browse it.
   */
  async project(key: string): Promise<ProjectJson> {
    const { values } = await this.call<{ values: ProjectJson[] }>('GET', `/rest/api/3/project/search?keys=${encodeURIComponent(key)}&maxResults=1`);
    const found = values.find((p) => p.key === key);
    if (!found) throw new JiraRequestError(404, [`No project could be found with key '${key}'.`]);
    return found;
  }

  versions(key: string): Promise<JiraVersion[]> {
    return this.call('GET', `/rest/api/3/project/${encodeURIComponent(key)}/versions`);
  }

  relatedWork(versionId: string): Promise<RelatedWorkJson[]> {
    return this.call('GET', `/rest/api/3/version/${encodeURIComponent(versionId)}/relatedwork`);
  }

  issue(key: string): Promise<IssueJson> {
    return this.call('GET', `/rest/api/3/issue/${encodeURIComponent(key)}`);
  }

  projects(): Promise<{ values: ProjectJson[] }> {
    return this.call('GET', '/rest/api/3/project/search?maxResults=50');
  }

  search(jql: string): Promise<{ issues: { key: string; fields: { summary?: string; status?: { name?: string } } }[] }> {
    return this.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=summary,status&maxResults=50`);
  }

  release(versionId: string): Promise<JiraVersion> {
    return this.call('PUT', `/rest/api/3/version/${encodeURIComponent(versionId)}`, { released: true });
  }
}
