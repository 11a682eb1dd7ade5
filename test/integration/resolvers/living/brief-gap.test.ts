/**
 * A walkthrough question settled as a gap in the release brief, filed as a Jira task on the version
 * (through the real resolvers, on the local Jira site), with the chain label for brief gaps.
 */
import { rest } from '../../../../bench/fixtures';
import type { HandoffView } from '#contract';
import { handoffPropertyKey } from '#domain/property-keys';
import { attendeeOf } from '../../../support';
import { completeContent, expectError, expectOk, SHOP_VERSION, storedProperty, useStartedSite } from '../helpers';

jest.setTimeout(120_000);

const { site, invoke } = useStartedSite();

/** The revision a change names: its own record's (the content's for saves and status changes). */
const revisionOf = (view: HandoffView, record: 'content' | 'walkthrough' | 'rollout' = 'content') => view.revisions[record];
const QUESTION = 'What happens to a saved cart when a product is discontinued?';
const NOTE = 'The release brief does not say what happens to discontinued products.';

interface IssueJson {
  key: string;
  fields: {
    summary: string;
    labels: string[];
    issuetype: { name: string };
    fixVersions: { id: string }[];
    description: unknown;
  };
}

describe('filing a brief gap as a Jira task', () => {
  let view: HandoffView;
  let issueKey = '';

  beforeAll(async () => {
    view = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    view = expectOk(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId: SHOP_VERSION,
        baseRevision: revisionOf(view, 'walkthrough'),
        walkthrough: {
          heldAt: '2026-07-01T14:00:00Z',
          attendees: [attendeeOf('cs-lead')],
          questions: [
            { text: QUESTION, raisedBy: 'Ana Silva', settlement: null },
            { text: 'Can a customer share a saved cart?', settlement: null },
          ],
        },
      }),
    );
  });

  it('Carlos settles q1 as a gap and files it: the task exists with the label, fix version and ADF description', async () => {
    view = expectOk(
      await invoke('cs-lead', 'settleQuestion', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q1', settlement: { kind: 'brief-gap', note: NOTE } }),
    );
    const before = revisionOf(view, 'walkthrough');
    view = expectOk(await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: before, questionId: 'q1' }));
    expect(revisionOf(view, 'walkthrough')).toBe(before + 1);
    const settlement = view.walkthrough?.questions[0]?.settlement;
    expect(settlement).toMatchObject({ kind: 'brief-gap', note: NOTE, issueKey: expect.stringMatching(/^SHOP-\d+$/) });
    issueKey = settlement?.kind === 'brief-gap' ? (settlement.issueKey ?? '') : '';

    const { status, json } = await rest(site(), 'cs-lead', 'GET', `/rest/api/3/issue/${issueKey}`);
    expect(status).toBe(200);
    const issue = json as IssueJson;
    // The brief-gap chain label, and the filing's own label (how a lost create is found again).
    expect(issue.fields.labels).toEqual([`chain-shop-v${SHOP_VERSION}-brief-gap`, expect.stringMatching(/^cs-handoff-filing-[0-9a-f]{12}$/)]);
    expect(issue.fields.fixVersions.map((v) => v.id)).toEqual([SHOP_VERSION]);
    expect(issue.fields.issuetype.name).toBe('Task');
    expect(issue.fields.summary).toMatch(/^\[Brief gap\] .+: What happens to a saved cart when a product is discontinued\?$/);
    expect(issue.fields.description).toMatchObject({ type: 'doc', version: 1 });
    const description = JSON.stringify(issue.fields.description);
    expect(description).toContain(QUESTION);
    expect(description).toContain(NOTE);
    expect(description).toMatch(new RegExp(`"href":"[^"]*/version/${SHOP_VERSION}"`));

    // Committed, then published: the key is on the settlement in the walkthrough's own property in Jira.
    const stored = (await storedProperty(site(), `cs-handoff.walkthrough.${SHOP_VERSION}`)) as { walkthrough: NonNullable<HandoffView['walkthrough']> };
    expect(stored.walkthrough.questions[0]?.settlement).toEqual({ kind: 'brief-gap', note: NOTE, issueKey });
  });

  it('filing it twice is INVALID_INPUT naming questionId, and creates nothing', async () => {
    const before = await rest(site(), 'app', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`labels = "chain-shop-v${SHOP_VERSION}-brief-gap"`)}`);
    const again = expectError(await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q1' }));
    expect(again.code).toBe('INVALID_INPUT');
    expect(again.fields?.questionId).toContain(issueKey);
    const after = await rest(site(), 'app', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`labels = "chain-shop-v${SHOP_VERSION}-brief-gap"`)}`);
    expect(after.json).toEqual(before.json);
  });

  it('a question not settled as a brief gap is INVALID_INPUT naming questionId', async () => {
    const open = expectError(await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q2' }));
    expect(open.code).toBe('INVALID_INPUT');
    expect(Object.keys(open.fields ?? {})).toEqual(['questionId']);
  });

  it('a stale base revision is CONFLICT, like the other walkthrough writes', async () => {
    const stale = expectError(await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough') - 1, questionId: 'q1' }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('Otto (outsider) is FORBIDDEN and nothing is written', async () => {
    const before = await storedProperty(site(), handoffPropertyKey(SHOP_VERSION));
    const refused = expectError(await invoke('outsider', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q1' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toEqual(before);
  });

  it('a create whose answer is lost files no second task: the retry finds the task Jira made by its filing label', async () => {
    const gapTasks = async () => {
      const found = await rest(site(), 'app', 'GET', `/rest/api/3/search/jql?fields=labels&jql=${encodeURIComponent(`labels = "chain-shop-v${SHOP_VERSION}-brief-gap"`)}`);
      return (found.json as { issues: { key: string; fields: { labels: string[] } }[] }).issues;
    };
    view = expectOk(
      await invoke('cs-lead', 'settleQuestion', {
        versionId: SHOP_VERSION,
        baseRevision: revisionOf(view, 'walkthrough'),
        questionId: 'q2',
        settlement: { kind: 'brief-gap', note: 'Sharing is not in the brief.' },
      }),
    );
    const before = (await gapTasks()).map((i) => i.key);
    const mark = site().jira.requestLog.length;

    // Jira creates the task, then the answer is lost (a 500 on the way back).
    site().jira.settings.faults.push({ pathPattern: '^POST /rest/api/3/issue$', status: 500, times: 1, after: true });
    const lost = await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q2' });
    expect(lost.ok).toBe(false);
    const made = (await gapTasks()).filter((i) => !before.includes(i.key));
    expect(made.length).toBe(1);

    // The retry (the same click again) searches Jira first and records that task: nothing is created again.
    view = expectOk(await invoke('cs-lead', 'fileBriefGap', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q2' }));
    expect(view.walkthrough?.questions.find((q) => q.id === 'q2')?.settlement).toMatchObject({ kind: 'brief-gap', issueKey: made[0]?.key });
    expect((await gapTasks()).filter((i) => !before.includes(i.key)).map((i) => i.key)).toEqual([made[0]?.key]);
    const creates = site()
      .jira.requestLog.slice(mark)
      .filter((e) => e.method === 'POST' && e.path === '/rest/api/3/issue');
    expect(creates.length).toBe(1);
    const searches = site()
      .jira.requestLog.slice(mark)
      .filter((e) => e.method === 'POST' && e.path === '/rest/api/3/search/jql');
    expect(searches.map((e) => e.principal)).toEqual([expect.stringMatching(/^user:/)]);
  });

  // OPS has a Task issue type in the seed, so "no Task type" cannot be reached on the local site.
});
