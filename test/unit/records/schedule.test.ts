/**
 * Concurrent writers under a deterministic schedule: fast-check's scheduler decides the order in which
 * every Jira call and every storage call of 2–5 writers (content sections, the walkthrough, the rollout,
 * "Mark ready") answers, and injects 429s, 5xx and answers lost after a commit. Over 1,000 schedules:
 *
 * - every writer is answered "saved" or CONFLICT, and a content save's conflict carries its own text;
 * - no silent lost update: all writers start from the same revisions, so per section (and per record)
 *   at most one can be saved, and what is stored then is exactly its text; one that is told "saved"
 *   has its revision in the history;
 * - once quiet, the published properties equal the latest commits (after a read, and the daily scan's sync).
 */
import fc from 'fast-check';
import type { HandoffView, Result } from '#contract';
import type { HandoffContent } from '#domain/handoff';
import { syncPublished } from '#resolvers/core/publish';
import { ENTITIES } from '#store/port';
import { fakeWorld, LEAD, PEOPLE, PO, PROJECT, propertyOf, RM, VERSION_ID, type FakeWorld, type Person } from '../../support/fake-world';
import { StoreFault } from '../../support/memory-store';
import { content as baseContent } from '../../../bench/fixtures';
import type { GateRecord } from '#domain/gate/rules';
import type { Jira } from '#jira';
import { publishGateRecord } from '#resolvers/core/gate-store';
import { readGateInputs } from '#triggers/gate-load';
import type { TriggerDeps } from '#triggers/deps';
import { createReleaseGate, decideRelease, type ReleaseGateOutcome } from '#triggers/release-gate';

jest.setTimeout(240_000);

type Section = 'whatsNew' | 'happyPath' | 'l1';
type Writer = { kind: 'section'; section: Section } | { kind: 'walkthrough' } | { kind: 'rollout' } | { kind: 'ready' };
interface Fault {
  on: 'store:commit' | 'store:getMany' | 'jira:put' | 'lost-answer';
  status: 429 | 500 | 503;
}

const writerArb: fc.Arbitrary<Writer> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<Section>('whatsNew', 'happyPath', 'l1').map((section) => ({ kind: 'section' as const, section })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'walkthrough' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rollout' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'ready' as const }) },
);
const faultArb: fc.Arbitrary<Fault> = fc.record({
  on: fc.constantFrom<Fault['on']>('store:commit', 'store:getMany', 'jira:put', 'lost-answer'),
  status: fc.constantFrom<Fault['status']>(429, 500, 503),
});
const scenarioArb = fc.array(fc.record({ writer: writerArb, faults: fc.array(faultArb, { maxLength: 2 }) }), { minLength: 2, maxLength: 5 });

const token = (i: number) => `Writer ${i} text`;

function withSection(c: HandoffContent, section: Section, text: string): HandoffContent {
  if (section === 'whatsNew') return { ...c, whatsNew: text };
  if (section === 'happyPath') return { ...c, happyPath: [text] };
  return { ...c, escalation: { ...c.escalation, l1LookUp: text } };
}
const sectionText = (c: HandoffContent, section: Section): string => (section === 'whatsNew' ? c.whatsNew : section === 'happyPath' ? (c.happyPath[0] ?? '') : c.escalation.l1LookUp);

/** The revision a change names: its own record's (content for saves and status). */
function baseOf(view: HandoffView, record: 'content' | 'walkthrough' | 'rollout'): number {
  return view.revisions?.[record] ?? view.handoff?.revision ?? 0;
}

async function seed(world: FakeWorld): Promise<HandoffView> {
  const saved = await world.call(PO, 'saveHandoff', { versionId: VERSION_ID, baseRevision: 0, content: baseContent() });
  if (!saved.ok) throw new Error(saved.error.message);
  const walked = await world.call(LEAD, 'saveWalkthrough', {
    versionId: VERSION_ID,
    baseRevision: baseOf(saved.value, 'walkthrough'),
    walkthrough: { heldAt: '2026-07-01T14:00:00Z', attendees: [{ accountId: LEAD.accountId }], questions: [{ text: 'Seeded question', settlement: null }] },
  });
  if (!walked.ok) throw new Error(walked.error.message);
  return walked.value;
}

