/**
 * Where the app cannot act: the overview and the settings page say, before any release, that the app's
 * own Jira user lacks Administer Projects (checked with mypermissions as the app).
 */
import type { ProjectSettingsView, ReleasesOverview } from '#contract';
import { APP_ACCOUNT_ID } from '../../../../local-site/jira/seed';
import { expectOk, useStartedSite } from '../helpers';

jest.setTimeout(60_000);
const { site, invoke } = useStartedSite();

/** Takes a permission away from the app's user in a project, as a Jira admin editing the scheme would. */
function revokeFromApp(projectKey: string, permission: string): void {
  const store = site().jira.store as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): unknown } } };
  const projectId = site().jira.store.findProject(projectKey)?.id;
  store.db.prepare('DELETE FROM grants WHERE account_id = ? AND project_id = ? AND permission = ?').run(APP_ACCOUNT_ID, projectId, permission);
}

function grantToApp(projectKey: string, permission: string): void {
  const store = site().jira.store as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): unknown } } };
  const projectId = site().jira.store.findProject(projectKey)?.id;
  store.db.prepare('INSERT INTO grants (account_id, project_id, permission) VALUES (?, ?, ?)').run(APP_ACCOUNT_ID, projectId, permission);
}

test('with every permission the gate needs, no health line', async () => {
  expect(expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {})).appHealth).toEqual([]);
  expect(expectOk(await invoke<ProjectSettingsView>('release-manager', 'getSettings', {})).appHealth).toEqual([]);
});

test('without Administer Projects for the app, the overview and settings say the app cannot put releases back', async () => {
  // The overview keeps a healthy answer for an hour (no Jira call about the app's own permissions meanwhile)...
  expect(expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {})).appHealth).toEqual([]);
  revokeFromApp('SHOP', 'ADMINISTER_PROJECTS');
  const mark = site().jira.requestLog.length;
  expect(expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {})).appHealth).toEqual([]);
  expect(
    site()
      .jira.requestLog.slice(mark)
      .filter((c) => c.principal === 'app' && c.path === '/rest/api/3/mypermissions'),
  ).toEqual([]);
  // ...the settings page checks on every open, says it, and forgets the kept answer: the overview says it next.
  const line = "CS Handoff cannot put releases back in SHOP: the app's user needs Administer Projects.";
  expect(expectOk(await invoke<ProjectSettingsView>('po', 'getSettings', {})).appHealth).toEqual([line]);
  expect(expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {})).appHealth).toEqual([line]);
  // A warning is never kept: every open asks again, so a fix shows at once.
  grantToApp('SHOP', 'ADMINISTER_PROJECTS');
  expect(expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {})).appHealth).toEqual([]);
});
