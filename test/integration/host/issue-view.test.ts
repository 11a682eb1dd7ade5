import { join } from 'node:path';
import { personOf, startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');

/** Jira's issue view on the local site: every jira:issueContext module of the app, with the issue in its context. */
describe('the issue view renders the app’s issue-context modules', () => {
  let site: TestSite;
  const as = (role: string) => {
    const p = personOf(site, role);
    return { cookie: `local-site-person=${encodeURIComponent(p.accountId)}`, authorization: `Basic ${Buffer.from(`${p.emailAddress}:x`).toString('base64')}` };
  };
  const page = async (key: string, role: string): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${site.url}/browse/${key}`, { headers: { cookie: as(role).cookie } });
    return { status: res.status, text: await res.text() };
  };
  const configOf = (html: string, moduleKey: string): Record<string, unknown> =>
    JSON.parse(new RegExp(`<script type="application/json" id="forge-issue-context-${moduleKey}-config">(.*?)</script>`, 's').exec(html)?.[1] ?? '{}') as Record<string, unknown>;

  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('frames the module from the resources’ origin, with extension.issue and extension.project as Jira gives them', async () => {
    const { status, text } = await page('HELP-1', 'support-agent');
    expect(status).toBe(200);
    expect(text).toContain('Refund went to a gift card instead of my card');
    expect(text).toMatch(new RegExp(`<iframe id="forge-issue-context-fixture-issue-context"[^>]*src="${site.resourceUrl}/forge/resources/ui/index.html"`));
    expect(text).toContain('data-forge-config="forge-issue-context-fixture-issue-context-config"');
    expect(text).toContain('<h2 class="issue-context-title">Fixture Card</h2>');
    const config = configOf(text, 'fixture-issue-context');
    expect(config).toMatchObject({
      basePath: '/browse/HELP-1',
      context: {
        moduleKey: 'fixture-issue-context',
        extension: {
          type: 'jira:issueContext',
          issue: { id: expect.any(String), key: 'HELP-1', type: 'Service request', typeId: '10005' },
          project: { id: '10020', key: 'HELP', type: 'service_desk' },
        },
      },
      // router.navigate to the app's project page works from the card.
      pageBases: { 'fixture-page': `/jira/software/projects/{projectKey}/apps/${site.host.appId}/${site.host.environmentId}` },
    });
  });

  test('an invoke from the issue context reaches the module’s resolver with the issue in its context', async () => {
    const res = await fetch(`${site.url}/forge/host/invoke`, {
      method: 'POST',
      headers: { cookie: as('support-agent').cookie, 'content-type': 'application/json', 'x-forge-local': '1' },
      body: JSON.stringify({ functionKey: 'appContext', payload: {}, projectKey: 'HELP', moduleKey: 'fixture-issue-context', issueKey: 'HELP-2' }),
    });
    const answer = (await res.json()) as { ok: boolean; result: { moduleKey: string; extension: unknown } };
    expect(answer.ok).toBe(true);
    expect(answer.result.moduleKey).toBe('fixture-issue-context');
    expect(answer.result.extension).toEqual({
      type: 'jira:issueContext',
      issue: { id: expect.any(String), key: 'HELP-2', type: 'Service request', typeId: '10005' },
      project: { id: '10020', key: 'HELP', type: 'service_desk' },
    });
  });

  test('a person who cannot browse the issue gets Jira’s 404 page and no app frame', async () => {
    const { status, text } = await page('HELP-1', 'cs-agent');
    expect(status).toBe(404);
    expect(text).not.toContain('forge-issue-context');
    expect(text).not.toContain('gift card instead');
  });

  test('shows the issue’s links, each read from this side', async () => {
    const created = await fetch(`${site.url}/rest/api/3/issueLink`, {
      method: 'POST',
      headers: { authorization: as('support-agent').authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ type: { name: 'Blocks' }, outwardIssue: { key: 'HELP-3' }, inwardIssue: { key: 'HELP-4' } }),
    });
    expect(created.status).toBe(201);
    const from = await page('HELP-3', 'support-agent');
    expect(from.text).toMatch(/<li data-testid="issue-link"><span class="muted">blocks<\/span> <a href="\/browse\/HELP-4">HELP-4<\/a>/);
    const to = await page('HELP-4', 'support-agent');
    expect(to.text).toMatch(/<li data-testid="issue-link"><span class="muted">is blocked by<\/span> <a href="\/browse\/HELP-3">HELP-3<\/a>/);
  });

  test('indexes the issue properties the manifest’s jira:entityProperty declares, for JQL', async () => {
    const auth = as('support-agent').authorization;
    const put = await fetch(`${site.url}/rest/api/3/issue/HELP-5/properties/fixture-release`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ versionId: '10003', stage: '5%' }),
    });
    expect(put.status).toBe(201);
    for (const jql of ['fixtureVersionId = 10003', 'issue.property[fixture-release].stage = "5%"']) {
      const res = await fetch(`${site.url}/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=summary`, { headers: { authorization: auth } });
      const body = (await res.json()) as { issues: { key: string }[] };
      expect(body.issues.map((i) => i.key)).toEqual(['HELP-5']);
    }
  });
});
