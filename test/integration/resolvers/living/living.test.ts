/**
 * The living handoff end to end on the local Jira site: the CS walkthrough, the rollout, the
 * revision history and the exports, through the real resolvers as the seeded people.
 */
import { roundsOf } from '../../../../local-site/jira';
import type { HandoffExport, HandoffHistory, HandoffView, PeopleMatches, ReleasesOverview, RevisionDiff } from '#contract';
import { handoffPropertyKey } from '#domain/property-keys';
import { createVersion } from '../../../../bench/fixtures';
import { PROPERTY_MAX_BYTES } from '#domain/storage-size';
import { parseStrictXml } from '../../../unit/living/strict-xml';
import { completeContent, expectError, expectOk, SHOP_VERSION, SOON_VERSION, storedProperty, useStartedSite } from '../helpers';
import { attendeeOf, personOf } from '../../../support';

jest.setTimeout(120_000);

const { site, invoke, jiraCallsSince, markCalls, callsSince } = useStartedSite();

/** The revision a change names: its own record's (the content's for saves and status changes). */
const revisionOf = (view: HandoffView, record: 'content' | 'walkthrough' | 'rollout' = 'content') => view.revisions[record];

async function allProperties(projectKey = 'SHOP'): Promise<Record<string, unknown>> {
  const headers = { authorization: `ForgeApp ${site().jira.appSecret}` };
  const list = (await (await fetch(`${site().url}/rest/api/3/project/${projectKey}/properties`, { headers })).json()) as { keys: { key: string }[] };
  const entries = await Promise.all(list.keys.map(async ({ key }) => [key, await storedProperty(site(), key, projectKey)] as const));
  return Object.fromEntries(entries);
}

