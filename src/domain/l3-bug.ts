/**
 * The pre-filled L3 bug a CS agent files from a handoff: summary prefix, ADF description and the
 * chain-aware labels. Pure: the resolver supplies the version, the stored handoff and the link back.
 */
import { bulletList, doc, em, heading, link, paragraph, strong, taskList, text, type AdfDoc } from './adf';
import { l3Labels, type ChainLink, type ItemRef } from './chain-label';
import type { HandoffContent } from './handoff';
import { ITEM_TITLES } from './section-titles';

export const SUMMARY_MAX = 255;

export interface L3BugInput {
  link: ChainLink;
  versionName: string;
  content: HandoffContent;
  /** Rollout stage label at the time of filing, e.g. "5%" or "Not started". */
  rolloutStage: string;
  handoffUrl: string;
  item?: ItemRef;
  /** Filed from a customer's request: its key, summary and what the customer wrote, as plain paragraphs. */
  request?: { key: string; summary: string; customerText: string[] };
}

export interface L3BugDraft {
  summary: string;
  description: AdfDoc;
  labels: string[];
}

export function summaryPrefix(versionName: string): string {
  const prefix = `[L3] ${versionName.trim()}: `;
  // Keep room for the agent's own words; a very long release name is shortened, not refused.
  return prefix.length > 120 ? `${prefix.slice(0, 116)}…: ` : prefix;
}

/** L2 guidance is free text; each non-empty line becomes one checklist step, bullets and numbers dropped. */
export function reproductionSteps(l2Reproduce: string): string[] {
  return l2Reproduce
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
}

export function describeItem(content: HandoffContent, item: ItemRef): string | null {
  switch (item.kind) {
    case 'step':
      return content.happyPath[item.position - 1] ?? null;
    case 'limitation':
      return content.limitations[item.position - 1] ?? null;
    case 'question':
      return content.questions[item.position - 1]?.question ?? null;
  }
}

const ITEM_SECTION: Record<ItemRef['kind'], string> = ITEM_TITLES;

export function buildL3Bug(input: L3BugInput): L3BugDraft {
  const steps = reproductionSteps(input.content.escalation.l2Reproduce);
  const itemText = input.item ? describeItem(input.content, input.item) : null;
  const filedFrom = input.item && itemText ? [paragraph(strong('Filed from: '), text(`${ITEM_SECTION[input.item.kind]} ${input.item.position}: `), em(itemText))] : [];

  // The customer's words are text nodes only: a URL they wrote stays text, never a link mark.
  const customerSaw = input.request
    ? [paragraph(strong('Request: '), text(`${input.request.key}: ${input.request.summary}`)), ...input.request.customerText.filter((p) => p.trim() !== '').map((p) => paragraph(text(p)))]
    : [paragraph()];
  const description = doc(
    // Headings ask, empty blocks take the answer: no placeholder sentence can ship in the bug unedited.
    heading(3, 'What the customer saw, in their words, and when'),
    ...customerSaw,
    ...filedFrom,
    heading(3, steps.length > 0 ? 'Steps to reproduce (from the handoff, L2)' : 'Steps to reproduce'),
    taskList('repro', steps.length > 0 ? steps : ['']),
    heading(3, 'Release context'),
    bulletList([`Release: ${input.versionName}`, `Rollout stage when filed: ${input.rolloutStage}`]),
    paragraph(text('CS handoff: '), link(`${input.versionName} handoff`, input.handoffUrl)),
  );

  return {
    summary: (summaryPrefix(input.versionName) + (input.request?.summary.replace(/[\r\n]+/g, ' ').trim() ?? '')).slice(0, SUMMARY_MAX),
    description,
    labels: l3Labels(input.link, input.item),
  };
}
