import { join } from 'node:path';
import { currentInvocation } from '../../../local-site/forge-host';
import { personOf, startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');
const opts = { projectKey: 'SHOP' };

describe('Forge host: the seams @forge/api 8.3.0 reads', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('asUser().requestJira inside an invocation runs as the invoking person', async () => {
    const priya = personOf(site, 'po');
    const result = await site.host.invoke<{ asUser: string; contextAccountId: string }>(priya.accountId, 'whoami', {}, opts);
    expect(result).toEqual({ asUser: priya.accountId, contextAccountId: priya.accountId });
  });

  test('asApp().requestJira runs as the app user', async () => {
    const ana = personOf(site, 'cs-agent');
    const result = await site.host.invoke<{ asApp: string }>(ana.accountId, 'whoisapp', {}, opts);
    expect(result.asApp).toBe(site.jira.appAccountId);
  });

  test('concurrent invocations keep their own user', async () => {
    const people = ['po', 'cs-lead', 'cs-agent', 'release-manager'].map((role) => personOf(site, role));
    // Delays inverted so that the invocations interleave.
    const results = await Promise.all(people.map((p, i) => site.host.invoke<{ asUser: string }>(p.accountId, 'whoami', { delayMs: (people.length - i) * 15 }, opts)));
    expect(results.map((r) => r.asUser)).toEqual(people.map((p) => p.accountId));
  });

  test('getAppContext() and the resolver context describe this installation and module', async () => {
    const priya = personOf(site, 'po');
    const result = await site.host.invoke<Record<string, unknown>>(priya.accountId, 'appContext', {}, opts);
    expect(result).toMatchObject({
      appAri: `ari:cloud:ecosystem::app/${site.host.appId}`,
      environmentAri: `ari:cloud:ecosystem::environment/${site.host.appId}/local`,
      environmentType: 'DEVELOPMENT',
      moduleKey: 'fixture-page',
      cloudId: site.host.cloudId,
      installContext: `ari:cloud:jira::site/${site.host.cloudId}`,
      extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' } },
    });
    expect(typeof result['invocationId']).toBe('string');
    // Forge's limit for UI-invoked functions is 25 s.
    expect(result['remainingMs']).toBeGreaterThan(20_000);
    expect(result['remainingMs']).toBeLessThanOrEqual(25_000);
  });

  test('a thrown error reaches the caller as Forge words it, without a stack', async () => {
    const priya = personOf(site, 'po');
    await expect(site.host.invoke(priya.accountId, 'boom', {}, opts)).rejects.toThrow('There was an error invoking the function - kaboom');
    await expect(site.host.invoke(priya.accountId, 'noSuchFunction', {}, opts)).rejects.toThrow(/There was an error invoking the function - Resolver has no definition for 'noSuchFunction'/);
  });

  test('outside an invocation there is no runtime, as on Forge', async () => {
    expect(currentInvocation()).toBeUndefined();
    const { getAppContext } = await import('@forge/api');
    expect(() => getAppContext()).toThrow('Forge runtime not found.');
  });

  test('POST /forge/host/invoke runs the resolver as the cookie person and answers errors as text', async () => {
    const carlos = personOf(site, 'cs-lead');
    const call = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${site.url}/forge/host/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forge-local': '1', cookie: `local-site-person=${encodeURIComponent(carlos.accountId)}`, ...headers },
        body: JSON.stringify(body),
      });
    const ok = await call({ functionKey: 'whoami', payload: {}, projectKey: 'SHOP' });
    expect(await ok.json()).toEqual({ ok: true, result: { asUser: carlos.accountId, contextAccountId: carlos.accountId } });

    const failed = await (await call({ functionKey: 'boom', payload: {}, projectKey: 'SHOP' })).json();
    expect(failed).toEqual({ ok: false, error: 'There was an error invoking the function - kaboom' });

    // Without the custom header (e.g. a cross-site form post) nothing runs.
    const refused = await call({ functionKey: 'whoami', projectKey: 'SHOP' }, { 'x-forge-local': '' });
    expect(refused.status).toBe(400);
  });
});
