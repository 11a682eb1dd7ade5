import { join } from 'node:path';
import { personOf, startTestSite, type TestSite } from '../../support';
import { eventDeliveryFromEnv } from '../../../local-site/forge-host';
import { received } from './fixtures/app/src';

const FIXTURE = join(__dirname, 'fixtures', 'app');

describe('Forge host: product events, scheduled triggers, validators', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());
  beforeEach(() => {
    received.length = 0;
  });

  const basic = (email: string) => `Basic ${Buffer.from(`${email}:token`).toString('base64')}`;

  test('a version released by a person reaches the trigger; the app undoing it does not reach the ignoreSelf trigger', async () => {
    const rita = personOf(site, 'release-manager');
    const release = await fetch(`${site.url}/rest/api/3/version/10002`, {
      method: 'PUT',
      headers: { authorization: basic(rita.emailAddress), 'content-type': 'application/json' },
      body: JSON.stringify({ released: true }),
    });
    expect(release.status).toBe(200);
    await site.host.idle();

    const released = received.filter((r) => r.event.eventType === 'avi:jira:released:version');
    expect(released).toHaveLength(1);
    expect(released[0]?.event).toMatchObject({
      eventType: 'avi:jira:released:version',
      version: { id: '10002', released: true },
      atlassianId: rita.accountId,
      selfGenerated: false,
      context: { cloudId: site.host.cloudId, moduleKey: 'on-version-ignore-self' },
    });
    expect(released[0]?.context).toEqual({ installContext: `ari:cloud:jira::site/${site.host.cloudId}` });
    // Triggers run without a user.
    expect(released[0]?.asUserError).toBe('NeedsAuthenticationError');

    // Now the app puts it back (asApp): the ignoreSelf trigger skips it, the unfiltered one gets it.
    const { status } = await site.host.invoke<{ status: number }>(rita.accountId, 'unrelease', { versionId: '10002' }, { projectKey: 'SHOP' });
    expect(status).toBe(200);
    await site.host.idle();
    const unreleased = received.filter((r) => r.event.eventType === 'avi:jira:unreleased:version');
    expect(unreleased.map((r) => (r.event.context as { moduleKey: string }).moduleKey)).toEqual(['on-version-all']);
    // Forge's payload says the app caused it.
    expect(unreleased[0]?.event).toMatchObject({ eventType: 'avi:jira:unreleased:version', selfGenerated: true });
    expect(unreleased[0]?.event).not.toHaveProperty('atlassianId');
    expect(site.host.deliveries.filter((d) => d.eventType === 'avi:jira:unreleased:version').map((d) => [d.moduleKey, d.status])).toEqual([
      ['on-version-ignore-self', 'ignored-self'],
      ['on-version-all', 'succeeded'],
    ]);
  });

  test('the Releases page Release button goes through Jira and fires the trigger', async () => {
    const rita = personOf(site, 'release-manager');
    const res = await fetch(`${site.url}/projects/SHOP/versions/10003/release`, {
      method: 'POST',
      headers: { cookie: `local-site-person=${encodeURIComponent(rita.accountId)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/projects/SHOP/versions?released=10003');
    await site.host.idle();
    expect(received.map((r) => [r.event.eventType, r.event.version.id, r.event.atlassianId])).toEqual([['avi:jira:released:version', '10003', rita.accountId]]);
  });

  test('a release Jira refuses is shown on the page, and nothing is delivered', async () => {
    const otto = personOf(site, 'outsider');
    const before = site.host.deliveries.length;
    const res = await fetch(`${site.url}/projects/SHOP/versions/10002/release`, {
      method: 'POST',
      headers: { cookie: `local-site-person=${encodeURIComponent(otto.accountId)}` },
      redirect: 'manual',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await site.host.idle();
    expect(site.host.deliveries.length).toBe(before);
  });

  test('runScheduledTrigger and runWorkflowValidator call the manifest functions', async () => {
    await expect(site.host.runScheduledTrigger('fixture-sweep')).resolves.toMatchObject({ swept: true, moduleKey: 'fixture-sweep', payload: { context: { cloudId: site.host.cloudId } } });
    await expect(site.host.runWorkflowValidator('fixture-validator', { issue: { key: 'FAIL-1' } })).resolves.toEqual({ result: false, errorMessage: 'Fixture says no' });
    await expect(site.host.runWorkflowValidator('fixture-validator', { issue: { key: 'SHOP-1' } })).resolves.toEqual({ result: true });
    // Forge's default limit for scheduled triggers is 55 s.
    const swept = (await site.host.runScheduledTrigger('fixture-sweep')) as { remainingMs: number };
    expect(swept.remainingMs).toBeLessThanOrEqual(55_000);
    expect(swept.remainingMs).toBeGreaterThan(50_000);
    await expect(site.host.runScheduledTrigger('missing')).rejects.toThrow("manifest.yml has no scheduledTrigger 'missing'");
  });
});

test('a function slower than its manifest timeoutSeconds fails as timed out', async () => {
  const site = await startTestSite({ appDir: FIXTURE });
  try {
    await expect(site.host.runScheduledTrigger('fixture-slow-sweep')).rejects.toThrow("Function 'slow-sweep' timed out after 1 seconds");
    expect(site.host.deliveries.find((d) => d.moduleKey === 'fixture-slow-sweep')).toMatchObject({ status: 'failed', error: "Function 'slow-sweep' timed out after 1 seconds" });
  } finally {
    await site.close();
  }
});

describe('event delivery settings (EVENT_DELAY_MS, EVENT_DUPLICATES)', () => {
  test('default to prompt, single delivery and name what is wrong', () => {
    expect(eventDeliveryFromEnv({})).toEqual({ delayMs: 0, duplicates: false });
    expect(eventDeliveryFromEnv({ EVENT_DELAY_MS: '180000', EVENT_DUPLICATES: '1' })).toEqual({ delayMs: 180000, duplicates: true });
    expect(() => eventDeliveryFromEnv({ EVENT_DELAY_MS: '3 minutes' })).toThrow("EVENT_DELAY_MS must be a whole number of milliseconds (0 or more), not '3 minutes'");
    expect(() => eventDeliveryFromEnv({ EVENT_DUPLICATES: 'yes' })).toThrow("EVENT_DUPLICATES must be 1 (deliver every event twice) or 0, not 'yes'");
  });
});
