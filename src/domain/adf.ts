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
