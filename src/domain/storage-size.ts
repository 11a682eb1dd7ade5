import { appError } from './errors';
import type { HandoffContent } from './handoff';
import { SECTION_TITLES } from './section-titles';

/** Jira's limit for one entity-property value, in bytes of its JSON. */
export const PROPERTY_MAX_BYTES = 32_768;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

const SECTION_LABELS: Record<keyof HandoffContent, string> = {
  whatsNew: SECTION_TITLES.whatsNew,
  happyPath: SECTION_TITLES.happyPath,
  limitations: SECTION_TITLES.limitations,
  noKnownLimitations: 'None known',
  questions: SECTION_TITLES.questions,
  escalation: SECTION_TITLES.escalation,
  dashboardUrl: SECTION_TITLES.dashboard,
};

export interface SectionSize {
  section: keyof HandoffContent;
  label: string;
  bytes: number;
}

/** Sections of the content by serialised size, biggest first. */
export function sectionSizes(content: HandoffContent): SectionSize[] {
  return (Object.keys(SECTION_LABELS) as (keyof HandoffContent)[])
    .map((section) => ({ section, label: SECTION_LABELS[section], bytes: jsonBytes(content[section]) }))
    .sort((a, b) => b.bytes - a.bytes);
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Refuses a handoff whose stored JSON would exceed Jira's limit. Never truncates: the person decides
 * what to cut, so the message says how far over it is and which sections are biggest.
 */
export function assertHandoffFits(storedValue: { content: HandoffContent }): void {
  const bytes = jsonBytes(storedValue);
  if (bytes <= PROPERTY_MAX_BYTES) return;
  const over = bytes - PROPERTY_MAX_BYTES;
  const biggest = sectionSizes(storedValue.content).slice(0, 3);
  const fields: Record<string, string> = {};
  for (const s of biggest) fields[`content.${s.section}`] = `${s.label} takes ${fmt(s.bytes)} bytes`;
  throw appError(
    'TOO_LARGE',
    `The handoff is ${fmt(over)} bytes over Jira's limit of ${fmt(PROPERTY_MAX_BYTES)} bytes (it is ${fmt(bytes)} bytes). ` +
      `Shorten the biggest sections: ${biggest.map((s) => `${s.label} (${fmt(s.bytes)} bytes)`).join(', ')}. ` +
      'Text in non-Latin scripts and emoji take 2–4 bytes per character.',
    { fields },
  );
}

/** The overview index is one property per project; refuse a write that would push it over the limit. */
export function assertIndexFits(indexValue: unknown, entries: number): void {
  const bytes = jsonBytes(indexValue);
  if (bytes <= PROPERTY_MAX_BYTES) return;
  throw appError(
    'TOO_LARGE',
    `The project's handoff overview would be ${fmt(bytes - PROPERTY_MAX_BYTES)} bytes over Jira's limit of ` +
      `${fmt(PROPERTY_MAX_BYTES)} bytes with ${fmt(entries)} handoffs. Ask an administrator to archive old handoffs.`,
  );
}