function payloadOf(writer: Writer, i: number, view: HandoffView): [string, unknown] {
  const versionId = VERSION_ID;
  switch (writer.kind) {
    case 'section':
      return ['saveHandoff', { versionId, baseRevision: baseOf(view, 'content'), content: withSection(view.handoff!.content, writer.section, token(i)) }];
    case 'walkthrough':
      return [
        'saveWalkthrough',
        {
          versionId,
          baseRevision: baseOf(view, 'walkthrough'),
          walkthrough: {
            heldAt: view.walkthrough!.heldAt,
            attendees: [{ accountId: LEAD.accountId }],
            questions: [...view.walkthrough!.questions.map((q) => ({ id: q.id, text: q.text, settlement: q.settlement })), { text: token(i), settlement: null }],
          },
        },
      ];
    case 'rollout':
      return ['moveRollout', { versionId, baseRevision: baseOf(view, 'rollout'), to: '1', learned: token(i) }];
    case 'ready':
      return ['setStatus', { versionId, baseRevision: baseOf(view, 'content'), status: 'ready' }];
  }
}

interface Outcome {
  writer: Writer;
  i: number;
  result: Result<HandoffView>;
}

const seen = { differentSectionsBothSaved: 0, walkthroughAndContentBothSaved: 0, conflicts: 0, faultsInjected: 0 };

function check(outcomes: Outcome[], final: HandoffView, world: FakeWorld): void {
  const ok = outcomes.filter((o) => o.result.ok).map((o) => o.writer);
  const sections = new Set(ok.flatMap((w) => (w.kind === 'section' ? [w.section] : [])));
  if (sections.size >= 2) seen.differentSectionsBothSaved += 1;
  if (sections.size >= 1 && ok.some((w) => w.kind === 'walkthrough')) seen.walkthroughAndContentBothSaved += 1;
  seen.conflicts += outcomes.filter((o) => !o.result.ok).length;
  for (const o of outcomes) {
    // Saved, or a conflict; nothing else (no "busy", no internal error).
    if (!o.result.ok) expect({ i: o.i, code: o.result.error.code, message: o.result.error.message }).toEqual({ i: o.i, code: 'CONFLICT', message: expect.any(String) });
    if (!o.result.ok && o.writer.kind === 'section') expect(sectionText(o.result.error.conflict!.yours, o.writer.section)).toBe(token(o.i));
  }
  const saved = (pred: (w: Writer) => boolean) => outcomes.filter((o) => o.result.ok && pred(o.writer));
  // No false conflict: a writer conflicts only when someone saved the same section (or record) first.
  for (const o of outcomes.filter((x) => !x.result.ok)) {
    const w = o.writer;
    const rival = (x: Writer) => (w.kind === 'section' ? x.kind === 'section' && x.section === w.section : w.kind === 'ready' ? x.kind === 'section' || x.kind === 'ready' : x.kind === w.kind);
    expect({ i: o.i, writer: w, rivalSaved: saved(rival).length > 0 }).toEqual({ i: o.i, writer: w, rivalSaved: true });
  }
  const handoff = final.handoff!;
  for (const section of ['whatsNew', 'happyPath', 'l1'] as const) {
    const winners = saved((w) => w.kind === 'section' && w.section === section);
    // Everyone started from the same revision: two "saved" on one section means one text was lost.
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(sectionText(handoff.content, section)).toBe(winners.length === 1 ? token(winners[0]!.i) : sectionText(baseContent(), section));
  }
  const walkers = saved((w) => w.kind === 'walkthrough');
  expect(walkers.length).toBeLessThanOrEqual(1);
  expect(final.walkthrough!.questions.map((q) => q.text)).toEqual(['Seeded question', ...walkers.map((w) => token(w.i))]);
  const rollers = saved((w) => w.kind === 'rollout');
  expect(rollers.length).toBeLessThanOrEqual(1);
  expect(final.rollout.history.map((h) => h.learned)).toEqual(rollers.map((r) => token(r.i)));
  expect(handoff.status).toBe(saved((w) => w.kind === 'ready').length > 0 ? 'ready' : 'draft');
  // Every saved content change is a kept revision: its text is in the history.
  const history = [...(world.store.records.get(ENTITIES.history)?.values() ?? [])]
    .filter((e) => (e as { kind?: string }).kind === undefined)
    .map((e) => (e as { record: { content: HandoffContent } }).record.content);
  for (const o of saved((w) => w.kind === 'section')) {
    const w = o.writer as { section: Section };
    expect(history.some((c) => sectionText(c, w.section) === token(o.i))).toBe(true);
  }
}

