import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PEOPLE } from '../../local-site/jira';
import { startLocalSite, type LocalSite, type LocalSiteOptions } from '../../local-site/site';

export type TestSite = LocalSite & { dataDir: string };

/** A fresh local Jira site for one test file: own temp data folder, random port, no logging. */
export async function startTestSite(opts: Partial<Omit<LocalSiteOptions, 'dataDir' | 'port'>> = {}): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-site-'));
  const site = await startLocalSite({ appDir: resolve(__dirname, '..', '..'), quiet: true, ...opts, port: 0, dataDir });
  return {
    ...site,
    dataDir,
    close: async () => {
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A seeded person by e-mail address or by role ('po', 'cs-lead', 'cs-agent', 'release-manager', 'outsider'). */
export function personOf(site: Pick<LocalSite, 'jira'>, emailOrRole: string) {
  const person = site.jira.people.find((p) => p.emailAddress === emailOrRole || p.role === emailOrRole);
  if (!person) throw new Error(`No seeded person '${emailOrRole}' (people: ${site.jira.people.map((p) => `${p.emailAddress}/${p.role}`).join(', ')})`);
  return person;
}

/** A seeded person as a walkthrough attendee is sent (`{ accountId }`), by role or e-mail, without a running site. */
export function attendeeOf(emailOrRole: string): { accountId: string } {
  return { accountId: personOf({ jira: { people: PEOPLE } } as Pick<LocalSite, 'jira'>, emailOrRole).accountId };
}

/** The app page of a project on the site, optionally with the app's own route (e.g. '/version/10002'). */
export const appPagePath = (site: Pick<LocalSite, 'host'>, projectKey = 'SHOP', subPath = ''): string =>
  `/jira/software/projects/${projectKey}/apps/${site.host.appId}/${site.host.environmentId}${subPath}`;
