import { gatePropertyKey } from '#domain/property-keys';
import type { GateRecord } from '#domain/gate/rules';
import { personOf, startTestSite, type TestSite } from '../../../support';
import { expectError, expectOk, invoker, SOON_VERSION, storedProperty } from '../helpers';

jest.setTimeout(60_000);
let site: TestSite;
let invoke: ReturnType<typeof invoker>;
const basic = (email: string) => `Basic ${Buffer.from(`${email}:token`).toString('base64')}`;

async function release(role: string, versionId: string, released = true) {
  const res = await fetch(`${site.url}/rest/api/3/version/${versionId}`, {
    method: 'PUT',
    headers: { authorization: basic(personOf(site, role).emailAddress), 'content-type': 'application/json' },
    body: JSON.stringify({ released }),
  });
  expect(res.status).toBe(200);
  await site.host.idle();
  const now = await fetch(`${site.url}/rest/api/3/version/${versionId}`, { headers: { authorization: basic(personOf(site, role).emailAddress) } });
  return (await now.json()) as { released: boolean };
}

beforeAll(async () => {
  site = await startTestSite();
  invoke = invoker(site);
});
afterAll(() => site.close());

test('releasing a version with no handoff puts it back and records why, once', async () => {
  expect((await release('release-manager', SOON_VERSION)).released).toBe(false);
  const record = (await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord;
  expect(record.blocks).toHaveLength(1);
  expect(record.blocks[0]).toMatchObject({ gateState: 'overdue', releasedBy: { accountId: personOf(site, 'release-manager').accountId, displayName: 'Rita Okafor' } });
  expect(record.blocks[0]?.reason).toContain('has no CS handoff yet');
  const view = expectOk(await invoke('cs-lead', 'getHandoff', { versionId: SOON_VERSION }));
  expect(view.gate.state).toBe('overdue');
  expect(view.gate.latestBlock?.reason).toContain('has no CS handoff yet');
  expect(view.gate.clearBy).toContain('a project admin can override');
});

test('only a project admin can override; the override lets the release through', async () => {
  for (const role of ['cs-agent', 'po']) {
    const refused = expectError(await invoke(role, 'overrideGate', { versionId: SOON_VERSION, reason: 'We briefed CS in person.' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('project admin');
  }
  expect(((await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord).override).toBeNull();
  const gate = expectOk(await invoke<{ state: string }>('release-manager', 'overrideGate', { versionId: SOON_VERSION, reason: 'We briefed CS in person.' }));
  expect(gate.state).toBe('overridden');
  expect((await release('release-manager', SOON_VERSION)).released).toBe(true);
  const record = (await storedProperty(site, gatePropertyKey(SOON_VERSION))) as GateRecord;
  expect(record.override).toMatchObject({ by: { accountId: personOf(site, 'release-manager').accountId }, reason: 'We briefed CS in person.' });
  expect(record.blocks).toHaveLength(1);
});

test('the validator names the version, the reason and what to do', async () => {
  const res = await fetch(`${site.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: { authorization: basic(personOf(site, 'po').emailAddress), 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { project: { key: 'SHOP' }, issuetype: { id: '10001' }, summary: 'Release 2027.01', fixVersions: [{ id: '10003' }] } }),
  });
  const { key } = (await res.json()) as { key: string };
  const result = (await site.host.runWorkflowValidator('cs-handoff-validator', { issue: { key } })) as { result: boolean; errorMessage?: string };
  expect(result.result).toBe(false);
  expect(result.errorMessage).toContain('Fix version 2027.01 Saved carts');
  expect(result.errorMessage).toContain('Write the handoff and mark it ready');
});