describe('the walkthrough, the rollout and the history of one release', () => {
  let view: HandoffView;

  it('Carlos (CS lead, a reader) records the walkthrough with three questions', async () => {
    view = expectOk(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    view = expectOk(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId: SHOP_VERSION,
        baseRevision: revisionOf(view, 'walkthrough'),
        walkthrough: {
          heldAt: '2026-07-01T14:00:00Z',
          // Names sent along are ignored: the stored names are Jira's.
          attendees: [attendeeOf('cs-lead'), { ...attendeeOf('cs-agent'), displayName: 'Not Her Name' }, attendeeOf('po')],
          questions: [
            { text: 'Does the saved cart keep prices from the day it was saved?', raisedBy: 'Ana Silva', settlement: null },
            { text: 'What happens to a saved cart when a product is discontinued?', settlement: null },
            { text: 'Can a customer share a saved cart?', settlement: null },
          ],
        },
      }),
    );
    expect(view.capabilities.canEdit).toBe(false);
    expect(view.walkthrough?.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(view.unsettledQuestions).toBe(3);
    // The walkthrough is its own record: "last changed by" still names who changed the content.
    expect(view.handoff?.updatedBy.displayName).toBe('Priya Patel');
    expect(view.revisions).toEqual({ content: 1, walkthrough: 1, rollout: 0 });
    expect(view.walkthrough?.attendees).toEqual([
      { accountId: personOf(site(), 'cs-lead').accountId, displayName: 'Carlos Mendes' },
      { accountId: personOf(site(), 'cs-agent').accountId, displayName: 'Ana Silva' },
      { accountId: personOf(site(), 'po').accountId, displayName: 'Priya Patel' },
    ]);
  });

  it('Ana (CS agent) cannot promote a question or move the rollout: FORBIDDEN, nothing written', async () => {
    const before = await storedProperty(site(), handoffPropertyKey(SHOP_VERSION));
    const promote = expectError(await invoke('cs-agent', 'promoteQuestion', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q1', answer: 'Yes.' }));
    expect(promote.code).toBe('FORBIDDEN');
    const move = expectError(await invoke('cs-agent', 'moveRollout', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'rollout'), to: '1', learned: '' }));
    expect(move.code).toBe('FORBIDDEN');
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toEqual(before);
  });

  it('Priya turns q1 into a likely question in one action', async () => {
    view = expectOk(
      await invoke('po', 'promoteQuestion', {
        versionId: SHOP_VERSION,
        baseRevision: revisionOf(view, 'walkthrough'),
        questionId: 'q1',
        answer: 'Yes: prices are re-checked at checkout, and the cart says so.',
      }),
    );
    expect(view.handoff?.content.questions).toHaveLength(2);
    expect(view.handoff?.content.questions[1]).toEqual({
      question: 'Does the saved cart keep prices from the day it was saved?',
      answer: 'Yes: prices are re-checked at checkout, and the cart says so.',
    });
    expect(view.walkthrough?.questions[0]?.settlement).toEqual({ kind: 'answered', where: 'questions', questionIndex: 1 });
    expect(view.unsettledQuestions).toBe(2);
  });

  it('Ana marks q2 as a gap in the release brief; q3 stays open', async () => {
    const missingNote = expectError(
      await invoke('cs-agent', 'settleQuestion', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'walkthrough'), questionId: 'q2', settlement: { kind: 'brief-gap' } }),
    );
    expect(missingNote.code).toBe('INVALID_INPUT');
    expect(Object.keys(missingNote.fields ?? {})).toContain('settlement.note');
    view = expectOk(
      await invoke('cs-agent', 'settleQuestion', {
        versionId: SHOP_VERSION,
        baseRevision: revisionOf(view, 'walkthrough'),
        questionId: 'q2',
        settlement: { kind: 'brief-gap', note: 'The release brief does not say what happens to discontinued products in saved carts.' },
      }),
    );
    expect(view.unsettledQuestions).toBe(1);
    const overview = expectOk(await invoke<ReleasesOverview>('cs-agent', 'listReleases', {}));
    expect(overview.releases.find((r) => r.version.id === SHOP_VERSION)?.unsettledQuestions).toBe(1);
  });

  it('a stale baseRevision is a CONFLICT for walkthrough changes too', async () => {
    const error = expectError(await invoke('cs-lead', 'settleQuestion', { versionId: SHOP_VERSION, baseRevision: 1, questionId: 'q3', settlement: null }));
    expect(error.code).toBe('CONFLICT');
  });

  it('Priya moves the rollout to 1% then 5% with what was learned; the history has both', async () => {
    view = expectOk(await invoke('po', 'moveRollout', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'rollout'), to: '1', learned: 'No tickets in the first day.' }));
    view = expectOk(
      await invoke('po', 'moveRollout', { versionId: SHOP_VERSION, baseRevision: revisionOf(view, 'rollout'), to: '5', learned: 'Two tickets about prices: the likely question answered both.' }),
    );
    expect(view.rollout.stage).toBe('5');
    expect(view.rollout.history.map((h) => [h.from, h.stage, h.learned])).toEqual([
      ['not-started', '1', 'No tickets in the first day.'],
      ['1', '5', 'Two tickets about prices: the likely question answered both.'],
    ]);

    const history = expectOk(await invoke<HandoffHistory>('cs-agent', 'listHistory', { versionId: SHOP_VERSION }));
    // Every change, newest first: the document's revisions (the ones that can be compared) and, between
    // them, the walkthrough's and the rollout's changes, each numbered by its own record's revision. The
    // promotion changed the walkthrough and the content in one commit.
    expect(history.revisions.map((r) => [r.record, r.revision, r.sections, r.by.displayName, r.diffable])).toEqual([
      ['rollout', 2, ['Rollout'], 'Priya Patel', false],
      ['rollout', 1, ['Rollout'], 'Priya Patel', false],
      ['walkthrough', 3, ['Walkthrough'], 'Ana Silva', false],
      ['walkthrough', 2, ['Walkthrough'], 'Priya Patel', false],
      ['content', 2, ['Likely questions'], 'Priya Patel', true],
      ['walkthrough', 1, ['Walkthrough'], 'Carlos Mendes', false],
      ['content', 1, ["What's new", 'Happy path', 'Known limitations', 'Likely questions', 'Escalation L1', 'Escalation L2', 'Dashboard link'], 'Priya Patel', true],
    ]);
    expect(view.revisions).toEqual({ content: 2, walkthrough: 3, rollout: 2 });
  });

  it('the diff between the revisions before and after the promotion shows exactly the new likely question', async () => {
    const diff = expectOk(await invoke<RevisionDiff>('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: 1, to: 2 }));
    expect(diff.changes).toEqual([
      {
        kind: 'questions',
        section: 'Likely questions',
        items: [
          { op: 'added', position: 2, item: { question: 'Does the saved cart keep prices from the day it was saved?', answer: 'Yes: prices are re-checked at checkout, and the cart says so.' } },
        ],
      },
    ]);
    expect(expectOk(await invoke<RevisionDiff>('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: 2, to: 2 })).changes).toEqual([]);
    expect(expectError(await invoke('cs-agent', 'diffRevisions', { versionId: SHOP_VERSION, from: 2, to: 99 })).code).toBe('NOT_FOUND');
    expect(expectError(await invoke('outsider', 'listHistory', { versionId: SHOP_VERSION })).code).toBe('FORBIDDEN');
  });

  it('the L3 pre-fill records the rollout stage', async () => {
    const prefill = expectOk(await invoke<{ description: unknown }>('cs-agent', 'getL3Prefill', { versionId: SHOP_VERSION }));
    expect(JSON.stringify(prefill.description)).toContain('5%');
  });

  it('exports the full handoff as Markdown and as well-formed Confluence storage format', async () => {
    const md = expectOk(await invoke<HandoffExport>('cs-agent', 'exportHandoff', { versionId: SHOP_VERSION, format: 'markdown' }));
    expect(md.text.startsWith('# CS handoff')).toBe(true);
    expect(md).toMatchObject({ filename: 'cs-handoff-shop-2027.01-saved-carts.md', mimeType: 'text/markdown; charset=utf-8' });
    expect(md.text).toContain('**Rollout:** 5%');
    const xml = expectOk(await invoke<HandoffExport>('cs-agent', 'exportHandoff', { versionId: SHOP_VERSION, format: 'confluence' }));
    expect(() => parseStrictXml(`<root>${xml.text}</root>`)).not.toThrow();
    expect(xml.filename.endsWith('.xml')).toBe(true);
    expect(expectError(await invoke('cs-agent', 'exportHandoff', { versionId: SHOP_VERSION, format: 'pdf' })).code).toBe('INVALID_INPUT');
  });
});

describe('a handoff with a long history', () => {
  it('200 saves: getHandoff makes the same Jira calls as after 1, and no property is over 32,768 bytes', async () => {
    const long = (n: number) => completeContent({ whatsNew: `Revision ${n}. ${'Carts follow the shopper everywhere. '.repeat(38)}`.slice(0, 1500) });
    let view = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: long(1) }));

    let mark = site().jira.requestLog.length;
    expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SOON_VERSION }));
    const afterOne = jiraCallsSince(mark)
      .map((e) => `${e.method} ${e.path}`)
      .sort();

    for (let n = 2; n <= 200; n++) {
      view = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: revisionOf(view), content: long(n) }));
    }
    expect(revisionOf(view)).toBe(200);

    mark = site().jira.requestLog.length;
    expectOk(await invoke('cs-agent', 'getHandoff', { versionId: SOON_VERSION }));
    expect(
      jiraCallsSince(mark)
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    ).toEqual(afterOne);

    const properties = await allProperties();
    for (const [key, value] of Object.entries(properties)) {
      expect([key, Buffer.byteLength(JSON.stringify(value), 'utf8') <= PROPERTY_MAX_BYTES]).toEqual([key, true]);
    }
    // History lives in the app's storage, one record per revision, never in a property.
    expect(Object.keys(properties).filter((k) => k.startsWith('cs-handoff.history.'))).toEqual([]);

    const history = expectOk(await invoke<HandoffHistory>('cs-agent', 'listHistory', { versionId: SOON_VERSION }));
    const kept = history.revisions.map((r) => r.revision);
    // Every revision is kept (up to HISTORY_KEPT), newest first.
    expect(kept).toEqual(Array.from({ length: 200 }, (_, i) => 200 - i));
    const diff = expectOk(await invoke<RevisionDiff>('cs-agent', 'diffRevisions', { versionId: SOON_VERSION, from: 199, to: 200 }));
    expect(diff.changes.map((c) => c.section)).toEqual(["What's new"]);
  });

  it('a save takes 3 sequential rounds with the history record in the same transaction (read, commit, publish)', async () => {
    site().jira.settings.latencyMs = 30;
    site().host.storageSettings.latencyMs = 30;
    try {
      const current = expectOk(await invoke('po', 'getHandoff', { versionId: SOON_VERSION }));
      const mark = markCalls();
      expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: revisionOf(current), content: completeContent() }));
      const calls = callsSince(mark);
      expect(calls.rounds).toBe(3);
      expect(calls.storage.map((c) => c.path)).toEqual(['/api/v1/batch/get', '/api/v1/transaction']);
      expect(calls.jira.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([`/rest/api/3/project/SHOP/properties/cs-handoff.version.${SOON_VERSION}`]);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
  });
});

