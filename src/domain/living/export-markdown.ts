/**
 * The handoff as a Markdown document for the support knowledge base: it has to read well on its own,
 * away from Jira. Handoff text is the PO's words, never markup, so every character Markdown (CommonMark
 * + GitHub extensions) could read as syntax is escaped: text stays text, and no `<script>` or
 * `[x](javascript:…)` written into a handoff becomes HTML or a link. Pure.
 */
import { isHttpsUrl } from '../handoff';
import { WORDING, l3Label, metadataFacts, oneLine, paragraphsOf, type HandoffExportInput } from './export-common';

export type { HandoffExportInput } from './export-common';

/**
 * Escapes one line of text. Inline: backslash, emphasis (`*` `_` `~`), code (`` ` ``), links and
 * images (`[` `]`), raw HTML and autolinks (`<`), tables (`|`), and `&` only where it would start an
 * entity such as `&amp;` (so "Q&A" stays readable). At the start of a line: anything that would open
 * a heading, quote, list or setext underline. At the end: a `#` run a heading would swallow.
 */
export function escapeMarkdownLine(line: string): string {
  return line
    .replace(/[\\`*_~[\]<|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/(^|\s)(#+\s*)$/, '$1\\$2');
}

/** One line of text (list item, heading). */
const inline = (text: string): string => escapeMarkdownLine(oneLine(text));

/**
 * Free text as Markdown paragraphs. A single line break ends with a backslash (CommonMark's hard line
 * break), so the PO's one-step-per-line L2 notes keep their lines when rendered.
 */
function block(text: string, whenEmpty: string): string {
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) return `_${whenEmpty}_`;
  return paragraphs.map((lines) => lines.map(escapeMarkdownLine).join('\\\n')).join('\n\n');
}

/**
 * A link, or the plain (escaped) text when the URL is not https. The destination goes in angle
 * brackets, normalised by the URL parser so it holds no spaces, `<` or `>`; a backslash is
 * percent-encoded so Markdown cannot read it as an escape.
 */
function link(label: string, url: string): string {
  if (!isHttpsUrl(url)) return escapeMarkdownLine(label);
  const href = new URL(url).href.replace(/\\/g, '%5C');
  return `[${escapeMarkdownLine(label)}](<${href}>)`;
}

export function toMarkdown(input: HandoffExportInput): string {
  const { content, revision } = input.handoff;
  const out: string[] = [];
  const section = (title: string, body: string) => out.push(`## ${title}`, body);

  out.push(`# ${inline(WORDING.title(input.versionName))}`);
  out.push(
    metadataFacts(input)
      .map((fact) => `**${fact.label}:** ${inline(fact.value)}`)
      .join(' · '),
  );

  section(WORDING.whatsNew, block(content.whatsNew, WORDING.notWritten));

  section(WORDING.happyPath, content.happyPath.length > 0 ? content.happyPath.map((step, i) => `${i + 1}. ${inline(step)}`).join('\n') : `_${WORDING.notWritten}_`);

  section(
    WORDING.limitations,
    content.limitations.length > 0 ? content.limitations.map((item) => `- ${inline(item)}`).join('\n') : content.noKnownLimitations ? WORDING.noneKnown : `_${WORDING.notWritten}_`,
  );

  section(
    WORDING.questions,
    content.questions.length > 0
      ? content.questions.map(({ question, answer }) => `### ${inline(WORDING.questionPrefix + question)}\n\n${block(answer, WORDING.notWritten)}`).join('\n\n')
      : `_${WORDING.noQuestions}_`,
  );

  out.push(`## ${WORDING.escalation}`);
  out.push(`### ${WORDING.l1}`, block(content.escalation.l1LookUp, WORDING.notWritten));
  out.push(`### ${WORDING.l2}`, block(content.escalation.l2Reproduce, WORDING.notWritten));
  out.push(`### ${WORDING.l3}`, `${escapeMarkdownLine(WORDING.l3Before)}\`${l3Label(input)}\`${escapeMarkdownLine(WORDING.l3After)}`);

  section(WORDING.dashboard, content.dashboardUrl ? `${link(WORDING.dashboardLink, content.dashboardUrl)}. ${escapeMarkdownLine(WORDING.dashboardWhy)}` : `_${WORDING.noDashboard}_`);

  out.push('---', `${link(WORDING.footerLink, input.handoffUrl)}${escapeMarkdownLine(WORDING.footerAfter(revision))}`);
  return `${out.join('\n\n')}\n`;
}
