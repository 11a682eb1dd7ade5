/** Issues and the issue view's context for the card's resolvers, on a test file's local site. */
import type { Result } from '../../../src/contract';
import type { InvocationContext } from '../../../local-site/forge-host/host';
import { rest } from '../../../bench/fixtures';
import { personOf, type TestSite } from '../../support';

export interface IssueRef {
  id: string;
  key: string;
}

export function cardHelpers(site: () => TestSite) {
  async function createIssue(projectKey: string, summary: string, fixVersions: string[] = [], versions: string[] = []): Promise<IssueRef> {
    const typeId = projectKey === 'OPS' ? '10001' : '10003';
    const { status, json } = await rest(site(), 'app', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: projectKey }, issuetype: { id: typeId }, summary, fixVersions: fixVersions.map((id) => ({ id })), versions: versions.map((id) => ({ id })) },
    });
    if (status !== 201) throw new Error(`create issue: ${status} ${JSON.stringify(json)}`);
    return json as IssueRef;
  }

  /** Calls a card resolver as Jira would from the issue view: the issue and its project in the context. */
  function onIssue<T>(role: string, resolver: string, payload: unknown, issue: IssueRef, projectKey = 'SHOP', forge?: (c: InvocationContext) => InvocationContext): Promise<Result<T>> {
    const tamper = (c: InvocationContext): InvocationContext => {
      const issueContext = { ...c, extension: { type: 'jira:issueContext', issue: { id: issue.id, key: issue.key, type: 'Story', typeId: '10003' }, project: c.extension.project } } as unknown as InvocationContext;
      return forge ? forge(issueContext) : issueContext;
    };
    return site().host.invoke<Result<T>>(personOf(site(), role).accountId, resolver, payload, { projectKey, tamper });
  }

  return { createIssue, onIssue };
}
