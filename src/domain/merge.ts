/**
 * Merging a content save by section. A save names the revision it started from; everything saved
 * since is someone else's. Sections only this person changed apply, sections only others changed are
 * kept, and only a section both changed (to different text) is a conflict. Pure.
 */
import type { HandoffContent } from './handoff';
import { ESCALATION_TITLES, SECTION_TITLES } from './section-titles';

/** The content's sections, in the handoff's order (keys shared with the UI's conflict view). */
export const CONTENT_SECTIONS = ['whatsNew', 'happyPath', 'limitations', 'questions', 'l1', 'l2', 'dashboard'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

export const CONTENT_SECTION_LABELS: Record<ContentSection, string> = {
  whatsNew: SECTION_TITLES.whatsNew,
  happyPath: SECTION_TITLES.happyPath,
  limitations: SECTION_TITLES.limitations,
  questions: SECTION_TITLES.questions,
  l1: ESCALATION_TITLES.l1,
  l2: ESCALATION_TITLES.l2,
  dashboard: SECTION_TITLES.dashboard,
};

/** What a section holds: "none known" belongs to Known limitations. */
function sectionValue(content: HandoffContent, section: ContentSection): unknown {
  switch (section) {
    case 'whatsNew':
      return content.whatsNew;
    case 'happyPath':
      return content.happyPath;
    case 'limitations':
      return [content.limitations, content.noKnownLimitations];
    case 'questions':
      return content.questions;
    case 'l1':
      return content.escalation.l1LookUp;
    case 'l2':
      return content.escalation.l2Reproduce;
    case 'dashboard':
      return content.dashboardUrl;
  }
}

function withSection(target: HandoffContent, source: HandoffContent, section: ContentSection): HandoffContent {
  switch (section) {
    case 'whatsNew':
      return { ...target, whatsNew: source.whatsNew };
    case 'happyPath':
      return { ...target, happyPath: [...source.happyPath] };
    case 'limitations':
      return { ...target, limitations: [...source.limitations], noKnownLimitations: source.noKnownLimitations };
    case 'questions':
      return { ...target, questions: source.questions.map((q) => ({ ...q })) };
    case 'l1':
      return { ...target, escalation: { ...target.escalation, l1LookUp: source.escalation.l1LookUp } };
    case 'l2':
      return { ...target, escalation: { ...target.escalation, l2Reproduce: source.escalation.l2Reproduce } };
    case 'dashboard':
      return { ...target, dashboardUrl: source.dashboardUrl };
  }
}

const same = (a: HandoffContent, b: HandoffContent, section: ContentSection): boolean => JSON.stringify(sectionValue(a, section)) === JSON.stringify(sectionValue(b, section));

/** The sections that differ between two contents, in the handoff's order. */
export function differingSections(a: HandoffContent, b: HandoffContent): ContentSection[] {
  return CONTENT_SECTIONS.filter((s) => !same(a, b, s));
}

export interface MergeInput {
  /** The content at the revision the save started from; null when that revision's copy is not kept any more. */
  base: HandoffContent | null;
  /** What is committed now. */
  theirs: HandoffContent;
  /** What the person saves. */
  yours: HandoffContent;
  /** The sections the person says they changed; absent: every section that differs from `base`. */
  claimed?: readonly ContentSection[] | undefined;
}

export interface MergeResult {
  /** `theirs` with the person's sections applied; for a conflicting section, the person's text. */
  merged: HandoffContent;
  /** Sections both changed to different text: nothing may be written while there is one. */
  conflicts: ContentSection[];
  /** Sections this save changes in what is committed. */
  applied: ContentSection[];
}

/**
 * Without the base's copy nobody can tell who changed a section, so every section the person changed
 * that differs from what is committed is a conflict (never a silent overwrite).
 */
export function mergeContent({ base, theirs, yours, claimed }: MergeInput): MergeResult {
  const claimedSet = claimed ? new Set(claimed) : null;
  const mine = CONTENT_SECTIONS.filter((s) => (claimedSet ? claimedSet.has(s) : true) && (base === null ? !same(yours, theirs, s) : !same(yours, base, s)));
  const conflicts = mine.filter((s) => !same(yours, theirs, s) && (base === null || !same(theirs, base, s)));
  let merged = theirs;
  for (const s of mine) merged = withSection(merged, yours, s);
  return { merged, conflicts, applied: mine.filter((s) => !same(yours, theirs, s)) };
}
