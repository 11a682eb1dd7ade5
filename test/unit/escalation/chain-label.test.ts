import fc from 'fast-check';
import { ChainLabelError, briefGapLabel, JIRA_LABEL_MAX, itemLabel, l3BugsJql, l3Labels, releaseLabel } from '#domain/chain-label';

const projectKey = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.stringMatching(/^[A-Z0-9_]{0,20}$/)).map(([first, rest]) => first + rest);
const versionId = fc.stringMatching(/^[1-9]\d{0,17}$/);

describe('chain-aware label', () => {
  it('names project, version and level', () => {
    expect(releaseLabel({ projectKey: 'SHOP', versionId: '10021' })).toBe('chain-shop-v10021-l3');
  });

  it('names the handoff item it was filed from', () => {
    expect(itemLabel({ projectKey: 'SHOP', versionId: '10021' }, { kind: 'limitation', position: 2 })).toBe('chain-shop-v10021-limitation-2');
    expect(l3Labels({ projectKey: 'SHOP', versionId: '1' }, { kind: 'step', position: 3 })).toEqual(['chain-shop-v1-l3', 'chain-shop-v1-step-3']);
  });

  it('handles odd but valid project keys (digits, underscores, one letter)', () => {
    expect(releaseLabel({ projectKey: 'A', versionId: '1' })).toBe('chain-a-v1-l3');
    expect(releaseLabel({ projectKey: 'MY_PROJ2', versionId: '000123' })).toBe('chain-my_proj2-v000123-l3');
  });

  it('builds the label of every valid project key, version id and item', () => {
    fc.assert(
      fc.property(
        projectKey,
        versionId,
        fc.option(fc.record({ kind: fc.constantFrom('step', 'limitation', 'question' as const), position: fc.integer({ min: 1, max: 9999 }) }), { nil: undefined }),
        (key, id, item) => {
          const [release, itemL] = l3Labels({ projectKey: key, versionId: id }, item);
          expect(release).toBe(`chain-${key.toLowerCase()}-v${id}-l3`);
          if (item) expect(itemL).toBe(`chain-${key.toLowerCase()}-v${id}-${item.kind}-${item.position}`);
          for (const label of [release!, itemL ?? release!]) {
            expect(label).toMatch(/^[a-z0-9_-]+$/);
            expect(label.length).toBeLessThanOrEqual(JIRA_LABEL_MAX);
          }
        },
      ),
    );
  });

  it('refuses keys and ids Jira would not have, naming the problem', () => {
    expect(() => releaseLabel({ projectKey: 'shop', versionId: '1' })).toThrow(/Project key "shop"/);
    expect(() => releaseLabel({ projectKey: 'SH-OP', versionId: '1' })).toThrow(ChainLabelError);
    expect(() => releaseLabel({ projectKey: 'SHOP', versionId: '10 21' })).toThrow(/Version id "10 21"/);
    expect(() => itemLabel({ projectKey: 'SHOP', versionId: '1' }, { kind: 'step', position: 0 })).toThrow(/position 0/);
  });

  it("stays within Jira's 255-character bound, refusing rather than truncating", () => {
    const versionIdMax = '9'.repeat(18);
    const fits = 'K'.repeat(JIRA_LABEL_MAX - 'chain--v-l3'.length - versionIdMax.length);
    expect(releaseLabel({ projectKey: fits, versionId: versionIdMax })).toHaveLength(JIRA_LABEL_MAX);
    expect(() => releaseLabel({ projectKey: `${fits}K`, versionId: versionIdMax })).toThrow(/256 characters; Jira allows at most 255/);
  });

  it('names the release a brief-gap task was filed for', () => {
    expect(briefGapLabel({ projectKey: 'SHOP', versionId: '10021' })).toBe('chain-shop-v10021-brief-gap');
    expect(briefGapLabel({ projectKey: 'MY_PROJ2', versionId: '000123' })).toBe('chain-my_proj2-v000123-brief-gap');
    fc.assert(
      fc.property(projectKey, versionId, (key, id) => {
        const label = briefGapLabel({ projectKey: key, versionId: id });
        expect(label).toMatch(/^[a-z0-9_-]+$/);
        expect(label).toBe(`chain-${key.toLowerCase()}-v${id}-brief-gap`);
      }),
    );
  });

  it('refuses brief-gap labels for keys and ids Jira would not have, and over 255 characters', () => {
    expect(() => briefGapLabel({ projectKey: 'shop', versionId: '1' })).toThrow(/Project key "shop"/);
    expect(() => briefGapLabel({ projectKey: 'SHOP', versionId: 'v1' })).toThrow(/Version id "v1"/);
    const versionIdMax = '9'.repeat(18);
    const fits = 'K'.repeat(JIRA_LABEL_MAX - 'chain--v-brief-gap'.length - versionIdMax.length);
    expect(briefGapLabel({ projectKey: fits, versionId: versionIdMax })).toHaveLength(JIRA_LABEL_MAX);
    expect(() => briefGapLabel({ projectKey: `${fits}K`, versionId: versionIdMax })).toThrow(ChainLabelError);
  });

  it("builds the JQL that lists a release's L3 bugs", () => {
    expect(l3BugsJql({ projectKey: 'SHOP', versionId: '10002' })).toBe('project = SHOP AND labels = "chain-shop-v10002-l3" ORDER BY created DESC');
  });
});
