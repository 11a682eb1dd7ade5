import { join } from 'node:path';
import { load } from 'cheerio';
import { appPagePath, personOf, startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');

describe('Local site pages over HTTP', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('/ redirects to the SHOP releases and signs in the product owner by default', async () => {
    const res = await fetch(`${site.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/projects/SHOP/versions');
    expect(res.headers.get('set-cookie')).toContain(`local-site-person=${encodeURIComponent(personOf(site, 'po').accountId)}`);
  });

  test('the releases page lists the seeded versions with Release buttons for unreleased ones', async () => {
    const html = await (await fetch(`${site.url}/projects/SHOP/versions`)).text();
    for (const id of ['10001', '10002', '10003']) expect(html).toContain(`data-version-id="${id}"`);
    expect(html).not.toContain('/versions/10001/release');
    expect(html).toContain('/versions/10002/release');
    expect(html).toContain(`${appPagePath(site, 'SHOP', '/version/10002')}`);
  });

  test('the person switcher sets the cookie and only returns to this site', async () => {
    const carlos = personOf(site, 'cs-lead');
    const res = await fetch(`${site.url}/_site/person`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ accountId: carlos.accountId, return: '//evil.example/' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toContain(encodeURIComponent(carlos.accountId));
  });

  test('the app page frames the resource and carries the context for the bridge', async () => {
    const html = await (await fetch(`${site.url}${appPagePath(site, 'SHOP', '/version/10002')}`)).text();
    // From the resources' own origin, with the sandbox Forge documents for Custom UI (no popups).
    expect(html).toContain(`src="${site.resourceUrl}/forge/resources/ui/index.html"`);
    expect(html).toContain('sandbox="allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts"');
    const config = JSON.parse(/<script type="application\/json" id="forge-app-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
    expect(config).toMatchObject({
      basePath: appPagePath(site, 'SHOP'),
      context: { moduleKey: 'fixture-page', extension: { type: 'jira:projectPage', project: { key: 'SHOP', id: '10000' } }, environmentType: 'DEVELOPMENT' },
    });
  });

  test('a wrong app id is a 404 in Jira chrome, and an unknown page too', async () => {
    expect((await fetch(`${site.url}/jira/software/projects/SHOP/apps/other/local`)).status).toBe(404);
    expect((await fetch(`${site.url}/nothing/here`)).status).toBe(404);
  });
});

describe('the issue page (router target "issue")', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('shows an issue created through the REST API as text', async () => {
    const priya = personOf(site, 'po');
    const auth = `Basic ${Buffer.from(`${priya.emailAddress}:x`).toString('base64')}`;
    const meta = (await (await fetch(`${site.url}/rest/api/3/issue/createmeta/SHOP/issuetypes`, { headers: { authorization: auth } })).json()) as { issueTypes: { id: string }[] };
    const created = await fetch(`${site.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        fields: {
          project: { key: 'SHOP' },
          issuetype: { id: meta.issueTypes[0]?.id },
          summary: 'Balance <b>shows</b> 0',
          description: { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Line one' }] }] },
        },
      }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const page = await fetch(`${site.url}/browse/${key}`, { headers: { cookie: `local-site-person=${encodeURIComponent(priya.accountId)}` } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Balance &lt;b&gt;shows&lt;/b&gt; 0');
    expect(text).toContain('Line one');
  });

  test('renders the description like Jira: headings, checklist items apart with their state, links as links', async () => {
    const priya = personOf(site, 'po');
    const auth = `Basic ${Buffer.from(`${priya.emailAddress}:x`).toString('base64')}`;
    const meta = (await (await fetch(`${site.url}/rest/api/3/issue/createmeta/SHOP/issuetypes`, { headers: { authorization: auth } })).json()) as { issueTypes: { id: string }[] };
    const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
    const description = {
      version: 1,
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [t('What the customer saw')] },
        {
          type: 'taskList',
          attrs: { localId: 'l' },
          content: [
            { type: 'taskItem', attrs: { localId: 'a', state: 'DONE' }, content: [t('Open the shop')] },
            { type: 'taskItem', attrs: { localId: 'b', state: 'TODO' }, content: [t('Buy a gift card')] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            t('See '),
            t('the handoff', [{ type: 'link', attrs: { href: 'https://example.atlassian.net/jira/x' } }]),
            t(' and '),
            t('<b>this</b>', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          ],
        },
      ],
    };
    const created = await fetch(`${site.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'SHOP' }, issuetype: { id: meta.issueTypes[0]?.id }, summary: 'Checklist', description } }),
    });
    const { key } = (await created.json()) as { key: string };
    const page = await fetch(`${site.url}/browse/${key}`, { headers: { cookie: `local-site-person=${encodeURIComponent(priya.accountId)}` } });
    const $ = load(await page.text());
    const body = $('[data-testid="issue-description"]');
    expect(body.find('h3, h4, h5').first().text()).toBe('What the customer saw');
    const items = body
      .find('li.adf-task')
      .toArray()
      .map((li) => [$(li).text().trim(), $(li).find('input[type="checkbox"]').is('[checked]')]);
    expect(items).toEqual([
      ['Open the shop', true],
      ['Buy a gift card', false],
    ]);
    const links = body
      .find('a')
      .toArray()
      .map((a) => [$(a).text(), $(a).attr('href')]);
    expect(links).toEqual([['the handoff', 'https://example.atlassian.net/jira/x']]);
    // A link with a script URL stays text, escaped.
    expect(body.find('p').text()).toBe('See the handoff and <b>this</b>');
  });
});
