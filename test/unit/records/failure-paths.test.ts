/**
 * Failure paths of the compare-and-set commits, through the real resolvers on an in-memory Jira and
 * record store: a stale base revision on every kind of write is a conflict with nothing written, a
 * record removed during a save answers not-found, a handoff stored only as its property is imported on
 * first access, and a record too big for its property is refused by name.
 */
import type { HandoffView } from '#contract';
import { ENTITIES, versionKey } from '#store/port';
import { content as baseContent } from '../../../bench/fixtures';
import { fakeWorld, LEAD, PO, PROJECT, propertyOf, VERSION_ID, type FakeWorld } from '../../support/fake-world';

const versionId = VERSION_ID;

async function ok(world: FakeWorld, who: typeof PO, fn: string, payload: unknown): Promise<HandoffView> {
  const result = await world.call(who, fn, payload);
  if (!result.ok) throw new Error(`${fn}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A handoff with a walkthrough (one question settled as a brief gap, one open) and a rollout move. */
async function seeded(): Promise<{ world: FakeWorld; view: HandoffView }> {
  const world = fakeWorld();
  let view = await ok(world, PO, 'saveHandoff', { versionId, baseRevision: 0, content: baseContent() });
  view = await ok(world, LEAD, 'saveWalkthrough', {
    versionId,
    baseRevision: view.revisions.walkthrough,
    walkthrough: {
      heldAt: '2026-07-01T14:00:00Z',
      attendees: [{ accountId: LEAD.accountId }],
      questions: [
        { text: 'Is there an export?', settlement: { kind: 'brief-gap', note: 'The brief does not say' } },
        { text: 'Who can see saved carts?', settlement: null },
      ],
    },
  });
  view = await ok(world, PO, 'moveRollout', { versionId, baseRevision: view.revisions.rollout, to: '1', learned: 'First 1% fine' });
  return { world, view };
}

const snapshot = (world: FakeWorld) => JSON.stringify([[...world.store.records.entries()].map(([e, t]) => [e, [...t.entries()]]), [...world.properties.entries()]]);

describe('a stale base revision is a conflict with nothing written', () => {
  const writes: [string, (view: HandoffView) => [string, unknown]][] = [
    ['a content save of a section someone changed', (v) => ['saveHandoff', { versionId, baseRevision: v.revisions.content - 1, content: { ...v.handoff!.content, whatsNew: 'Mine' } }]],
    ['mark ready', (v) => ['setStatus', { versionId, baseRevision: v.revisions.content - 1, status: 'ready' }]],
    ['back to draft', (v) => ['setStatus', { versionId, baseRevision: v.revisions.content - 1, status: 'draft' }]],
    ['recording the walkthrough', (v) => ['saveWalkthrough', { versionId, baseRevision: v.revisions.walkthrough - 1, walkthrough: { heldAt: '2026-07-02T10:00:00Z', attendees: [], questions: [] } }]],
    ['settling a question', (v) => ['settleQuestion', { versionId, baseRevision: v.revisions.walkthrough - 1, questionId: 'q2', settlement: { kind: 'brief-gap', note: 'Gap' } }]],
    ['promoting a question', (v) => ['promoteQuestion', { versionId, baseRevision: v.revisions.walkthrough - 1, questionId: 'q2', answer: 'Only the shopper' }]],
    ['filing a brief gap', (v) => ['fileBriefGap', { versionId, baseRevision: v.revisions.walkthrough - 1, questionId: 'q1' }]],
    ['moving the rollout', (v) => ['moveRollout', { versionId, baseRevision: v.revisions.rollout - 1, to: '5', learned: 'Mine' }]],
  ];

  it.each(writes)('%s', async (_name, write) => {
    const { world } = await seeded();
    // One more revision of every record, so each base below is one behind.
    let view = await ok(world, PO, 'saveHandoff', { versionId, baseRevision: 1, content: { ...baseContent(), whatsNew: 'Theirs' } });
    // Someone marked it ready and back: the status write below is stale whichever way it goes.
    if (_name === 'back to draft') view = await ok(world, PO, 'setStatus', { versionId, baseRevision: view.revisions.content, status: 'ready' });
    view = await ok(world, LEAD, 'settleQuestion', { versionId, baseRevision: view.revisions.walkthrough, questionId: 'q2', settlement: null });
    view = await ok(world, PO, 'moveRollout', { versionId, baseRevision: view.revisions.rollout, to: '5', learned: 'Theirs' });
    const before = snapshot(world);
    const [fn, payload] = write(view);
    const result = await world.call(PO, fn, payload);
    expect(result.ok ? 'saved' : result.error.code).toBe('CONFLICT');
    expect(snapshot(world)).toBe(before);
    expect(world.issues).toEqual([]);
  });
});

it('a handoff removed while a save is under way answers not-found, never "saved", and publishes nothing', async () => {
  const { world, view } = await seeded();
  const published = JSON.stringify(propertyOf(world, `cs-handoff.version.${versionId}`));
  world.gate = async (label) => {
    if (label === 'store:commit') world.store.records.get(ENTITIES.content)?.delete(versionKey(PROJECT.id, versionId));
  };
  const result = await world.call(PO, 'saveHandoff', { versionId, baseRevision: view.revisions.content, content: { ...baseContent(), whatsNew: 'Mine' } });
  expect(result.ok ? 'saved' : result.error.code).toBe('NOT_FOUND');
  expect(JSON.stringify(propertyOf(world, `cs-handoff.version.${versionId}`))).toBe(published);
});

describe('a handoff stored only as its property (before records existed)', () => {
  const legacy = {
    schemaVersion: 1,
    versionId,
    projectId: PROJECT.id,
    content: baseContent(),
    status: 'ready',
    readyAt: '2026-06-20T10:00:00.000Z',
    revision: 12,
    updatedAt: '2026-06-20T10:00:00.000Z',
    updatedBy: PO,
    rollout: { stage: '1', history: [{ stage: '1', from: 'not-started', learned: 'Fine', at: '2026-06-21T10:00:00.000Z', by: PO }] },
    walkthrough: { heldAt: '2026-06-19T10:00:00.000Z', attendees: [{ displayName: 'Old Name' }], questions: [{ id: 'q1', text: 'Old question', settlement: null }] },
    writeId: 'w-legacy',
    acceptedWrites: [{ revision: 12, writeId: 'w-legacy', by: PO.accountId, at: '2026-06-20T10:00:00.000Z' }],
  };

  it('is imported on first access, keeps its revision, and then changes like any other', async () => {
    const world = fakeWorld();
    world.properties.set(`${PROJECT.key}/cs-handoff.version.${versionId}`, legacy);
    const view = await ok(world, LEAD, 'getHandoff', { versionId });
    expect(view.handoff).toMatchObject({ revision: 12, status: 'ready', content: legacy.content });
    expect(view.walkthrough?.questions.map((q) => q.text)).toEqual(['Old question']);
    expect(view.rollout.stage).toBe('1');
    expect(view.revisions).toEqual({ content: 12, walkthrough: 1, rollout: 1 });
    expect(world.store.peek({ entity: ENTITIES.content, key: versionKey(PROJECT.id, versionId) })).toMatchObject({ revision: 12 });
    // The editor opened on revision 12 saves without a conflict; the walkthrough record is its own.
    const saved = await ok(world, PO, 'saveHandoff', { versionId, baseRevision: 12, content: { ...legacy.content, whatsNew: 'New words' } });
    expect(saved.handoff).toMatchObject({ revision: 13, content: { whatsNew: 'New words' } });
    expect(saved.walkthrough?.questions.map((q) => q.text)).toEqual(['Old question']);
    // What Jira holds now is the content alone; the walkthrough has its own property once it changes.
    expect(propertyOf(world, `cs-handoff.version.${versionId}`)).toMatchObject({ revision: 13, content: { whatsNew: 'New words' } });
    expect((propertyOf(world, `cs-handoff.version.${versionId}`) as { walkthrough?: unknown }).walkthrough).toBeUndefined();
  });

  it('is imported by a first change too, once, even when two people change it at once', async () => {
    const world = fakeWorld();
    world.properties.set(`${PROJECT.key}/cs-handoff.version.${versionId}`, legacy);
    const [a, b] = await Promise.all([
      world.call(PO, 'saveHandoff', { versionId, baseRevision: 12, content: { ...legacy.content, whatsNew: 'PO words' } }),
      world.call(LEAD, 'settleQuestion', { versionId, baseRevision: 1, questionId: 'q1', settlement: { kind: 'brief-gap', note: 'Not in the brief' } }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const view = await ok(world, LEAD, 'getHandoff', { versionId });
    expect(view.handoff?.content.whatsNew).toBe('PO words');
    expect(view.walkthrough?.questions[0]?.settlement).toEqual({ kind: 'brief-gap', note: 'Not in the brief' });
  });
});

it('a walkthrough too big for its property is refused naming the walkthrough, and the content can still be saved', async () => {
  const { world, view } = await seeded();
  // Within every per-field limit (30 questions, 300 + 1,000 characters each), yet over 32,768 bytes in all.
  const questions = Array.from({ length: 30 }, (_, i) => ({ text: `${i} ${'x'.repeat(290)}`, settlement: { kind: 'brief-gap', note: 'n'.repeat(1000) } }));
  const result = await world.call(LEAD, 'saveWalkthrough', { versionId, baseRevision: view.revisions.walkthrough, walkthrough: { heldAt: '2026-07-01T14:00:00Z', attendees: [], questions } });
  if (result.ok) throw new Error('expected TOO_LARGE');
  expect(result.error.code).toBe('TOO_LARGE');
  expect(result.error.message).toMatch(/^The walkthrough is [\d,]+ bytes over Jira's limit/);
  await ok(world, PO, 'saveHandoff', { versionId, baseRevision: view.revisions.content, content: { ...baseContent(), whatsNew: 'Still saves' } });
});

describe('filing a brief gap as a Jira task is idempotent', () => {
  const file = (world: FakeWorld, view: HandoffView) => world.call(LEAD, 'fileBriefGap', { versionId, baseRevision: view.revisions.walkthrough, questionId: 'q1' });
  const settlementOf = (view: HandoffView) => view.walkthrough?.questions.find((q) => q.id === 'q1')?.settlement;

  it('a double click makes one task', async () => {
    const { world, view } = await seeded();
    const [a, b] = await Promise.all([file(world, view), file(world, view)]);
    expect(world.issues).toHaveLength(1);
    // One is saved; the other is told it is being filed (or got the same key), never a second task.
    const outcomes = [a, b].map((r) => (r.ok ? 'saved' : r.error.code)).sort();
    expect(outcomes[1]).toBe('saved');
    expect(['CONFLICT', 'saved']).toContain(outcomes[0]);
    const read = await ok(world, LEAD, 'getHandoff', { versionId });
    expect(settlementOf(read)).toMatchObject({ kind: 'brief-gap', issueKey: 'SHOP-1' });
  });

  it('a retry after a save that failed once the task existed reuses it', async () => {
    const { world, view } = await seeded();
    // Storage refuses the walkthrough's commit every time (after the task was created and its key recorded).
    let reservationCommits = 0;
    world.gate = async (label) => {
      if (label !== 'store:commit') return;
      reservationCommits += 1;
      if (reservationCommits > 2) throw Object.assign(new Error('Forge storage answered 503'), { status: 503 });
    };
    const failed = await file(world, view);
    expect(failed.ok ? 'saved' : failed.error.code).toBe('JIRA_UNAVAILABLE');
    expect(world.issues).toHaveLength(1);
    expect(settlementOf(await ok(world, LEAD, 'getHandoff', { versionId }))).not.toHaveProperty('issueKey');

    world.gate = async () => undefined;
    const retried = await ok(world, LEAD, 'fileBriefGap', { versionId, baseRevision: view.revisions.walkthrough, questionId: 'q1' });
    expect(world.issues).toHaveLength(1);
    expect(settlementOf(retried)).toMatchObject({ kind: 'brief-gap', issueKey: 'SHOP-1' });
  });
});
