import { createJira } from '#jira';
import { fakeJira } from '../jira/fake-jira';
import { rejectedAppError } from '../app-error';

const issueType = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  self: `https://x/rest/api/3/issuetype/${id}`,
  id,
  name,
  description: '',
  iconUrl: 'https://x/icon',
  subtask: false,
  hierarchyLevel: 0,
  ...extra,
});

// Unexpected answers are logged by the request helper; that log is expected here.
beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

const codeOf = async (promise: Promise<unknown>) => (await rejectedAppError(promise)).error.code;

describe('getCreatableIssueTypes', () => {
  it("asks Jira's create metadata as the user, one page, and maps the types", async () => {
    const { fetch, sent } = fakeJira(() => ({
      status: 200,
      body: { issueTypes: [issueType('10004', 'Bug'), issueType('10005', 'Sub-task', { subtask: true, hierarchyLevel: -1 })], maxResults: 200, startAt: 0, total: 2 },
    }));
    expect(await createJira(fetch).getCreatableIssueTypes('SHOP')).toEqual([
      { id: '10004', name: 'Bug', subtask: false },
      { id: '10005', name: 'Sub-task', subtask: true },
    ]);
    expect(sent).toEqual([{ as: 'user', method: 'GET', path: '/rest/api/3/issue/createmeta/SHOP/issuetypes?startAt=0&maxResults=200', body: undefined }]);
  });

  it('also reads a page whose list is called values, and an empty page as no types', async () => {
    const values = fakeJira(() => ({ status: 200, body: { values: [issueType('1', 'Bug')], total: 1 } }));
    expect(await createJira(values.fetch).getCreatableIssueTypes('SHOP')).toEqual([{ id: '1', name: 'Bug', subtask: false }]);
    const empty = fakeJira(() => ({ status: 200, body: { issueTypes: [], maxResults: 200, startAt: 0, total: 0 } }));
    expect(await createJira(empty.fetch).getCreatableIssueTypes('SHOP')).toEqual([]);
  });

  it("maps Jira's refusals onto domain errors", async () => {
    const missing = fakeJira(() => ({ status: 404, body: { errorMessages: ['No project could be found'] } }));
    expect(await codeOf(createJira(missing.fetch).getCreatableIssueTypes('NOPE'))).toBe('NOT_FOUND');
    const down = fakeJira(() => ({ status: 503 }));
    expect(await codeOf(createJira(down.fetch).getCreatableIssueTypes('SHOP'))).toBe('JIRA_UNAVAILABLE');
    const odd = fakeJira(() => ({ status: 200, body: { issueTypes: [{ id: 4 }] } }));
    expect(await codeOf(createJira(odd.fetch).getCreatableIssueTypes('SHOP'))).toBe('INTERNAL');
  });
});

describe('countIssues', () => {
  it('sends one approximate-count search as the user with the JQL in the body', async () => {
    const jql = 'project = SHOP AND labels = "chain-shop-v10002-l3" ORDER BY created DESC';
    const { fetch, sent } = fakeJira(() => ({ status: 200, body: { count: 3 } }));
    expect(await createJira(fetch).countIssues(jql)).toBe(3);
    expect(sent).toEqual([{ as: 'user', method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } }]);
  });

  it("keeps Jira's message for a JQL it refuses", async () => {
    const { fetch } = fakeJira(() => ({ status: 400, body: { errorMessages: ["The value 'SHOP' does not exist for the field 'project'."] } }));
    await expect(createJira(fetch).countIssues('project = SHOP')).rejects.toMatchObject({
      error: { code: 'INVALID_INPUT', message: "The value 'SHOP' does not exist for the field 'project'." },
    });
  });

  it('refuses an answer without a count', async () => {
    const { fetch } = fakeJira(() => ({ status: 200, body: { issues: [] } }));
    expect(await codeOf(createJira(fetch).countIssues('project = SHOP'))).toBe('INTERNAL');
  });
});
