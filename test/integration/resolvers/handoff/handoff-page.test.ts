/**
 * getHandoffPage: the handoff page's one invocation. It answers what getHandoff and getL3Summary answer
 * apart, reads the person's permissions and the project once for both, and counts the L3 bugs with one
 * search; a refused reader gets the refusal, not a half page.
 */
import type { HandoffPage, HandoffView, L3Summary } from '../../../../src/contract';
import { completeContent, expectError, expectOk, SHOP_VERSION, useStartedSite } from '../helpers';

const { site, invoke, markCalls, callsSince } = useStartedSite();

beforeAll(async () => {
  expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
});

test('the handoff, its gate and permissions, and the L3 count, as the two separate calls answer them', async () => {
  const apart = expectOk(await invoke<HandoffView>('cs-agent', 'getHandoff', { versionId: SHOP_VERSION }));
  const l3 = expectOk(await invoke<L3Summary>('cs-agent', 'getL3Summary', { versionId: SHOP_VERSION }));
  const page = expectOk(await invoke<HandoffPage>('cs-agent', 'getHandoffPage', { versionId: SHOP_VERSION }));
  expect(page.handoff).toEqual(apart);
  expect(page.l3).toEqual({ ok: true, value: l3 });
});

test('the access check is read once for both parts, the L3 count is one search', async () => {
  site().jira.settings.latencyMs = 30;
  try {
    const mark = markCalls();
    expectOk(await invoke<HandoffPage>('cs-agent', 'getHandoffPage', { versionId: SHOP_VERSION }));
    const { jira } = callsSince(mark);
    expect(jira.filter((c) => c.path === '/rest/api/3/mypermissions' && c.principal !== 'app')).toHaveLength(1);
    expect(jira.filter((c) => c.path === '/rest/api/3/project/SHOP')).toHaveLength(1);
    expect(jira.filter((c) => c.path.startsWith('/rest/api/3/search'))).toHaveLength(1);
  } finally {
    site().jira.settings.latencyMs = 0;
  }
});

test('someone who cannot browse the project gets the refusal', async () => {
  expect(expectError(await invoke('outsider', 'getHandoffPage', { versionId: SHOP_VERSION })).code).toBe('FORBIDDEN');
});
