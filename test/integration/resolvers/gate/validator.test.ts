/**
 * The workflow validator on the local Jira site: the fix versions set on the transition screen count,
 * archived fix versions are judged, and a check that cannot finish fails the transition.
 */
import { useStartedSite } from '../helpers';
import { gateSite, todayPlus } from './gate-helpers';

jest.setTimeout(60_000);
const { site } = useStartedSite();
const gate = gateSite(site);

type Verdict = { result: boolean; errorMessage?: string };
const validate = async (key: string, modifiedFields?: Record<string, unknown>) =>
  (await site().host.runWorkflowValidator('cs-handoff-validator', { issue: { key }, ...(modifiedFields ? { transition: { from: { id: '1' }, to: { id: '3' }, modifiedFields } } : {}) })) as Verdict;

async function issueWith(fixVersionIds: string[]): Promise<string> {
  const fields = { project: { key: 'SHOP' }, issuetype: { id: '10001' }, summary: 'Release ticket', fixVersions: fixVersionIds.map((id) => ({ id })) };
  const created = await gate.rest<{ key: string }>('po', 'POST', '/rest/api/3/issue', { fields });
  expect(created.status).toBe(201);
  return created.json.key;
}

let blocked: string;
let ok: string;
beforeAll(async () => {
  blocked = await gate.createVersion('2029.01 No handoff', todayPlus(20));
  ok = await gate.createVersion('2029.02 On time', todayPlus(20));
  await gate.writeReady(ok);
});

describe('fix versions set on the transition screen', () => {
  test('set: a blocked version chosen on the screen fails an issue that stores none', async () => {
    const key = await issueWith([]);
    expect(await validate(key)).toEqual({ result: true });
    const verdict = await validate(key, { fixVersions: [{ id: blocked, name: '2029.01 No handoff' }] });
    expect(verdict.result).toBe(false);
    expect(verdict.errorMessage).toContain('Fix version 2029.01 No handoff is blocked by CS Handoff');
  });

  test('changed: the screen replaces a blocked stored version with an on-time one, and the other way round', async () => {
    expect((await validate(await issueWith([blocked]), { fixVersions: [{ id: ok }] })).result).toBe(true);
    const verdict = await validate(await issueWith([ok]), { fixVersions: [{ id: ok }, { id: Number(blocked) }] });
    expect(verdict.result).toBe(false);
    expect(verdict.errorMessage).toContain('2029.01 No handoff');
    expect(verdict.errorMessage).not.toContain('2029.02 On time');
  });

  test('cleared (null): judged as no fix versions', async () => {
    expect(await validate(await issueWith([blocked]), { fixVersions: null })).toEqual({ result: true });
  });

  test('other fields changed on the screen: the stored fix versions still count', async () => {
    expect((await validate(await issueWith([blocked]), { labels: ['x'] })).result).toBe(false);
  });

  test('an unreadable fixVersions value fails the transition instead of passing it', async () => {
    const verdict = await validate(await issueWith([]), { fixVersions: 'soon' });
    expect(verdict).toEqual({ result: false, errorMessage: expect.stringContaining('Could not check the CS handoff, try again') });
  });
});

test('an archived fix version whose handoff would not pass is refused; an archived on-time one passes', async () => {
  const archived = await gate.createVersion('2029.03 Archived', todayPlus(20));
  const key = await issueWith([archived]);
  expect(await gate.putVersionAsRita(archived, { archived: true })).toBe(false);
  const verdict = await validate(key);
  expect(verdict.result).toBe(false);
  expect(verdict.errorMessage).toContain('Fix version 2029.03 Archived is blocked by CS Handoff');

  const archivedOk = await gate.createVersion('2029.04 Archived on time', todayPlus(20));
  await gate.writeReady(archivedOk);
  await gate.putVersionAsRita(archivedOk, { archived: true });
  expect(await validate(await issueWith([archivedOk]))).toEqual({ result: true });
});

describe('Jira failing mid-check fails the transition', () => {
  afterEach(() => {
    site().jira.settings.faults.length = 0;
  });

  test.each([
    ['the issue read', '^GET /rest/api/3/issue/', 500, 1],
    ['the version read', '^GET /rest/api/3/version/', 500, 1],
    ['the handoff read (three 503s)', '^GET /rest/api/3/project/[^/]+/properties/cs-handoff\\.version', 503, 3],
  ])('%s fails', async (_what, pathPattern, status, times) => {
    const key = await issueWith([ok]);
    expect(await validate(key)).toEqual({ result: true });
    site().jira.settings.faults.push({ pathPattern, status: status as 500 | 503, times });
    expect(await validate(key)).toEqual({ result: false, errorMessage: expect.stringContaining('Could not check the CS handoff, try again') });
  });
});
