/** Issues and the issue view's context for the card's resolvers, on a test file's local site. */
import type { Result } from '#contract';
import type { InvocationContext } from '../../../../local-site/forge-host/host';
import { rest } from '../../../../bench/fixtures';
import { personOf, type TestSite } from '../../../support';

/** The issue card's module key in manifest.yml. */
export const CARD_MODULE = 'cs-handoff-issue-card';

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

  /**
   * Calls a card resolver as Jira's issue view does: the host builds the jira:issueContext context (the
   * issue and its project); `forge` stands for a hostile page changing it.
   */
  function onIssue<T>(role: string, resolver: string, payload: unknown, issue: IssueRef, forge?: (c: InvocationContext) => InvocationContext): Promise<Result<T>> {
    const projectKey = issue.key.split('-')[0] ?? 'SHOP';
    return site().host.invoke<Result<T>>(personOf(site(), role).accountId, resolver, payload, { projectKey, moduleKey: CARD_MODULE, issueKey: issue.key, ...(forge ? { tamper: forge } : {}) });
  }

  return { createIssue, onIssue };
}
