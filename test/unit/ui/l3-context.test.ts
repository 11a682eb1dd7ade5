/**
 * The handoff page's L3 pre-fill (static/cs-handoff/src/escalation/l3-context.ts) is the one the
 * resolvers build (core/l3-draft.ts l3PrefillFor), from the page's data; the Bug type is asked for once
 * per project for the page's life.
 */
import type { HandoffView, L3BugType, ProjectInfo, Result } from '#contract';
import type { ItemRef } from '#domain/chain-label';
import type { StoredHandoff } from '#domain/handoff';
import { initialRollout, moveStage } from '#domain/living/rollout';
import { handoffPageUrl } from '#resolvers/core/handoff-writes';
import { l3PrefillFor } from '#resolvers/core/l3-draft';
import { bugTypeOf, l3PrefillFromPage, l3PrefillOf } from '../../../static/cs-handoff/src/escalation/l3-context';
import { GIFT_CARDS_CONTENT } from '../../support/handoff-fixtures';

const project: ProjectInfo = { id: '10000', key: 'SHOP', name: 'Shop', type: 'software' };
const version = { id: '10002', name: '2026.12 Gift cards', description: '', releaseDate: '2026-12-01', released: false, archived: false };
const by = { accountId: 'po-1', displayName: 'Priya' };
const app = { appId: 'app-1', environmentId: 'env-1' };
const SITE = 'https://shop.atlassian.net';

const handoff: StoredHandoff = {
  schemaVersion: 1,
  versionId: version.id,
  projectId: project.id,
  content: GIFT_CARDS_CONTENT,
  status: 'ready',
  readyAt: '2026-11-20T10:00:00.000Z',
  revision: 3,
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: by,
  // At 5%: the bug records the stage it was filed at.
  rollout: moveStage(moveStage(initialRollout(), '1', '', by, new Date('2026-11-21T10:00:00Z')), '5', 'Two refunds asked.', by, new Date('2026-11-22T10:00:00Z')),
};

/** What getHandoffPage gives the page, as far as filing reads it. */
const page = (stored: StoredHandoff | null = handoff) => ({
  view: { project, version, handoff: stored } as Pick<HandoffView, 'project' | 'version' | 'handoff'> as HandoffView,
  handoffUrl: { ok: true, value: handoffPageUrl(SITE, project, version.id, app) } as Result<string>,
});

describe('the handoff page pre-fill', () => {
  it.each<[string, ItemRef | undefined]>([
    ['the release', undefined],
    ['a limitation', { kind: 'limitation', position: 1 }],
    ['a step', { kind: 'step', position: 2 }],
  ])('is exactly what the resolvers build, filed from %s', (_what, item) => {
    const server = l3PrefillFor(
      { project, version: { ...version, projectId: Number(project.id) } as never, handoff, bugType: { id: '10004', name: 'Bug', subtask: false }, siteUrl: SITE, item },
      { appIdentity: () => app },
    );
    expect(l3PrefillOf(page(), '10004', item)).toEqual({ ok: true, value: server });
    expect(JSON.stringify(server.description)).toContain('5%');
  });

  it("answers the domain's refusals as results: no handoff yet, an item gone, no link to the page", () => {
    expect(l3PrefillOf(page(null), '10004', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('No CS handoff for this release yet') } });
    expect(l3PrefillOf(page(), '10004', { kind: 'limitation', position: 9 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'item.position': 'No known limitation 9' } } });
    const noLink = { ...page(), handoffUrl: { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira is not answering.' } } } as const;
    expect(l3PrefillOf(noLink, '10004', undefined)).toEqual(noLink.handoffUrl);
  });

  it('asks for the Bug type once per project while the page lives, and again after a failed answer', async () => {
    const asked: string[] = [];
    const answer = (res: Result<L3BugType>) => () => {
      asked.push(res.ok ? res.value.issueTypeId : res.error.code);
      return Promise.resolve(res);
    };
    const refused = answer({ ok: false, error: { code: 'NOT_FOUND', message: 'Project OPS has no Bug issue type' } });
    expect(await bugTypeOf('10001', refused)).toMatchObject({ ok: false });
    const found = answer({ ok: true, value: { issueTypeId: '20004' } });
    expect(await bugTypeOf('10001', found)).toEqual({ ok: true, value: { issueTypeId: '20004' } });
    expect(await bugTypeOf('10001', found)).toEqual({ ok: true, value: { issueTypeId: '20004' } });
    // Filing twice from SHOP: one ask.
    const shop = answer({ ok: true, value: { issueTypeId: '10004' } });
    expect((await l3PrefillFromPage(page(), undefined, shop)).ok).toBe(true);
    expect(await l3PrefillFromPage(page(), { kind: 'step', position: 1 }, shop)).toMatchObject({ ok: true, value: { issueTypeId: '10004' } });
    expect(asked).toEqual(['NOT_FOUND', '20004', '10004']);
  });
});