describe('walkthrough attendees are Jira people', () => {
  const walkthroughWith = (attendees: unknown[]) => ({ heldAt: '2026-07-02T14:00:00Z', attendees, questions: [{ text: 'Who gets the refund?', settlement: null }] });
  let base: HandoffView;

  beforeAll(async () => {
    base = expectOk(await invoke('po', 'getHandoff', { versionId: SOON_VERSION }));
    if (!base.handoff) base = expectOk(await invoke('po', 'saveHandoff', { versionId: SOON_VERSION, baseRevision: 0, content: completeContent() }));
  });

  it('checks the attendees with ONE bulk user call (as the person) in round 1: still 3 rounds', async () => {
    // Rounds are told apart by overlap in time: a latency well above a loaded machine's scheduling delay
    // keeps calls sent together overlapping (at 30 ms a busy 2-core machine counted 4).
    site().jira.settings.latencyMs = 120;
    site().host.storageSettings.latencyMs = 120;
    try {
      const mark = site().jira.requestLog.length;
      const storageMark = markCalls();
      base = expectOk(
        await invoke('cs-lead', 'saveWalkthrough', {
          versionId: SOON_VERSION,
          baseRevision: revisionOf(base, 'walkthrough'),
          walkthrough: walkthroughWith([attendeeOf('cs-lead'), attendeeOf('cs-agent')]),
        }),
      );
      const calls = jiraCallsSince(mark);
      const bulk = calls.filter((c) => c.path.startsWith('/rest/api/3/user'));
      expect(bulk.map((c) => `${c.method} ${c.path} ${c.principal}`)).toEqual([`GET /rest/api/3/user/bulk user:${personOf(site(), 'cs-lead').accountId}`]);
      expect(callsSince({ ...storageMark, jira: mark }).rounds).toBe(3);
      // Round 1: the bulk call overlaps the permission read.
      const permissions = calls.find((c) => c.path === '/rest/api/3/mypermissions');
      expect(roundsOf([bulk[0]!, permissions!])).toBe(1);
    } finally {
      site().jira.settings.latencyMs = 0;
      site().host.storageSettings.latencyMs = 0;
    }
    expect(base.walkthrough?.attendees.map((a) => a.displayName)).toEqual(['Carlos Mendes', 'Ana Silva']);
  });

  it('refuses an accountId Jira does not know: INVALID_INPUT naming the field, nothing written', async () => {
    const before = await storedProperty(site(), `cs-handoff.walkthrough.${SOON_VERSION}`);
    const refused = expectError(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId: SOON_VERSION,
        baseRevision: revisionOf(base, 'walkthrough'),
        walkthrough: walkthroughWith([attendeeOf('cs-lead'), { accountId: '712020:no-such-person' }]),
      }),
    );
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.fields).toEqual({ 'walkthrough.attendees.1.accountId': expect.stringContaining('not a person Jira knows') });
    expect(await storedProperty(site(), `cs-handoff.walkthrough.${SOON_VERSION}`)).toEqual(before);
    expect(expectOk(await invoke('cs-lead', 'getHandoff', { versionId: SOON_VERSION })).revisions.walkthrough).toBe(base.revisions.walkthrough);
    // A typed name is not an attendee any more.
    const typed = expectError(
      await invoke('cs-lead', 'saveWalkthrough', { versionId: SOON_VERSION, baseRevision: revisionOf(base, 'walkthrough'), walkthrough: walkthroughWith([{ displayName: 'Somebody' }]) }),
    );
    expect(typed.code).toBe('INVALID_INPUT');
    expect(Object.keys(typed.fields ?? {})).toEqual(['walkthrough.attendees.0']);
  });

  it('reads a walkthrough stored before attendees were Jira people, and keeps its names on a re-save', async () => {
    // An install from before: the whole handoff in its property, attendees as names only; imported on first access.
    const versionId = await createVersion(site(), 'Legacy attendees', '2099-05-01');
    const stored = (await storedProperty(site(), handoffPropertyKey(SOON_VERSION))) as Record<string, any>;
    const legacy = { ...stored, versionId, walkthrough: { ...base.walkthrough, attendees: [{ displayName: 'Carlos Mendes' }, { displayName: 'Dana from Billing' }] } };
    const put = await fetch(`${site().url}/rest/api/3/project/SHOP/properties/${handoffPropertyKey(versionId)}`, {
      method: 'PUT',
      headers: { authorization: `ForgeApp ${site().jira.appSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify(legacy),
    });
    expect(put.ok).toBe(true);
    const read = expectOk(await invoke('cs-agent', 'getHandoff', { versionId }));
    expect(read.walkthrough?.attendees).toEqual([{ displayName: 'Carlos Mendes' }, { displayName: 'Dana from Billing' }]);
    const resaved = expectOk(
      await invoke('cs-lead', 'saveWalkthrough', {
        versionId,
        baseRevision: revisionOf(read, 'walkthrough'),
        walkthrough: walkthroughWith([{ displayName: 'Dana from Billing' }, attendeeOf('cs-lead')]),
      }),
    );
    expect(resaved.walkthrough?.attendees).toEqual([{ displayName: 'Dana from Billing' }, { accountId: personOf(site(), 'cs-lead').accountId, displayName: 'Carlos Mendes' }]);
  });

  it('searchPeople: Jira user search as the person, at most 10, Browse permission', async () => {
    const mark = site().jira.requestLog.length;
    site().jira.settings.latencyMs = 30;
    const answer = await invoke<PeopleMatches>('cs-agent', 'searchPeople', { query: '  car ' }).finally(() => {
      site().jira.settings.latencyMs = 0;
    });
    const found = expectOk(answer);
    expect(found).toEqual({ query: 'car', people: [{ accountId: personOf(site(), 'cs-lead').accountId, displayName: 'Carlos Mendes' }] });
    const calls = jiraCallsSince(mark);
    expect(calls.find((c) => c.path === '/rest/api/3/user/search')?.principal).toBe(`user:${personOf(site(), 'cs-agent').accountId}`);
    expect(roundsOf(calls)).toBe(1);
    expect(expectOk(await invoke<PeopleMatches>('cs-agent', 'searchPeople', { query: 'a' })).people.length).toBeLessThanOrEqual(10);
    expect(expectError(await invoke('outsider', 'searchPeople', { query: 'ana' })).code).toBe('FORBIDDEN');
    expect(expectError(await invoke('cs-agent', 'searchPeople', { query: '   ' })).code).toBe('INVALID_INPUT');
  });
});
