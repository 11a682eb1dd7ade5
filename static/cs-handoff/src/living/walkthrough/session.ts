/**
 * The walkthrough section's edit session, as pure reducers: which form is open (at most one: recording the
 * walkthrough, or settling or promoting one question), the last thing saved, and the record form's draft
 * with its problems and the payload it sends. No React, no I/O: the components dispatch and render.
 */
import type { PayloadOf } from '#contract';
import type { AttendeeDraft, Walkthrough, WalkthroughQuestion } from '../walkthrough-model';

export const QUESTION_MAX = 300;

// ---- which form is open ------------------------------------------------------------------------------

/** Reading the section, recording the walkthrough, or working on one question (by its 0-based index). */
export type SectionMode = { kind: 'reading' } | { kind: 'recording' } | { kind: 'settling' | 'promoting'; index: number };

export interface SectionState {
  mode: SectionMode;
  /** What the last save did, announced in the section ("Walkthrough saved."). */
  message: string;
}

export type SectionAction = { type: 'record' } | { type: 'open'; form: 'settling' | 'promoting'; index: number } | { type: 'close' } | { type: 'saved'; message: string };

export const initialSection: SectionState = { mode: { kind: 'reading' }, message: '' };

export function sectionReducer(state: SectionState, action: SectionAction): SectionState {
  switch (action.type) {
    case 'record':
      return { mode: { kind: 'recording' }, message: '' };
    case 'open':
      return { ...state, mode: { kind: action.form, index: action.index } };
    case 'close':
      return { ...state, mode: { kind: 'reading' } };
    case 'saved':
      return { mode: { kind: 'reading' }, message: action.message };
  }
}

/** The form open on question `index`, if any. */
export function questionForm(mode: SectionMode, index: number): 'settling' | 'promoting' | null {
  return (mode.kind === 'settling' || mode.kind === 'promoting') && mode.index === index ? mode.kind : null;
}

// ---- the record form's draft ---------------------------------------------------------------------------

export interface DraftQuestion {
  /** Stable across edits, so React keeps focus on the right field when rows are removed. */
  key: number;
  /** Set for a question already recorded: it keeps its id, and its settlement while its text is unchanged. */
  stored?: WalkthroughQuestion;
  text: string;
}

export interface RecordDraft {
  /** The date picker's 'YYYY-MM-DD' and the time picker's 'HH:mm', in the viewer's time zone. */
  held: { day: string; time: string };
  attendees: AttendeeDraft[];
  questions: DraftQuestion[];
  nextKey: number;
  /** Problems show only once the form was submitted. */
  submitted: boolean;
}

export type RecordAction =
  | { type: 'held'; day?: string; time?: string }
  | { type: 'attendees'; attendees: AttendeeDraft[] }
  | { type: 'question-typed'; key: number; text: string }
  | { type: 'question-added' }
  | { type: 'question-removed'; key: number }
  | { type: 'submitted' };

/** An instant as the date picker's 'YYYY-MM-DD' and the time picker's 'HH:mm', in the viewer's time zone. */
export function localDayAndTime(d: Date): { day: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The form opens on the recorded walkthrough, or on now with no one and one empty question. */
export function openRecordDraft(existing: Walkthrough | null, now: Date): RecordDraft {
  const stored = existing?.questions ?? [];
  const questions: DraftQuestion[] = stored.length > 0 ? stored.map((q, i) => ({ key: i + 1, stored: q, text: q.text })) : [{ key: 1, text: '' }];
  return {
    held: localDayAndTime(existing ? new Date(existing.heldAt) : now),
    attendees: existing ? existing.attendees.map((a) => ({ ...a })) : [],
    questions,
    nextKey: questions.length + 1,
    submitted: false,
  };
}

export function recordReducer(draft: RecordDraft, action: RecordAction): RecordDraft {
  switch (action.type) {
    case 'held':
      return { ...draft, held: { day: action.day ?? draft.held.day, time: action.time ?? draft.held.time } };
    case 'attendees':
      return { ...draft, attendees: action.attendees };
    case 'question-typed':
      return { ...draft, questions: draft.questions.map((q) => (q.key === action.key ? { ...q, text: action.text } : q)) };
    case 'question-added':
      return { ...draft, questions: [...draft.questions, { key: draft.nextKey, text: '' }], nextKey: draft.nextKey + 1 };
    case 'question-removed':
      return { ...draft, questions: draft.questions.filter((q) => q.key !== action.key) };
    case 'submitted':
      return { ...draft, submitted: true };
  }
}

/** When it was held, read in the viewer's own time zone as the pickers show it; null when incomplete or invalid. */
export function heldDate(draft: RecordDraft): Date | null {
  if (!draft.held.day || !draft.held.time) return null;
  const d = new Date(`${draft.held.day}T${draft.held.time}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * What is wrong, keyed by field ('heldAt', 'attendees', 'q-<key>'), in the form's order: the first one is
 * where focus goes on submit.
 */
export function recordProblems(draft: RecordDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!heldDate(draft)) problems['heldAt'] = 'Give the date and time the walkthrough was held.';
  if (draft.attendees.length === 0) problems['attendees'] = 'Add at least one person who attended.';
  for (const q of draft.questions) {
    const n = q.text.trim().length;
    if (n > QUESTION_MAX) problems[`q-${q.key}`] = `At most ${QUESTION_MAX} characters (${n} now).`;
  }
  return problems;
}

/**
 * What the form sends (call only when `recordProblems` is empty). Blank rows are dropped; a kept question
 * keeps its id, who raised it, and its settlement while its text is unchanged (a changed one starts unsettled).
 */
export function walkthroughPayload(draft: RecordDraft): PayloadOf<'saveWalkthrough'>['walkthrough'] {
  const held = heldDate(draft);
  if (!held) throw new Error('walkthroughPayload: the draft has no valid date and time');
  return {
    heldAt: held.toISOString(),
    // Jira people by accountId (the backend stores Jira's names); a name-only attendee from an older walkthrough as it was.
    attendees: draft.attendees.map((a) => (a.accountId ? { accountId: a.accountId } : { displayName: a.displayName })),
    questions: draft.questions
      .filter((q) => q.text.trim() !== '')
      .map((q) => {
        const text = q.text.trim();
        if (!q.stored) return { text, settlement: null };
        return {
          id: q.stored.id,
          text,
          ...(q.stored.raisedBy ? { raisedBy: q.stored.raisedBy } : {}),
          settlement: q.stored.text === text ? q.stored.settlement : null,
        };
      }),
  };
}
