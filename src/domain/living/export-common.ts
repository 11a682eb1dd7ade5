/**
 * What the Markdown and Confluence exports share: their input, the wording CS reads, and how free
 * text is split into paragraphs. Keeping the words here means both exports say the same thing; each
 * export only decides how to mark it up and escape it. Pure.
 */
import { releaseLabel } from '../chain-label';
import type { StoredHandoff } from '../handoff';
import { SECTION_TITLES } from '../section-titles';

export interface HandoffExportInput {
  projectKey: string;
  versionName: string;
  /** The version's release date as Jira gives it (YYYY-MM-DD), or null when none is set. */
  releaseDate: string | null;
  handoff: StoredHandoff;
  /** e.g. "5%" or "Not started" (see `currentStageLabel`). */
  rolloutStageLabel: string;
  /** The handoff's page in Jira; linked only when it is https. */
  handoffUrl: string;
}

export const WORDING = {
  title: (versionName: string) => `CS handoff: ${versionName}`,
  whatsNew: SECTION_TITLES.whatsNew,
  happyPath: SECTION_TITLES.happyPath,
  limitations: SECTION_TITLES.limitations,
  questions: SECTION_TITLES.questions,
  escalation: SECTION_TITLES.escalation,
  l1: 'L1 — look it up',
  l2: 'L2 — reproduce',
  l3: 'L3 — file a bug',
  dashboard: 'Signals dashboard',
  notWritten: 'Not written yet.',
  noneKnown: 'None known.',
  noQuestions: 'No questions written yet.',
  noDashboard: 'No dashboard linked yet.',
  dashboardLink: 'Open the leading-signals dashboard',
  dashboardWhy: 'Check whether the tickets you see line up with how customers are using the release.',
  questionPrefix: 'Q: ',
  l3Before: 'File the bug from the handoff in Jira, not by hand: it opens pre-filled with the L2 steps, the release and its rollout stage, and carries the label ',
  l3After: ', which ties it back to this release.',
  footerLink: 'Open the live handoff in Jira',
  footerAfter: (revision: number) => ` for the latest version. The handoff is updated through the rollout; this export is a snapshot of revision ${revision}.`,
} as const;

export interface Fact {
  label: string;
  value: string;
}

/** The metadata line under the title: when, how ready, which revision, how far rolled out. */
export function metadataFacts(input: HandoffExportInput): Fact[] {
  const { handoff } = input;
  const status = handoff.status === 'ready' ? (handoff.readyAt ? `Ready since ${dateOf(handoff.readyAt)}` : 'Ready') : 'Draft';
  const by = handoff.updatedBy.displayName.trim();
  return [
    { label: 'Release date', value: input.releaseDate ?? 'Not set' },
    { label: 'Status', value: status },
    { label: 'Revision', value: `${handoff.revision} (updated ${dateOf(handoff.updatedAt)}${by ? ` by ${by}` : ''})` },
    { label: 'Rollout', value: input.rolloutStageLabel },
  ];
}

/** The calendar day (UTC) of an ISO instant; a value that is not one is shown as given. */
function dateOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso.slice(0, 10) : iso;
}

export function l3Label(input: HandoffExportInput): string {
  return releaseLabel({ projectKey: input.projectKey, versionId: input.handoff.versionId });
}

/**
 * Free text as paragraphs of lines: a blank line starts a new paragraph, a single line break is kept
 * (L2 steps are often one per line). Lines are trimmed, so indentation never turns text into code.
 */
export function paragraphsOf(text: string): string[][] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) =>
      paragraph
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
}

/** A list item or heading is one line: line breaks inside it become spaces. */
export const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ').trim();
