/**
 * The walkthrough as the section shows it, and the words for how a question was settled. Types come
 * from the domain (src/domain/walkthrough/schema.ts) and the section words from its zod-free wording.ts,
 * so no zod at run time.
 */
import type { HandoffView } from '#contract';
import type { AnswerSection, Settlement, Walkthrough, WalkthroughQuestion } from '#domain/walkthrough/schema';
import { SECTION_WORDS } from '#domain/walkthrough/wording';

export type { Settlement, Walkthrough, WalkthroughQuestion };

/** An attendee in the form: a Jira person, or a name recorded before attendees were Jira people. */
export interface AttendeeDraft {
  accountId?: string;
  displayName: string;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** A select value for "answered in": a section, or `questions:<0-based index>`. */
export const targetValue = (s: Extract<Settlement, { kind: 'answered' }>): string => (s.where === 'questions' ? `questions:${s.questionIndex ?? 0}` : s.where);

export function settlementFromTarget(value: string): Settlement {
  const m = /^questions:(\d+)$/.exec(value);
  if (m) return { kind: 'answered', where: 'questions', questionIndex: Number(m[1]) };
  return { kind: 'answered', where: value as AnswerSection };
}

/** Where in the handoff a question can be answered: each written section, and each Q&A by number. */
export function answeredTargets(view: HandoffView): Array<{ value: string; label: string }> {
  const c = view.handoff?.content;
  if (!c) return [];
  const out: Array<{ value: string; label: string }> = [];
  if (c.whatsNew) out.push({ value: 'whatsNew', label: SECTION_WORDS.whatsNew });
  if (c.happyPath.length) out.push({ value: 'happyPath', label: SECTION_WORDS.happyPath });
  if (c.limitations.length || c.noKnownLimitations) out.push({ value: 'limitations', label: SECTION_WORDS.limitations });
  c.questions.forEach((q, i) => out.push({ value: `questions:${i}`, label: `Likely questions → Q&A ${i + 1}: ${clip(q.question)}` }));
  if (c.escalation.l1LookUp || c.escalation.l2Reproduce) out.push({ value: 'escalation', label: SECTION_WORDS.escalation });
  if (c.dashboardUrl) out.push({ value: 'dashboard', label: SECTION_WORDS.dashboard });
  return out;
}

const wordsOf = (text: string): Set<string> => new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));

/**
 * The settle form's pre-selection: the handoff's Q&A that asks (nearly) the same as the walkthrough
 * question, sharing at least half of the longer one's words. Null when none does, so the person
 * chooses instead of saving a guess like "What's new" unread.
 */
export function matchingTarget(view: HandoffView, question: string): string | null {
  const asked = wordsOf(question);
  let best: { value: string; score: number } | null = null;
  (view.handoff?.content.questions ?? []).forEach((q, i) => {
    const known = wordsOf(q.question);
    const common = [...asked].filter((w) => known.has(w)).length;
    const score = common / Math.max(asked.size, known.size, 1);
    if (score >= 0.5 && (!best || score > best.score)) best = { value: `questions:${i}`, score };
  });
  return (best as { value: string } | null)?.value ?? null;
}

export function whereWords(s: Extract<Settlement, { kind: 'answered' }>): string {
  return s.where === 'questions' && s.questionIndex !== undefined ? `Likely questions, Q&A ${s.questionIndex + 1}` : SECTION_WORDS[s.where];
}

export function settlementWords(s: Settlement): string {
  return s.kind === 'answered' ? `Answered in the handoff → ${whereWords(s)}` : `Gap in the release brief: ${s.note}`;
}

export function walkthroughOf(view: HandoffView): Walkthrough | null {
  return view.walkthrough ?? view.handoff?.walkthrough ?? null;
}
