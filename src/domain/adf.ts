/**
 * A minimal, typed builder for the Atlassian Document Format nodes the app writes (Jira's
 * description field must be ADF). Kept in the domain instead of depending on @atlaskit/adf-utils at
 * run time, so the backend bundle stays small; the tests check every document against the
 * adf-utils validator.
 */

export interface AdfMark {
  type: 'strong' | 'em' | 'link';
  attrs?: { href: string };
}
export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Array<AdfNode | AdfText>;
}
export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

/** ADF forbids empty text nodes; handoff text is inserted verbatim (as text, never as markup). */
export function text(value: string, marks?: AdfMark[]): AdfText[] {
  if (value.length === 0) return [];
  return [marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

export const strong = (value: string): AdfText[] => text(value, [{ type: 'strong' }]);
export const em = (value: string): AdfText[] => text(value, [{ type: 'em' }]);
export const link = (value: string, href: string): AdfText[] => text(value, [{ type: 'link', attrs: { href } }]);

export const paragraph = (...inline: AdfText[][]): AdfNode => ({ type: 'paragraph', content: inline.flat() });

export const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, value: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: text(value),
});

export const bulletList = (items: string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
});

/**
 * A checklist. Task lists need a localId per list and item; they only have to be unique within the
 * document, so a prefix plus the position is enough and keeps the output deterministic.
 */
export const taskList = (idPrefix: string, items: string[]): AdfNode => ({
  type: 'taskList',
  attrs: { localId: `${idPrefix}-list` },
  content: items.map((item, i) => ({
    type: 'taskItem',
    attrs: { localId: `${idPrefix}-${i + 1}`, state: 'TODO' },
    content: text(item),
  })),
});

export const doc = (...content: AdfNode[]): AdfDoc => ({ version: 1, type: 'doc', content });

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'panel', 'tableCell', 'tableHeader', 'blockCard', 'mediaSingle']);

/**
 * What someone wrote in an ADF document, as plain paragraphs: the text of every text node (marks,
 * links included, dropped), a card's URL or a mention's name as text. Anything not ADF gives nothing.
 */
export function adfParagraphs(value: unknown): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') out.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; content?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') current += n.text;
    else if (n.type === 'hardBreak') current += ' ';
    else if ((n.type === 'inlineCard' || n.type === 'blockCard') && typeof n.attrs?.url === 'string') current += n.attrs.url;
    else if ((n.type === 'mention' || n.type === 'emoji') && typeof (n.attrs?.text ?? n.attrs?.shortName) === 'string') current += String(n.attrs?.text ?? n.attrs?.shortName);
    const block = typeof n.type === 'string' && BLOCK_TYPES.has(n.type);
    if (block) flush();
    if (Array.isArray(n.content)) n.content.forEach(walk);
    if (block) flush();
  };
  walk(value);
  flush();
  return out;
}