test('1,000 schedules of 2–5 concurrent writers with 429s, 5xx and lost answers: no lost update, conflicts carry your text, properties converge', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), scenarioArb, async (s, scenario) => {
      runs += 1;
      const world = fakeWorld();
      const view = await seed(world);
      const pending = new Map<string, Fault[]>(scenario.map((w, i) => [PEOPLE[i]!.accountId, [...w.faults]]));
      const take = (who: string, on: Fault['on']): Fault | undefined => {
        const list = pending.get(who) ?? [];
        const at = list.findIndex((f) => f.on === on);
        if (at >= 0) seen.faultsInjected += 1;
        return at < 0 ? undefined : list.splice(at, 1)[0];
      };
      world.gate = async (label, who) => {
        await s.schedule(Promise.resolve(label), `${who} ${label}`);
        const fault = take(who, label.startsWith('jira:put') ? 'jira:put' : (label as Fault['on']));
        if (!fault) return;
        if (label.startsWith('jira:')) throw Object.assign(new Error(`Jira answered ${fault.status}`), { status: fault.status });
        throw new StoreFault(fault.status, fault.status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_SERVER_ERROR');
      };
      world.afterCommit = async (who) => {
        const lost = take(who, 'lost-answer');
        if (lost) throw new StoreFault(lost.status, 'INTERNAL_SERVER_ERROR');
      };
      const writers = scenario.map(({ writer }, i) => {
        const [fn, payload] = payloadOf(writer, i, view);
        return world.call(PEOPLE[i] as Person, fn, payload).then((result) => ({ writer, i, result }));
      });
      const outcomes = await s.waitFor(Promise.all(writers));
      world.gate = async () => undefined;
      world.afterCommit = async () => undefined;
      // Quiet: a reader opens the handoff (which publishes the content again if Jira's copy is older).
      const read = await world.call(PEOPLE[3] as Person, 'getHandoff', { versionId: VERSION_ID });
      if (!read.ok) throw new Error(read.error.message);
      check(outcomes, read.value, world);
      const content = propertyOf(world, `cs-handoff.version.${VERSION_ID}`) as { revision: number; content: HandoffContent };
      expect({ revision: content.revision, content: content.content }).toEqual({ revision: read.value.handoff!.revision, content: read.value.handoff!.content });
      // The daily scan's sync publishes whatever else is behind; then every property is its latest commit.
      const deps = {
        jira: {
          getProjectPropertyAs: async (_p: string, key: string) => propertyOf(world, key),
          putProjectProperty: async (_p: string, key: string, value: unknown) => void world.properties.set(`${PROJECT.key}/${key}`, value),
        },
        store: world.store,
        log: { error: () => undefined, warn: () => undefined },
      };
      await syncPublished(deps as never, { projectId: PROJECT.id, projectKey: PROJECT.key, versionId: VERSION_ID });
      expect((propertyOf(world, `cs-handoff.walkthrough.${VERSION_ID}`) as { walkthrough: unknown }).walkthrough).toEqual(read.value.walkthrough);
      const rollout = propertyOf(world, `cs-handoff.rollout.${VERSION_ID}`) as { rollout: unknown } | null;
      if (read.value.revisions.rollout > 0) expect(rollout?.rollout).toEqual(read.value.rollout);
    }),
    { numRuns: 1000, seed: 20261127 },
  );
  expect(runs).toBeGreaterThanOrEqual(1000);
  // The schedules did reach the cases that matter: merges by section, walkthrough beside content, real conflicts, faults.
  process.stdout.write(`[schedule] ${JSON.stringify(seen)}\n`);
  expect(seen.differentSectionsBothSaved).toBeGreaterThan(50);
  expect(seen.walkthroughAndContentBothSaved).toBeGreaterThan(50);
  expect(seen.conflicts).toBeGreaterThan(50);
  expect(seen.faultsInjected).toBeGreaterThan(500);
});

