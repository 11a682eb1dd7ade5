/**
 * The resolver boundary with a fake Jira: what the UI gets when something unexpected breaks, and
 * that the project comes from Forge's context only.
 */
import { createHandler } from '#resolvers';
import type { ResolverDeps } from '#resolvers/core/deps';
import { createJira } from '#jira';
import { fakeJira } from '../../../unit/jira/fake-jira';
import { resolverDepsWith } from '../../../support/resolver-deps';

const context = { accountId: 'acc-po', siteUrl: 'https://shop.atlassian.net', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' } } };

function handlerWith(respond: Parameters<typeof fakeJira>[0], override: Partial<ResolverDeps['jira']> = {}) {
  const jira = fakeJira(respond);
  const deps = resolverDepsWith({ ...createJira(jira.fetch), ...override });
  const handler = createHandler(deps);
  // Forge passes the caller as the runtime's principal; @forge/resolver copies it into context.accountId.
  const call = (functionKey: string, payload: unknown, ctx: unknown = context) => handler({ call: { functionKey, payload }, context: ctx as never }, { principal: { accountId: 'acc-po' } });
  return { call, sent: jira.sent, log: deps.log };
}

describe('resolver boundary', () => {
  it('answers INTERNAL with a safe message and logs the cause when something unexpected throws', async () => {
    const { call, log } = handlerWith(() => ({ status: 200 }), {
      getMyPermissions: () => {
        throw new TypeError('secret internal detail');
      },
    });
    const result = (await call('getHandoff', { versionId: '10002' })) as { ok: false; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('secret');
    expect(log.error).toHaveBeenCalled();
  });

  it('calls Jira with the project from the context, never from the payload, and not at all for a bad payload', async () => {
    const { call, sent } = handlerWith(() => ({ status: 404 }));
    await call('getHandoff', { versionId: '10002', projectKey: 'OPS' });
    expect(sent).toHaveLength(0);
    await call('getHandoff', { versionId: '10002' });
    expect(sent.map((s) => s.path)).toEqual(
      expect.arrayContaining([
        '/rest/api/3/mypermissions?projectKey=SHOP&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES%2CADMINISTER_PROJECTS',
        '/rest/api/3/project/SHOP/properties/cs-handoff.version.10002',
      ]),
    );
  });

  it('refuses a call without a project in its context before calling Jira', async () => {
    const { call, sent } = handlerWith(() => ({ status: 200 }));
    const result = (await call('listReleases', {}, { accountId: 'acc-po', extension: {} })) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(sent).toHaveLength(0);
  });
});
