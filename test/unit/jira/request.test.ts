import { route } from '@forge/api';
import { z } from 'zod';
import type { AppError } from '#domain/errors';
import { jiraRequest, jiraRequestOrNull } from '#jira/request';
import { fakeJira, type Answer } from './fake-jira';
import { rejectedAppError } from '../app-error';

async function errorFor(answer: Answer): Promise<AppError['error']> {
  const { fetch } = fakeJira(() => answer);
  return (await rejectedAppError(jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/version/1` }, z.unknown()), 'an error')).error;
}

describe('Jira answers → domain errors', () => {
  it.each([
    [404, 'NOT_FOUND'],
    [401, 'FORBIDDEN'],
    [403, 'FORBIDDEN'],
    [429, 'JIRA_UNAVAILABLE'],
    [500, 'JIRA_UNAVAILABLE'],
    [503, 'JIRA_UNAVAILABLE'],
    [413, 'TOO_LARGE'],
    [409, 'INTERNAL'],
  ])('%i → %s', async (status, code) => {
    expect((await errorFor({ status, body: { errorMessages: ['x'], errors: {} } })).code).toBe(code);
  });

  it("keeps Jira's message and field errors on 400", async () => {
    const error = await errorFor({ status: 400, body: { errorMessages: ['The property value is too long.'], errors: { url: 'Must be a URL.' } } });
    expect(error).toEqual({ code: 'INVALID_INPUT', message: 'The property value is too long. Must be a URL.', fields: { url: 'Must be a URL.' } });
  });

  it('does not pass on Jira internals on 5xx', async () => {
    const error = await errorFor({ status: 500, body: { errorMessages: ['java.lang.NullPointerException at com.atlassian…'] } });
    expect(error.message).not.toContain('java');
  });

  it('maps a network failure to JIRA_UNAVAILABLE', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { fetch } = fakeJira(() => Promise.reject(new Error('ECONNRESET')));
    await expect(jiraRequest(fetch, { as: 'app', route: route`/rest/api/3/myself` }, z.unknown())).rejects.toMatchObject({ error: { code: 'JIRA_UNAVAILABLE' } });
    error.mockRestore();
  });

  it('refuses an answer of the wrong shape as INTERNAL', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { fetch } = fakeJira(() => ({ status: 200, body: { id: 5 } }));
    await expect(jiraRequest(fetch, { as: 'user', route: route`/rest/api/3/version/1` }, z.object({ id: z.string() }))).rejects.toMatchObject({
      error: { code: 'INTERNAL' },
    });
    error.mockRestore();
  });

  it('reads a 404 as "none" only where asked to', async () => {
    const { fetch } = fakeJira(() => ({ status: 404, body: { errorMessages: ['nope'] } }));
    await expect(jiraRequestOrNull(fetch, { as: 'user', route: route`/x` }, z.unknown())).resolves.toBeNull();
  });

  it('sends JSON bodies with the content type', async () => {
    const { fetch, sent } = fakeJira(() => ({ status: 201 }));
    await jiraRequest(fetch, { as: 'app', method: 'POST', route: route`/x`, body: { a: 'ש' } }, z.unknown());
    expect(sent).toEqual([{ as: 'app', method: 'POST', path: '/x', body: { a: 'ש' } }]);
  });
});
