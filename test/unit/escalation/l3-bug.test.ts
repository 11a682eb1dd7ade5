import { type HandoffContent } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { buildL3Bug, reproductionSteps, summaryPrefix } from '#domain/l3-bug';
import { adfErrors } from '../adf-errors';

function assertValidAdf(document: unknown): void {
  expect(adfErrors(document)).toEqual([]);
}

const content: HandoffContent = {
  ...emptyContent(),
  whatsNew: 'Gift cards can be bought at checkout.',
  happyPath: ['Open the cart', 'Choose "Gift card"', 'Pay'],
  limitations: ['Not yet available in Hebrew', 'Not supported on tablets'],
  questions: [{ question: 'Can I turn it off?', answer: 'Not this release.' }],
  escalation: { l1LookUp: 'Search the order in Admin > Orders', l2Reproduce: '1. Log in as a test shopper\n2) Add a gift card\n\n- Pay with <b>Visa</b>' },
};

const base = {
  link: { projectKey: 'SHOP', versionId: '10002' },
  versionName: '2026.12 Gift cards',
  content,
  rolloutStage: '5%',
  handoffUrl: 'https://example.atlassian.net/jira/software/projects/SHOP/apps/app/env/version/10002',
};

function allText(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { text?: string; content?: unknown[] };
  return [...(n.text ? [n.text] : []), ...(n.content ?? []).flatMap(allText)];
}

describe('L3 bug pre-fill', () => {
  it('uses a validator that really rejects invalid ADF', () => {
    expect(() => assertValidAdf({ version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).toThrow();
    expect(() => assertValidAdf({ version: 1, type: 'doc', content: [{ type: 'taskList', content: [] }] })).toThrow();
  });

  it('is valid ADF with the reproduction steps as a checklist, the stage and a link back', () => {
    const bug = buildL3Bug(base);
    assertValidAdf(bug.description);
    const taskList = bug.description.content.find((n) => n.type === 'taskList');
    expect(taskList?.content?.map((item) => allText(item).join(''))).toEqual(['Log in as a test shopper', 'Add a gift card', 'Pay with <b>Visa</b>']);
    expect(allText(bug.description).join(' ')).toContain('Rollout stage when filed: 5%');
    expect(JSON.stringify(bug.description)).toContain(`"href":"${base.handoffUrl}"`);
    expect(bug.summary).toBe('[L3] 2026.12 Gift cards: ');
    expect(bug.labels).toEqual(['chain-shop-v10002-l3']);
  });

  it('keeps markup in handoff text as literal text, never as ADF structure', () => {
    const bug = buildL3Bug({ ...base, item: { kind: 'limitation', position: 1 }, content: { ...content, limitations: ['<script>alert(1)</script> **bold**'] } });
    assertValidAdf(bug.description);
    expect(allText(bug.description)).toContain('<script>alert(1)</script> **bold**');
    expect(bug.labels).toEqual(['chain-shop-v10002-l3', 'chain-shop-v10002-limitation-1']);
  });

  it('asks for steps when the handoff has no L2 guidance with a heading and one empty checklist item, still valid ADF', () => {
    const bug = buildL3Bug({ ...base, content: emptyContent() });
    assertValidAdf(bug.description);
    const at = bug.description.content.findIndex((n) => n.type === 'heading' && allText(n).join('') === 'Steps to reproduce');
    expect(at).toBeGreaterThan(-1);
    expect(bug.description.content[at + 1]).toEqual({ type: 'taskList', attrs: { localId: 'repro-list' }, content: [{ type: 'taskItem', attrs: { localId: 'repro-1', state: 'TODO' }, content: [] }] });
  });

  it('asks what the customer saw with a heading and an empty paragraph: no placeholder text ships in the bug', () => {
    const bug = buildL3Bug(base);
    assertValidAdf(bug.description);
    expect(bug.description.content.slice(0, 2)).toEqual([
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'What the customer saw, in their words, and when' }] },
      { type: 'paragraph', content: [] },
    ]);
    // Every text in the bug is a heading or comes from the handoff and the release, never an instruction to delete.
    expect(allText(bug.description).join(' ')).not.toMatch(/Describe|Write the steps/);
  });

  it('notes the handoff item the bug was filed from', () => {
    const bug = buildL3Bug({ ...base, item: { kind: 'step', position: 2 } });
    expect(allText(bug.description).join('')).toContain('Happy path step 2: Choose "Gift card"');
  });

  it('parses L2 guidance lines into steps, dropping bullets and numbering', () => {
    expect(reproductionSteps(' - a\n* b\n• c\n10) d\n3. e\n\n   ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('shortens a very long release name in the summary prefix', () => {
    const prefix = summaryPrefix('R'.repeat(300));
    expect(prefix.length).toBeLessThanOrEqual(120);
    expect(prefix.endsWith('…: ')).toBe(true);
  });
});
