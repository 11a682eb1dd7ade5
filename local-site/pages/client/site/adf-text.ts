/** ADF <-> plain text for the Create issue dialog's description (Jira's editor stands in as a text area). */

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

const BLOCKY = ['doc', 'listItem', 'blockquote', 'panel', 'expand', 'layoutSection', 'layoutColumn', 'tableRow', 'table', 'tableCell', 'tableHeader'];

const attr = (node: AdfNode, name: string): string => {
  const v = node.attrs?.[name];
  return typeof v === 'string' ? v : '';
};

export function adfToText(node: AdfNode | null | undefined): string {
  if (!node || typeof node !== 'object') return '';
  if (node.type === 'text') return node.text || '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention' || node.type === 'emoji' || node.type === 'status') return attr(node, 'text') || attr(node, 'shortName');
  if (node.type === 'inlineCard' || node.type === 'blockCard') return attr(node, 'url');
  const children = Array.isArray(node.content) ? node.content : [];
  if (node.type === 'bulletList') return children.map((c) => `\u2022 ${adfToText(c).trim()}`).join('\n');
  // Jira's editor shows a task list as checkboxes; the plain-text stand-in shows them as [ ] / [x].
  if (node.type === 'taskList') return children.map((c) => `${c.attrs?.['state'] === 'DONE' ? '[x] ' : '[ ] '}${adfToText(c).trim()}`).join('\n');
  if (node.type === 'orderedList') {
    const start = Number(node.attrs?.['order']) || 1;
    return children.map((c, i) => `${start + i}. ${adfToText(c).trim()}`).join('\n');
  }
  const inner = children.map(adfToText);
  if (BLOCKY.includes(node.type)) return inner.filter((s) => s !== '').join('\n\n');
  return inner.join('');
}

export function textToAdf(text: string): AdfNode {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return {
    version: 1,
    type: 'doc',
    content: paragraphs.map((p) => {
      const content: AdfNode[] = [];
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  } as AdfNode;
}
