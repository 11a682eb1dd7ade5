/**
 * Who may call what, written out: every seeded person × every resolver, checked against the local
 * Jira site's seeded permissions (SHOP: Priya PO = browse+create+edit; Carlos CS lead and Ana CS agent =
 * browse+create; Rita release manager = all, admin included; Otto outsider = nothing in SHOP).
 *
 * Rules (design.md, "Security model"): read → Browse projects; change the handoff → Edit issues;
 * override the gate / change settings → Administer projects; L3 → Browse (+ Create issues for the
 * pre-fill; every SHOP browser here can create). A refusal is FORBIDDEN and writes nothing.
 */
import * as contract from '#contract';
import type { Result } from '#contract';
import { createVersion, rest } from '../../../bench/fixtures';
import { gatePropertyKey } from '#domain/property-keys';
import type { GateRecord } from '#domain/gate/rules';
import { personOf } from '../../support';
import { completeContent, SHOP_VERSION, storedProperty, useStartedSite } from '../resolvers/helpers';
import { isWrite, ISSUE_PAGE_RESOLVERS, resolverPayloads } from './resolver-payloads';

jest.setTimeout(90_000);

type Who = 'po' | 'cs-lead' | 'cs-agent' | 'release-manager' | 'outsider';
const PEOPLE: Who[] = ['po', 'cs-lead', 'cs-agent', 'release-manager', 'outsider'];
const Y = 'allow' as const;
const N = 'deny' as const;

//                      resolver              po  cs-lead cs-agent rel-mgr outsider
const MATRIX: Record<string, Record<Who, 'allow' | 'deny'>> = {
  listReleases: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  getHandoff: /*                  */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  saveHandoff: /*                 */ { po: Y, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  setStatus: /*                   */ { po: Y, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  getL3Prefill: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  getL3Summary: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  getL3BugType: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  getHandoffPage: /*              */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  overrideGate: /*                */ { po: N, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  withdrawOverride: /*            */ { po: N, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  getSettings: /*                 */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  saveSettings: /*                */ { po: N, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  // The living handoff: the walkthrough is recorded by readers; turning a question into a Q&A entry
  // and moving the rollout change the handoff (Edit issues); history, diff and export are reads.
  saveWalkthrough: /*             */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  settleQuestion: /*              */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  promoteQuestion: /*             */ { po: Y, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  // Filing a brief gap creates a Jira task as the person: Browse + Create issues (every SHOP browser can create).
  fileBriefGap: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  moveRollout: /*                 */ { po: Y, 'cs-lead': N, 'cs-agent': N, 'release-manager': Y, outsider: N },
  listHistory: /*                 */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  diffRevisions: /*               */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  exportHandoff: /*               */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
  // The walkthrough's people picker: whoever records the walkthrough (Browse projects).
  searchPeople: /*                */ { po: Y, 'cs-lead': Y, 'cs-agent': Y, 'release-manager': Y, outsider: N },
};

const { site, invoke } = useStartedSite();

beforeAll(async () => {
  // A handoff to read, change and file L3 bugs from.
  const saved = await invoke('release-manager', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() });
  if (!saved.ok) throw new Error(saved.error.message);
});

/** A valid payload for each resolver, built fresh (revisions move as the allowed people save). */
const PAYLOADS = resolverPayloads(invoke, SHOP_VERSION);

test('the matrix covers every resolver of the contract', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PAYLOADS).sort());
  const inContract = Object.keys(contract.RESOLVERS);
  expect(Object.keys(MATRIX).sort()).toEqual(inContract.filter((n) => !ISSUE_PAGE_RESOLVERS.includes(n)).sort());
});

describe.each(Object.keys(MATRIX))('%s', (resolver) => {
  test.each(PEOPLE)('%s', async (who) => {
    const expected = (MATRIX[resolver] as Record<Who, 'allow' | 'deny'>)[who];
    const payload = await PAYLOADS[resolver]?.();
    const from = site().jira.requestLog.length;
    const fromStorage = site().host.storageLog.length;
    const result = await invoke<unknown>(who, resolver, payload);
    const calls = site().jira.requestLog.slice(from);
    const storageWrites = site()
      .host.storageLog.slice(fromStorage)
      .filter((c) => !/\/(get|query)$/.test(c.path));
    if (expected === 'allow') {
      expect(result.ok ? 'ok' : result.error).toBe('ok');
    } else {
      expect((result as Result<unknown> & { ok: false }).error?.code).toBe('FORBIDDEN');
      expect(calls.filter(isWrite)).toEqual([]);
      expect(storageWrites).toEqual([]);
    }
    // Whatever the answer, the app asked Jira for the caller's own permissions, as the caller.
    expect(calls.some((c) => c.path === '/rest/api/3/mypermissions' && c.principal === `user:${personOf(site(), who).accountId}`)).toBe(true);
  });
});

describe('the release gate does not care who released', () => {
  test.each(PEOPLE)('a version with no handoff released by %s stays unreleased', async (who) => {
    const versionId = await createVersion(site(), `Gate check ${who}`, '2099-04-01');
    const answer = await rest(site(), who, 'PUT', `/rest/api/3/version/${versionId}`, { released: true });
    await site().host.idle();
    const now = await rest(site(), 'app', 'GET', `/rest/api/3/version/${versionId}`);
    expect((now.json as { released: boolean }).released).toBe(false);
    if (answer.status === 200) {
      // Jira let them release it; the app's trigger put it back and recorded who and why.
      const record = (await storedProperty(site(), gatePropertyKey(versionId))) as GateRecord;
      expect(record.blocks.at(-1)).toMatchObject({ releasedBy: { accountId: personOf(site(), who).accountId } });
      expect(record.blocks.at(-1)?.reason).toContain('has no CS handoff yet');
    } else {
      // Only project admins can release in Jira: everyone else is refused by Jira itself (400 as Jira
      // answers a non-admin's version update; 404 for someone who cannot see the project).
      expect([400, 404]).toContain(answer.status);
    }
    expect(answer.status === 200).toBe(who === 'release-manager');
  });
});
