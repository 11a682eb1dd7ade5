import { adfToText, textToAdf } from '../../../local-site/pages/client/site/adf-text';

describe("the Create issue dialog's description (ADF as plain text and back)", () => {
  it('shows lists, task lists and numbered lists as Jira shows them in plain text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] }] },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { state: 'DONE' }, content: [{ type: 'text', text: 'done' }] },
            { type: 'taskItem', attrs: { state: 'TODO' }, content: [{ type: 'text', text: 'open' }] },
          ],
        },
        { type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }] }] },
        {
          type: 'paragraph',
          content: [
            { type: 'inlineCard', attrs: { url: 'https://x.example/a' } },
            { type: 'mention', attrs: { text: '@Ana' } },
          ],
        },
      ],
    };
    expect(adfToText(doc)).toBe('Line one\nline two\n\n\u2022 a\n\n[x] done\n[ ] open\n\n3. third\n\nhttps://x.example/a@Ana');
  });

  it('turns typed text back into paragraphs with hard breaks, dropping blank paragraphs', () => {
    expect(textToAdf('One\ntwo\n\n\n\nThree\n\n  \n')).toEqual({
      version: 1,
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Three' }] },
      ],
    });
  });

  it('reads nothing from what is not a node', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText(undefined)).toBe('');
  });
});
