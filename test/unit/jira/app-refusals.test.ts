/**
 * Who Jira refused decides whose problem it is: a refusal of the app itself names what the app's user
 * lacks (an admin can fix it; the person cannot), and Forge's "the person has not allowed access yet"
 * reaches the resolver boundary as itself, neither retried nor reported as "Jira could not be reached".
 */
import { NeedsAuthenticationError, route } from '@forge/api';
import { z } from 'zod';
import { createJira } from '#jira';
import { jiraRequest } from '#jira/request';
import { createHandler } from '#resolvers';
import type { Result } from '#contract';
import { fakeJira } from './fake-jira';
import { rejectedAppError } from '../app-error';
import { resolverDepsWith } from '../../support/resolver-deps';

describe("the app's own refusals", () => {
  it.each([401, 403])('a %i as the app is APP_FORBIDDEN naming what the app needs, not the person', async (status) => {
    const { fetch } = fakeJira(() => ({ status, body: { errorMessages: ['You do not have permission to edit the properties of this project.'] } }));
    const error = (await rejectedAppError(createJira(fetch).putProjectProperty('SHOP', 'cs-handoff.version.1', { a: 1 }), 'an error')).error;
    expect(error.code).toBe('APP_FORBIDDEN');
    expect(error.message).toMatch(/^CS Handoff \(the app\) cannot save its data in SHOP: give the app's user Administer Projects in SHOP\./);
    expect(error.message).not.toMatch(/\byou don't have\b/i);
  });

  it('names the version edit when Jira refuses to put a version back', async () => {
    const { fetch } = fakeJira(() => ({ status: 403, body: { errorMessages: ['You do not have permission to edit versions.'] } }));
    const error = (await rejectedAppError(createJira(fetch).setVersionReleased('10003', false), 'an error')).error;
    expect(error).toMatchObject({ code: 'APP_FORBIDDEN', message: expect.stringContaining("cannot edit version 10003 (to put it back to unreleased): give the app's user Administer Projects") });
  });

  it('still blames nobody but says so when a request does not name what it needs', async () => {
    const { fetch } = fakeJira(() => ({ status: 403, body: {} }));
    const error = (await rejectedAppError(jiraRequest(fetch, { as: 'app', route: route`/rest/api/3/myself` }, z.unknown()), 'an error')).error;
    expect(error.code).toBe('APP_FORBIDDEN');
    expect(error.message).toContain('CS Handoff (the app)');
  });

  it("keeps the person's own 403 as FORBIDDEN", async () => {
    const { fetch } = fakeJira(() => ({ status: 403, body: { errorMessages: ['No permission.'] } }));
    const appNeeds = { action: 'save its data in SHOP', permission: 'Administer Projects in SHOP' };
    const request = jiraRequest(fetch, { as: 'user', method: 'PUT', route: route`/rest/api/3/project/SHOP/properties/k`, body: 1, appNeeds }, z.unknown());
    const error = (await rejectedAppError(request, 'an error')).error;
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe("Forge's NeedsAuthenticationError", () => {
  const needsConsent = () => Promise.reject(new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key'));

  it('is thrown on as itself from the Jira layer, asked once, never retried', async () => {
    const { fetch, sent } = fakeJira(needsConsent);
    const sleep = jest.fn(() => Promise.resolve());
    await expect(jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/myself` }, z.unknown(), { sleep })).rejects.toBeInstanceOf(NeedsAuthenticationError);
    expect(sent).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('leaves the resolver as itself, so Forge can ask the person to allow access', async () => {
    const deps = resolverDepsWith(createJira(fakeJira(needsConsent).fetch));
    const context = { accountId: 'acc-ana', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' } } };
    const run = createHandler(deps)({ call: { functionKey: 'listReleases', payload: {} }, context }, { principal: { accountId: 'acc-ana' } }) as Promise<Result<unknown>>;
    await expect(run).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    expect(deps.log.error).not.toHaveBeenCalled();
  });
});
