/**
 * When Jira refuses the app itself (its app user lacks a permission in the project's scheme), the
 * person is told what the app needs and who can fix it, never that they lack a permission.
 */
import { SHOP_ID } from '../../../../local-site/jira';
import { completeContent, SHOP_VERSION, storedProperty, useStartedSite } from '../helpers';
import { handoffPropertyKey } from '#domain/property-keys';

const { site, invoke } = useStartedSite();

describe("the app's user without Administer Projects in SHOP", () => {
  beforeAll(() => site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', false));
  afterAll(() => site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', true));

  it("a PO's save is kept, and the PO is told what the app needs before Jira's copy is updated", async () => {
    const saved = await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() });
    if (!saved.ok) throw new Error(saved.error.message);
    const view = saved.value as { notice?: string; revisions?: { content: number } };
    // The record in the app's storage is the source of truth: the text is not lost.
    expect(view.revisions?.content).toBe(1);
    expect(view.notice).toContain("CS Handoff (the app) cannot save its data in SHOP: give the app's user Administer Projects in SHOP.");
    expect(view.notice).not.toMatch(/you don't have permission/i);
    // Jira refused the app, so its copy is not there yet.
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toBeNull();
  });

  it("once the permission is back, the next read publishes Jira's copy", async () => {
    site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', true);
    try {
      const read = await invoke('po', 'getHandoff', { versionId: SHOP_VERSION });
      expect(read.ok ? 'ok' : read.error.code).toBe('ok');
      expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toMatchObject({ revision: 1 });
    } finally {
      site().jira.store.setPermission(site().jira.appAccountId, SHOP_ID, 'ADMINISTER_PROJECTS', false);
    }
  });
});
