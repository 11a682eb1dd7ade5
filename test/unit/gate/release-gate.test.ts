import { createReleaseGate } from '#triggers/release-gate';
import type { TriggerDeps } from '#triggers/deps';
import type { JiraVersion } from '#jira';
import type { GateIndex } from '#domain/gate/gate-index';
import type { GateRecord } from '#domain/gate/rules';
import { MemoryStore } from '../../support/memory-store';

const now = new Date('2026-11-24T12:00:00Z');
const version: JiraVersion = { id: '10002', name: '2026.12 Gift cards', description: '', releaseDate: '2026-11-27', released: true, archived: false, projectId: '10000' };

function fakeDeps(props: Record<string, unknown> = {}, failReads = 0, siteTimeZone: string | null = 'UTC') {
  const calls: string[] = [];
  const written: Record<string, unknown> = {};
  let failures = failReads;
  const jira = {
    getSiteTimeZone: async () => siteTimeZone,
    getVersionAsApp: async (id: string) => (calls.push(`GET version ${id}`), { ...version }),
    setVersionReleased: async (id: string, released: boolean) => (calls.push(`PUT version ${id} ${released}`), { ...version, released }),
    getProjectPropertyAs: async (project: string, key: string) => {
      calls.push(`GET ${project} ${key}`);
      if (failures > 0) {
        failures--;
        throw new Error('Jira is down');
      }
      return props[key] ?? null;
    },
    getUserAsApp: async (accountId: string) => {
      calls.push(`GET user ${accountId}`);
      return accountId === 'rita' ? { accountId, displayName: 'Rita Okafor' } : null;
    },
    putProjectProperty: async (project: string, key: string, value: unknown) => {
      calls.push(`PUT ${project} ${key}`);
      written[key] = value;
    },
  };
  const deps = {
    jira,
    now: () => now,
    timeZone: 'UTC',
    log: { error: jest.fn(), warn: jest.fn() },
    retryDelaysMs: [1, 1, 1],
    sleep: async () => undefined,
    store: new MemoryStore(),
  } as unknown as TriggerDeps;
  return { deps, calls, written };
}

describe('release gate trigger', () => {
  it('reads the properties beside the version (the event names the project), then blocks and records once', async () => {
    const { deps, calls, written } = fakeDeps({ 'cs-handoff.settings': { leadTimeDays: 2, walkthroughGate: false } });
    const outcome = await createReleaseGate(deps)({ version: { id: 10002, projectId: 10000 }, atlassianId: 'rita' });
    // Lead time 2 days (from the durable settings). Released on 24 Nov, before its planned 27 Nov: judged
    // against the release day, so the deadline was 22 Nov, and with no handoff yet → overdue → blocked.
    expect(outcome).toEqual({ action: 'blocked', versionId: '10002', state: 'overdue', unreleased: true, recorded: true });
    // Round 1 also looks up who released it, by name.
    expect(calls.slice(0, 6).sort()).toEqual(
      ['GET version 10002', 'GET 10000 cs-handoff.version.10002', 'GET 10000 cs-handoff.gate.10002', 'GET 10000 cs-handoff.settings', 'GET 10000 cs-handoff.gate-index', 'GET user rita'].sort(),
    );
    expect(calls).toHaveLength(9);
    expect((written['cs-handoff.gate.10002'] as GateRecord).blocks[0]).toMatchObject({ gateState: 'overdue', releasedBy: { accountId: 'rita', displayName: 'Rita Okafor' } });
    const index = written['cs-handoff.gate-index'] as GateIndex;
    expect(index.settings).toEqual({ leadTimeDays: 2, walkthroughGate: false });
    expect(index.versions['10002']).toMatchObject({ state: 'overdue', deadline: '2026-11-22', blockedAt: now.toISOString() });
  });

  it('reads after the version when the event has no project, or the early reads failed', async () => {
    const noProject = fakeDeps();
    expect(await createReleaseGate(noProject.deps)({ version: { id: '10002' } })).toMatchObject({ action: 'blocked', state: 'overdue' });
    expect(noProject.calls[0]).toBe('GET version 10002');
    const failed = fakeDeps({}, 1);
    expect(await createReleaseGate(failed.deps)({ version: { id: '10002', projectId: '10000' } })).toMatchObject({ action: 'blocked', recorded: true });
  });

  it('a release through the gate removes the version from the index', async () => {
    const override = { by: { accountId: 'rita' }, at: now.toISOString(), reason: 'CS briefed in person' };
    const { deps, written } = fakeDeps({
      'cs-handoff.gate.10002': { schemaVersion: 1, versionId: '10002', blocks: [], override },
      'cs-handoff.gate-index': { schemaVersion: 1, scannedAt: null, versions: { '10002': { state: 'overridden', deadline: '2026-11-20', override: true } } },
    });
    expect(await createReleaseGate(deps)({ version: { id: '10002', projectId: '10000' } })).toEqual({ action: 'allowed', versionId: '10002', state: 'overridden' });
    expect((written['cs-handoff.gate-index'] as GateIndex).versions).toEqual({});
  });

  it('an allowed release leaves a decision record saying why', async () => {
    const override = { by: { accountId: 'rita', displayName: 'Rita Okafor' }, at: now.toISOString(), reason: 'CS briefed in person' };
    const { deps, written } = fakeDeps({ 'cs-handoff.gate.10002': { schemaVersion: 1, versionId: '10002', blocks: [], override } });
    await createReleaseGate(deps)({ version: { id: '10002', projectId: '10000' } });
    expect((written['cs-handoff.gate.10002'] as GateRecord).decision).toMatchObject({
      outcome: 'allowed',
      gateState: 'overridden',
      releasedOn: '2026-11-24',
      why: expect.stringContaining('override by Rita Okafor'),
    });
  });

  it('retries a failing check and, when every try fails, records it as undecided for the re-check', async () => {
    const flaky = fakeDeps({}, 2);
    expect(await createReleaseGate(flaky.deps)({ version: { id: '10002' } })).toMatchObject({ action: 'blocked', unreleased: true });
    const down = fakeDeps({}, 1000);
    const outcome = await createReleaseGate(down.deps)({ version: { id: '10002', projectId: '10000' } });
    expect(outcome).toMatchObject({ action: 'undecided', error: 'Jira is down' });
    expect(down.calls.filter((c) => c.startsWith('PUT version'))).toEqual([]);
    expect(down.deps.log.error).toHaveBeenCalledWith(expect.stringContaining('the re-check will decide it'), expect.anything());
  });

  it('a created or updated event about an unreleased version costs no Jira call; a decided release is not judged again', async () => {
    const { deps, calls } = fakeDeps();
    for (const eventType of ['avi:jira:created:version', 'avi:jira:updated:version']) {
      expect(await createReleaseGate(deps)({ eventType, version: { id: '10002', projectId: '10000', released: false } as never })).toMatchObject({ action: 'ignored' });
    }
    expect(calls).toEqual([]);
    const decided = fakeDeps({
      'cs-handoff.gate.10002': {
        schemaVersion: 1,
        versionId: '10002',
        blocks: [],
        override: null,
        decision: { at: now.toISOString(), outcome: 'allowed', gateState: 'ok', releasedOn: '2026-11-20', why: 'on time' },
      },
    });
    expect(await createReleaseGate(decided.deps)({ eventType: 'avi:jira:updated:version', version: { id: '10002', projectId: '10000' } })).toEqual({
      action: 'ignored',
      why: 'this release was already decided',
    });
    expect(decided.calls.filter((c) => c.startsWith('PUT'))).toEqual([]);
  });
});
