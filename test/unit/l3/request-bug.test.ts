import { adfParagraphs, type AdfNode, type AdfText } from '#domain/adf';
import { emptyContent } from '#domain/handoff-defaults';
import { buildL3Bug, SUMMARY_MAX } from '#domain/l3-bug';
import { adfErrors } from '../adf-errors';

const base = {
  link: { projectKey: 'SHOP', versionId: '10002' },
  versionName: '2026.12 Gift cards',
  content: { ...emptyContent(), limitations: ['Refunds: https://shop.example/help/refunds'] },
  rolloutStage: '5%',
  handoffUrl: 'https://site.example/jira/software/projects/SHOP/apps/a/e/version/10002',
};

const inline = (nodes: (AdfNode | AdfText)[]): (AdfNode | AdfText)[] => nodes.flatMap((n) => ('content' in n && n.content ? inline(n.content) : [n]));

describe('the L3 bug filed from a customer request', () => {
  it('puts the request and the customer’s words, URLs included, in plain text nodes of a valid document', () => {
    const draft = buildL3Bug({ ...base, request: { key: 'HELP-3', summary: 'Charged twice', customerText: ['Receipt: https://shop.example/orders/1', '  '] } });
    expect(adfErrors(draft.description)).toEqual([]);
    expect(draft.summary).toBe('[L3] 2026.12 Gift cards: Charged twice');
    const nodes = inline(draft.description.content);
    expect(nodes.filter((n) => 'text' in n && n.text.includes('orders/1'))).toEqual([{ type: 'text', text: 'Receipt: https://shop.example/orders/1' }]);
    // The request's paragraphs take the place of the empty one the agent would fill in.
    expect(draft.description.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Request: ', marks: [{ type: 'strong' }] },
        { type: 'text', text: 'HELP-3: Charged twice' },
      ],
    });
  });

  it('keeps the summary within Jira’s 255 characters and on one line', () => {
    const draft = buildL3Bug({ ...base, request: { key: 'HELP-1', summary: `line one\nline two ${'x'.repeat(400)}`, customerText: [] } });
    expect(draft.summary.length).toBe(SUMMARY_MAX);
    expect(draft.summary).not.toMatch(/\n/);
  });

  it('without a request, leaves today’s empty paragraph for the agent', () => {
    expect(buildL3Bug(base).description.content[1]).toEqual({ type: 'paragraph', content: [] });
  });
});

describe('adfParagraphs', () => {
  it('reads text, cards and mentions as plain paragraphs, dropping marks', () => {
    expect(
      adfParagraphs({
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Go to ' },
              { type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }] },
            ],
          },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: 'https://card.example' } }] }] }] },
          { type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@Sam' } }, { type: 'hardBreak' }, { type: 'text', text: 'thanks' }] },
        ],
      }),
    ).toEqual(['Go to here', 'https://card.example', '@Sam thanks']);
  });

  it('gives nothing for what is not ADF', () => {
    expect(adfParagraphs(null)).toEqual([]);
    expect(adfParagraphs('plain')).toEqual([]);
  });
});
