/**
 * Who may call what, written out: every seeded person × every resolver, checked against the local
 * Jira site's seeded permissions (SHOP: Priya PO = browse+create+edit; Carlos CS lead and Ana CS agent =
 * browse+create; Rita release manager = all, admin included; Otto outsider = nothing in SHOP).
 *
 * Rules (design.md, "Security model"): read → Browse projects; change the handoff → Edit issues;
 * override the gate / change settings → Administer projects; L3 → Browse (+ Create issues for the
 * pre-fill; every SHOP browser here can create). A refusal is FORBIDDEN and writes nothing.
 */
import * as contract from '../../../src/contract';
import type { HandoffView, Result } from '../../../src/contract';
import { createVersion, rest } from '../../../bench/fixtures';
import { gatePropertyKey } from '../../../src/domain/property-keys';
import type { GateRecord } from '../../../src/domain/gate/rules';
import { attendeeOf, personOf } from '../../support';
import { completeContent, SHOP_VERSION, storedProperty, useStartedSite } from '../resolvers/helpers';

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

/** The current revision of one of the handoff's records (each change names its own record's). */
async function revision(record: 'content' | 'walkthrough' | 'rollout' = 'content'): Promise<number> {
  const view = await invoke<HandoffView>('release-manager', 'getHandoff', { versionId: SHOP_VERSION });
  if (!view.ok) throw new Error(view.error.message);
  return view.value.revisions[record];
}

/** A valid payload for each resolver, built fresh (revisions move as the allowed people save). */
const PAYLOADS: Record<string, () => Promise<unknown>> = {
  listReleases: async () => ({}),
  getHandoff: async () => ({ versionId: SHOP_VERSION }),
  saveHandoff: async () => ({ versionId: SHOP_VERSION, baseRevision: await revision(), content: completeContent({ whatsNew: `Saved at ${Date.now()}.` }) }),
  setStatus: async () => ({ versionId: SHOP_VERSION, baseRevision: await revision(), status: 'draft' }),
  getL3Prefill: async () => ({ versionId: SHOP_VERSION, item: { kind: 'step', position: 1 } }),
  getL3Summary: async () => ({ versionId: SHOP_VERSION }),
  overrideGate: async () => ({ versionId: SHOP_VERSION, reason: 'CS was briefed in person on Monday.' }),
  withdrawOverride: async () => ({ versionId: SHOP_VERSION }),
  getSettings: async () => ({}),
  saveSettings: async () => ({ leadTimeDays: 7 }),
  saveWalkthrough: async () => ({ versionId: SHOP_VERSION, baseRevision: await revision('walkthrough'), walkthrough: WALKTHROUGH }),
  settleQuestion: async () => ({ versionId: SHOP_VERSION, ...(await freshWalkthrough()), settlement: { kind: 'answered', where: 'whatsNew' } }),
  promoteQuestion: async () => ({ versionId: SHOP_VERSION, ...(await freshWalkthrough()), answer: 'Yes, prices are re-checked at checkout.' }),
  fileBriefGap: async () => ({ versionId: SHOP_VERSION, ...(await freshWalkthrough(GAP_WALKTHROUGH)) }),
  moveRollout: async () => ({ versionId: SHOP_VERSION, baseRevision: await revision('rollout'), to: (rolloutStages.shift() ?? '100'), learned: 'Quiet so far.' }),
  listHistory: async () => ({ versionId: SHOP_VERSION }),
  diffRevisions: async () => ({ versionId: SHOP_VERSION, from: 0, to: 1 }),
  exportHandoff: async () => ({ versionId: SHOP_VERSION, format: 'markdown' }),
  searchPeople: async () => ({ query: 'ana' }),
};

const WALKTHROUGH = {
  heldAt: '2026-07-01T14:00:00Z',
  attendees: [attendeeOf('cs-lead')],
  questions: [{ text: 'Does the saved cart keep prices from the day it was saved?', settlement: null }],
};
/** One question already settled as a brief gap, not filed yet. */
const GAP_WALKTHROUGH = {
  ...WALKTHROUGH,
  questions: [{ text: 'What happens to a saved cart when a product is discontinued?', settlement: { kind: 'brief-gap', note: 'The brief does not say.' } }],
};
/** Forward-only stages for the allowed rollout moves (po, then the release manager). */
const rolloutStages = ['1', '5', '25', '50', '100'];

/** Replaces the walkthrough (as the release manager) with one open question; its id and the new revision. */
async function freshWalkthrough(walkthrough: object = WALKTHROUGH): Promise<{ baseRevision: number; questionId: string }> {
  const view = await invoke<HandoffView>('release-manager', 'saveWalkthrough', { versionId: SHOP_VERSION, baseRevision: await revision('walkthrough'), walkthrough });
  if (!view.ok) throw new Error(view.error.message);
  return { baseRevision: view.value.revisions.walkthrough, questionId: view.value.walkthrough?.questions[0]?.id ?? 'q1' };
}

const isWrite = (e: { method: string; path: string }) => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);

test('the matrix covers every resolver of the contract', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PAYLOADS).sort());
  const inContract = Object.keys(contract).filter((n) => n.endsWith('PayloadSchema')).map((n) => n[0]?.toLowerCase() + n.slice(1, -'PayloadSchema'.length));
  expect(Object.keys(MATRIX).sort()).toEqual(inContract.sort());
});

describe.each(Object.keys(MATRIX))('%s', (resolver) => {
  test.each(PEOPLE)('%s', async (who) => {
    const expected = (MATRIX[resolver] as Record<Who, 'allow' | 'deny'>)[who];
    const payload = await PAYLOADS[resolver]?.();
    const from = site().jira.requestLog.length;
    const fromStorage = site().host.storageLog.length;
    const result = await invoke<unknown>(who, resolver, payload);
    const calls = site().jira.requestLog.slice(from);
    const storageWrites = site().host.storageLog.slice(fromStorage).filter((c) => !/\/(get|query)$/.test(c.path));
    if (expected === 'allow') {
      expect(result.ok ? 'ok' : (result as Result<unknown> & { ok: false }).error).toBe('ok');
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
      // Only project admins can release in Jira: everyone else is refused by Jira itself.
      expect([403, 404]).toContain(answer.status);
    }
    expect(answer.status === 200).toBe(who === 'release-manager');
  });
});
