import { html, SafeHtml } from './html';

export interface AdfNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type?: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

/** Only web and mail links become anchors: a `javascript:` href in a description must stay text. */
function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href, 'http://local.invalid/');
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? href : null;
  } catch {
    return null;
  }
}

function marked(node: AdfNode): SafeHtml {
  let out: SafeHtml = html`${node.text ?? ''}`;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'strong') out = html`<strong>${out}</strong>`;
    else if (mark.type === 'em') out = html`<em>${out}</em>`;
    else if (mark.type === 'code') out = html`<code>${out}</code>`;
    else if (mark.type === 'strike') out = html`<s>${out}</s>`;
    else if (mark.type === 'underline') out = html`<u>${out}</u>`;
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.['href']);
      if (href) out = html`<a href="${href}">${out}</a>`;
    }
  }
  return out;
}

/**
 * ADF as HTML, the way Jira's issue view renders a description: headings, lists, task lists as
 * checkboxes (read-only here), links as anchors. Every text goes through the escaping `html` tag;
 * unknown nodes render their children, so no text is dropped.
 */
export function adfToHtml(node: AdfNode | null | undefined): SafeHtml {
  if (!node || typeof node !== 'object') return html``;
  const children = (): SafeHtml[] => (Array.isArray(node.content) ? node.content.map(adfToHtml) : []);
  switch (node.type) {
    case 'text':
      return marked(node);
    case 'hardBreak':
      return html`<br>`;
    case 'mention':
    case 'emoji':
    case 'status':
      return html`${String(node.attrs?.['text'] ?? node.attrs?.['shortName'] ?? '')}`;
    case 'inlineCard':
    case 'blockCard': {
      const href = safeHref(node.attrs?.['url']);
      return href ? html`<a href="${href}">${href}</a>` : html``;
    }
    case 'paragraph':
      return html`<p>${children()}</p>`;
    case 'heading': {
      // The page's own h1/h2 come first, so description headings start at h3 to keep the outline.
      const level = Math.min(6, Math.max(3, Number(node.attrs?.['level'] ?? 3) + 2));
      return new SafeHtml(`<h${level}>${children().join('')}</h${level}>`);
    }
    case 'bulletList':
      return html`<ul>${children()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.['order'] ?? 1);
      return start === 1 ? html`<ol>${children()}</ol>` : html`<ol start="${String(start)}">${children()}</ol>`;
    }
    case 'listItem':
      return html`<li>${children()}</li>`;
    case 'taskList':
      return html`<ul class="adf-tasks">${children()}</ul>`;
    case 'taskItem': {
      const done = node.attrs?.['state'] === 'DONE';
      return html`<li class="adf-task" data-state="${done ? 'DONE' : 'TODO'}"><label><input type="checkbox" disabled ${done ? html`checked` : ''}> <span>${children()}</span></label></li>`;
    }
    case 'blockquote':
      return html`<blockquote>${children()}</blockquote>`;
    case 'codeBlock':
      return html`<pre><code>${children()}</code></pre>`;
    case 'rule':
      return html`<hr>`;
    default:
      return html`${children()}`;
  }
}