/**
 * The gate record under the same scheduler: the release trigger (delivered once or twice, as Forge may),
 * the hourly re-check and a release manager's override race on one released version, with 429s, 5xx and
 * answers lost after a commit. The override is never lost, the block entry is never lost, and the release
 * attempt ends with exactly one decision that matches what happened to the version.
 */
describe('gate record: override vs trigger vs duplicated deliveries', () => {
  const REASON = 'CS was briefed in person on Monday.';
  type Actor = 'override' | 'delivery' | 'duplicate' | 'recheck';
  const actorArb = fc.record({
    actors: fc.subarray<Actor>(['override', 'duplicate', 'recheck']).map((extra): Actor[] => ['delivery', ...extra]),
    faults: fc.array(fc.record({ on: fc.constantFrom<'store:commit' | 'lost-answer'>('store:commit', 'lost-answer'), status: fc.constantFrom(429, 500, 503) }), { maxLength: 2 }),
    /** How many scheduler steps each delivery waits before it starts (Forge delivers late). */
    lateness: fc.array(fc.nat(12), { minLength: 4, maxLength: 4 }),
  });

  function triggerDeps(world: FakeWorld, who: string, clock: () => Date): TriggerDeps {
    const at = async <T>(label: string, fn: () => T): Promise<T> => {
      await world.gate(label, who);
      return fn();
    };
    const key = (k: string) => `${PROJECT.key}/${k}`;
    const jira: Partial<Jira> = {
      getVersionAsApp: (id) => at('jira:version', () => structuredClone(world.versions.get(id) ?? null)),
      setVersionReleased: (id, released) =>
        at('jira:put-version', () => {
          const v = { ...world.versions.get(id)!, released };
          world.versions.set(id, v);
          return v;
        }),
      getUserAsApp: (accountId) => at('jira:user', () => ({ accountId, displayName: RM.displayName }) as never),
      getSiteTimeZone: () => at('jira:server-info', () => 'UTC'),
      getProjectPropertyAs: (_p, k) => at(`jira:get ${k}`, () => structuredClone(world.properties.get(key(k)) ?? null)),
      putProjectProperty: (_p, k, value) => at(`jira:put ${k}`, () => void world.properties.set(key(k), structuredClone(value))),
    };
    const store: TriggerDeps['store'] = {
      getMany: async (refs) => {
        await world.gate('store:getMany', who);
        return world.store.getMany(refs);
      },
      commit: async (puts, deletes) => {
        await world.gate('store:commit', who);
        await world.store.commit(puts, deletes);
        await world.afterCommit(who);
      },
      query: (q) => world.store.query(q),
    };
    return {
      jira: jira as Jira,
      now: clock,
      timeZone: 'UTC',
      log: { error: () => undefined, warn: () => undefined },
      retryDelaysMs: [0, 0, 0, 0],
      sleep: async () => undefined,
      store,
      // The release trigger keeps no values (only the risk scan's cursor lives there).
      values: { get: async () => undefined, set: async () => undefined },
    };
  }

  const gateSeen = { overrideBeforeDecision: 0, blockThenOverride: 0, duplicatesIgnored: 0 };

  test('500 schedules: the override and the block entry both survive, and the attempt has exactly one decision', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), actorArb, async (s, { actors, faults, lateness }) => {
        const world = fakeWorld();
        // Released with no handoff: the gate is closed unless the override lands first.
        world.versions.set(VERSION_ID, { ...world.versions.get(VERSION_ID)!, released: true });
        // One clock for everyone, a millisecond per reading, so "before" and "after" are what happened.
        let tick = Date.parse('2026-07-01T12:00:00Z');
        const clock = () => new Date((tick += 1));
        const pending = [...faults];
        world.gate = async (label, who) => {
          await s.schedule(Promise.resolve(label), `${who} ${label}`);
          const at = pending.findIndex((f) => f.on === label);
          if (at >= 0 && who !== RM.accountId) throw new StoreFault(pending.splice(at, 1)[0]!.status, 'INTERNAL_SERVER_ERROR');
        };
        world.afterCommit = async (who) => {
          const at = pending.findIndex((f) => f.on === 'lost-answer');
          if (at >= 0 && who !== RM.accountId) throw new StoreFault(pending.splice(at, 1)[0]!.status, 'INTERNAL_SERVER_ERROR');
        };
        const event = { eventType: 'avi:jira:released:version', version: { id: VERSION_ID, projectId: PROJECT.id }, atlassianId: RM.accountId };
        const late = async (actor: Actor, steps: number) => {
          for (let i = 0; i < steps; i += 1) await s.schedule(Promise.resolve(i), `${actor} not delivered yet`);
        };
        const runs = actors.map(async (actor, n): Promise<{ actor: Actor; result: unknown }> => {
          if (actor === 'override') return world.call(RM, 'overrideGate', { versionId: VERSION_ID, reason: REASON }).then((result) => ({ actor, result }));
          await late(actor, lateness[n] ?? 0);
          const deps = triggerDeps(world, `trigger-${actor}`, clock);
          if (actor === 'recheck') {
            return decideRelease(deps, { versionId: VERSION_ID, observedAt: clock().toISOString(), releasedBy: '', eventProject: PROJECT.id, onlyUndecided: true }).then((result) => ({
              actor,
              result,
            }));
          }
          return createReleaseGate(deps)(event).then((result) => ({ actor, result }));
        });
        const outcomes = await s.waitFor(Promise.all(runs));
        world.gate = async () => undefined;
        world.afterCommit = async () => undefined;

        const stored = world.store.peek({ entity: ENTITIES.gate, key: `${PROJECT.id}:${VERSION_ID}` }) as { gate: GateRecord } | undefined;
        const gate = stored!.gate;
        const override = outcomes.find((o) => o.actor === 'override');
        // Saved means stored: the override is never lost to a trigger's commit.
        if (override) expect((override.result as Result<unknown>).ok).toBe(true);
        if (override) expect(gate.override?.reason).toBe(REASON);
        // Exactly one decision for the one release attempt, and it says what happened to the version.
        expect(gate.decisions).toHaveLength(1);
        const released = world.versions.get(VERSION_ID)!.released;
        expect({ outcome: gate.decision?.outcome, released }).toEqual(released ? { outcome: 'allowed', released: true } : { outcome: 'put-back', released: false });
        // Put back: the block entry saying why is on the record (once); allowed only under the override.
        expect(gate.blocks).toHaveLength(released ? 0 : 1);
        if (released) expect(gate.override?.reason).toBe(REASON);
        for (const o of outcomes) if (o.actor !== 'override') expect((o.result as ReleaseGateOutcome).action).not.toBe('undecided');
        if (override && !released) gateSeen.blockThenOverride += 1;
        if (released) gateSeen.overrideBeforeDecision += 1;
        gateSeen.duplicatesIgnored += outcomes.filter((o) => o.actor !== 'override' && (o.result as ReleaseGateOutcome).action === 'ignored').length;
        // Once quiet (the daily scan's check of the version: its reads, then a republish if Jira's copy is behind),
        // Jira's copy is the stored record.
        const scan = triggerDeps(world, 'scan', clock);
        const reads = await readGateInputs(scan, PROJECT.id, VERSION_ID);
        if (reads.gateToRepublish) await publishGateRecord(scan, PROJECT.id, VERSION_ID, reads.gateToRepublish);
        expect(propertyOf(world, `cs-handoff.gate.${VERSION_ID}`)).toEqual(gate);
      }),
      { numRuns: 500, seed: 20261128 },
    );
    process.stdout.write(`[gate schedule] ${JSON.stringify(gateSeen)}\n`);
    // Both interleavings of the race were reached, and duplicates met a decided attempt.
    expect(gateSeen.overrideBeforeDecision).toBeGreaterThan(20);
    expect(gateSeen.blockThenOverride).toBeGreaterThan(20);
    expect(gateSeen.duplicatesIgnored).toBeGreaterThan(50);
  });
});
