/**
 * When Jira refuses the app itself (its app user lacks a permission in the project's scheme), the
 * person is told what the app needs and who can fix it, never that they lack a permission.
 */
import { SHOP_ID } from '../../../local-site/jira';
import { completeContent, expectError, SHOP_VERSION, storedProperty, useStartedSite } from './helpers';
import { handoffPropertyKey } from '../../../src/domain/property-keys';

const { site, invoke } = useStartedSite();

describe("the app's user without Administer Projects in SHOP", () => {
  beforeAll(() => site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', false));
  afterAll(() => site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', true));

  it("a PO's save is refused with what the app needs, and nothing is stored", async () => {
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    expect(error.code).toBe('APP_FORBIDDEN');
    expect(error.message).toContain("CS Handoff (the app) cannot save its data in SHOP: give the app's user Administer Projects in SHOP.");
    expect(error.message).not.toMatch(/you don't have permission/i);
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toBeNull();
  });

  it('the same save goes through once the permission is back', async () => {
    site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', true);
    try {
      const saved = await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() });
      expect(saved.ok ? 'ok' : saved.error.code).toBe('ok');
    } finally {
      site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', false);
    }
  });
});
