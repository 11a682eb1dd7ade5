/**
 * The handoff in Confluence storage format (XHTML), for teams whose knowledge base is Confluence.
 * Storage format is parsed as XML, so the output must be well-formed: every element closed, every
 * piece of handoff text escaped with the five predefined XML entities only, and no character XML
 * forbids. Links are written only for https URLs; anything else is shown as text. Pure.
 */
import { isHttpsUrl } from '../handoff';
import { WORDING, l3Label, metadataFacts, oneLine, paragraphsOf, type HandoffExportInput } from './export-common';

export type { HandoffExportInput } from './export-common';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML content and attribute values. Control characters XML 1.0 does not allow are
 * dropped, and a lone surrogate (half of an emoji cut off) becomes U+FFFD, so the document always parses.
 */
export function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 forbids these control characters, so they are dropped on purpose.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string)
  );
}

const element = (name: string, inner: string) => `<${name}>${inner}</${name}>`;
const text = (value: string) => escapeXml(value);

function link(label: string, url: string): string {
  return isHttpsUrl(url) ? `<a href="${escapeXml(url)}">${text(label)}</a>` : text(label);
}

/** Free text as paragraphs; single line breaks are kept as <br/>. */
function block(value: string, whenEmpty: string): string {
  const paragraphs = paragraphsOf(value);
  if (paragraphs.length === 0) return element('p', element('em', text(whenEmpty)));
  return paragraphs.map((lines) => element('p', lines.map(text).join('<br/>'))).join('\n');
}

const list = (name: 'ol' | 'ul', items: readonly string[]) => element(name, items.map((item) => element('li', text(oneLine(item)))).join(''));

export function toConfluenceStorage(input: HandoffExportInput): string {
  const { content, revision } = input.handoff;
  const parts: string[] = [];

  parts.push(element('h1', text(WORDING.title(input.versionName))));
  parts.push(
    element(
      'p',
      metadataFacts(input)
        .map((fact) => `${element('strong', text(`${fact.label}:`))} ${text(fact.value)}`)
        .join(' · '),
    ),
  );

  parts.push(element('h2', text(WORDING.whatsNew)), block(content.whatsNew, WORDING.notWritten));

  parts.push(element('h2', text(WORDING.happyPath)));
  parts.push(content.happyPath.length > 0 ? list('ol', content.happyPath) : element('p', element('em', text(WORDING.notWritten))));

  parts.push(element('h2', text(WORDING.limitations)));
  parts.push(content.limitations.length > 0 ? list('ul', content.limitations) : element('p', content.noKnownLimitations ? text(WORDING.noneKnown) : element('em', text(WORDING.notWritten))));

  parts.push(element('h2', text(WORDING.questions)));
  if (content.questions.length === 0) parts.push(element('p', element('em', text(WORDING.noQuestions))));
  for (const { question, answer } of content.questions) {
    parts.push(element('h3', text(oneLine(WORDING.questionPrefix + question))), block(answer, WORDING.notWritten));
  }

  parts.push(element('h2', text(WORDING.escalation)));
  parts.push(element('h3', text(WORDING.l1)), block(content.escalation.l1LookUp, WORDING.notWritten));
  parts.push(element('h3', text(WORDING.l2)), block(content.escalation.l2Reproduce, WORDING.notWritten));
  parts.push(element('h3', text(WORDING.l3)), element('p', `${text(WORDING.l3Before)}${element('code', text(l3Label(input)))}${text(WORDING.l3After)}`));

  parts.push(element('h2', text(WORDING.dashboard)));
  parts.push(content.dashboardUrl ? element('p', `${link(WORDING.dashboardLink, content.dashboardUrl)}. ${text(WORDING.dashboardWhy)}`) : element('p', element('em', text(WORDING.noDashboard))));

  parts.push('<hr/>', element('p', `${link(WORDING.footerLink, input.handoffUrl)}${text(WORDING.footerAfter(revision))}`));
  return parts.join('\n');
}
