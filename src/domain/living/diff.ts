/**
 * A readable diff between two versions of a handoff's content, section by section in the brief's
 * order. It is what CS sees when the living handoff changes during the rollout ("what changed since
 * I last read it?"), and `changedSections` is what each revision records. Pure.
 *
 * Inputs are bounded by LIMITS (at most 1,500 characters per text, 20 items per list), so the plain
 * O(n·m) longest-common-subsequence tables below stay small.
 */
import type { HandoffContent, Question } from '../handoff';
import { SECTION_TITLES } from '../section-titles';

/** As revisions record them (stored in the history, so 'Escalation L1'/'L2' stay as they were written). */
export const SECTION_NAMES = {
  whatsNew: SECTION_TITLES.whatsNew,
  happyPath: SECTION_TITLES.happyPath,
  limitations: SECTION_TITLES.limitations,
  questions: SECTION_TITLES.questions,
  l1: 'Escalation L1',
  l2: 'Escalation L2',
  dashboard: SECTION_TITLES.dashboard,
} as const;
export type SectionName = (typeof SECTION_NAMES)[keyof typeof SECTION_NAMES];

export type WordOp = 'same' | 'added' | 'removed';
/** A run of text. Concatenating the same+added runs gives the new text; same+removed, the old. */
export interface WordToken {
  op: WordOp;
  text: string;
}

/**
 * One item's change in a list. Positions are 1-based like the handoff's own numbering: `position` is
 * in the new list for an added item and in the old list for a removed one.
 */
export type ItemChange<T, D> =
  | { op: 'added'; position: number; item: T }
  | { op: 'removed'; position: number; item: T }
  | { op: 'moved'; from: number; to: number; item: T }
  | { op: 'changed'; from: number; to: number; before: T; after: T; diff: D };

export type StepChange = ItemChange<string, WordToken[]>;
export type QuestionChange = ItemChange<Question, { question: WordToken[]; answer: WordToken[] }>;

export type TextSection = typeof SECTION_NAMES.whatsNew | typeof SECTION_NAMES.l1 | typeof SECTION_NAMES.l2 | typeof SECTION_NAMES.dashboard;

export type SectionChange =
  | { kind: 'text'; section: TextSection; tokens: WordToken[] }
  | { kind: 'steps'; section: typeof SECTION_NAMES.happyPath; items: StepChange[] }
  | {
      kind: 'limitations';
      section: typeof SECTION_NAMES.limitations;
      items: StepChange[];
      /** Present only when the PO's "none known" flag changed. */
      noneKnown?: { before: boolean; after: boolean };
    }
  | { kind: 'questions'; section: typeof SECTION_NAMES.questions; items: QuestionChange[] };

// ---------------------------------------------------------------------------------------------
// Longest common subsequence, shared by the word diff and the list diff.

/**
 * Past this many table cells (far beyond what LIMITS allow) the diff gives up on finding common
 * parts and reports a whole replacement: still exact, just coarse, and memory stays bounded.
 */
const LCS_MAX_CELLS = 4_000_000;

/** Index pairs [i in a, j in b] of one longest common subsequence, in order. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  if ((n + 1) * width > LCS_MAX_CELLS) return [];
  // table[i*width + j] = LCS length of a[i..] and b[j..]
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = equal(a[i] as T, b[j] as T) ? (table[(i + 1) * width + j + 1] as number) + 1 : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i] as T, b[j] as T)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Word diff

/** Words and the white space between them, so the diff can give back the exact texts. */
const tokenize = (text: string): string[] => text.match(/\s+|\S+/g) ?? [];
const isSpace = (token: string): boolean => /^\s/.test(token);

export function diffWords(before: string, after: string): WordToken[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const pairs = lcsPairs(a, b, (x, y) => x === y);

  const ops: WordToken[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) ops.push({ op: 'removed', text: a[i++] as string });
    while (j < pj) ops.push({ op: 'added', text: b[j++] as string });
    if (pi < a.length) {
      ops.push({ op: 'same', text: a[pi] as string });
      i = pi + 1;
      j = pj + 1;
    }
  }

  // A lone space kept "same" between two changes splits one edit into confetti
  // ("a b" → "c d" would read: -a +c, " ", -b +d). Treat it as part of the change.
  const changed = (t: WordToken | undefined) => t !== undefined && t.op !== 'same';
  const smoothed: WordToken[] = [];
  ops.forEach((token, k) => {
    if (token.op === 'same' && isSpace(token.text) && changed(ops[k - 1]) && changed(ops[k + 1])) {
      smoothed.push({ op: 'removed', text: token.text }, { op: 'added', text: token.text });
    } else {
      smoothed.push(token);
    }
  });

  // Merge into runs; inside each edit, the removed words read before the added ones.
  const result: WordToken[] = [];
  let removed = '';
  let added = '';
  const flushEdit = () => {
    if (removed) result.push({ op: 'removed', text: removed });
    if (added) result.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const token of smoothed) {
    if (token.op === 'removed') removed += token.text;
    else if (token.op === 'added') added += token.text;
    else {
      flushEdit();
      const last = result[result.length - 1];
      if (last?.op === 'same') last.text += token.text;
      else result.push({ op: 'same', text: token.text });
    }
  }
  flushEdit();
  return result;
}

/** The text a diff describes on one side: 'after' keeps same+added runs, 'before' same+removed. */
export function applyWordDiff(tokens: readonly WordToken[], side: 'before' | 'after'): string {
  const dropped: WordOp = side === 'after' ? 'removed' : 'added';
  return tokens
    .filter((t) => t.op !== dropped)
    .map((t) => t.text)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// List diff

/**
 * Items are matched by equality first: the longest in-order run of equal items stays put, and an
 * equal item found elsewhere has moved. What is left is matched by position between those anchors
 * (an edited step sits where the old one was), and anything still unmatched was added or removed.
 */
export function diffList<T, D>(before: readonly T[], after: readonly T[], equal: (x: T, y: T) => boolean, diffItem: (x: T, y: T) => D): Array<ItemChange<T, D>> {
  const anchors = lcsPairs(before, after, equal);
  const usedBefore = new Set(anchors.map(([i]) => i));
  const usedAfter = new Set(anchors.map(([, j]) => j));

  // Sort key: position in the new list; a removal sorts just before the place it left.
  const changes: Array<{ key: number; change: ItemChange<T, D> }> = [];

  after.forEach((item, j) => {
    if (usedAfter.has(j)) return;
    const i = before.findIndex((old, k) => !usedBefore.has(k) && equal(old, item));
    if (i < 0) return;
    usedBefore.add(i);
    usedAfter.add(j);
    changes.push({ key: j, change: { op: 'moved', from: i + 1, to: j + 1, item } });
  });

  const gaps: Array<[number, number]> = [[-1, -1], ...anchors];
  gaps.forEach(([startI, startJ], g) => {
    const [endI, endJ] = anchors[g] ?? [before.length, after.length];
    const olds = range(startI + 1, endI).filter((i) => !usedBefore.has(i));
    const news = range(startJ + 1, endJ).filter((j) => !usedAfter.has(j));
    const paired = Math.min(olds.length, news.length);
    for (let k = 0; k < paired; k++) {
      const i = olds[k] as number;
      const j = news[k] as number;
      const x = before[i] as T;
      const y = after[j] as T;
      changes.push({ key: j, change: { op: 'changed', from: i + 1, to: j + 1, before: x, after: y, diff: diffItem(x, y) } });
    }
    for (const i of olds.slice(paired)) {
      changes.push({ key: startJ + 0.5, change: { op: 'removed', position: i + 1, item: before[i] as T } });
    }
    for (const j of news.slice(paired)) {
      changes.push({ key: j, change: { op: 'added', position: j + 1, item: after[j] as T } });
    }
  });

  // Array.prototype.sort is stable, so removals in one gap keep their old order.
  return changes.sort((x, y) => x.key - y.key).map((c) => c.change);
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

const sameQuestion = (x: Question, y: Question) => x.question === y.question && x.answer === y.answer;

// ---------------------------------------------------------------------------------------------
// The handoff

export function diffHandoff(before: HandoffContent, after: HandoffContent): SectionChange[] {
  const changes: SectionChange[] = [];
  const text = (section: TextSection, x: string, y: string) => {
    if (x !== y) changes.push({ kind: 'text', section, tokens: diffWords(x, y) });
  };
  const strings = (x: readonly string[], y: readonly string[]) => diffList(x, y, (p, q) => p === q, diffWords);

  text(SECTION_NAMES.whatsNew, before.whatsNew, after.whatsNew);

  const steps = strings(before.happyPath, after.happyPath);
  if (steps.length > 0) changes.push({ kind: 'steps', section: SECTION_NAMES.happyPath, items: steps });

  const limitations = strings(before.limitations, after.limitations);
  const flagChanged = before.noKnownLimitations !== after.noKnownLimitations;
  if (limitations.length > 0 || flagChanged) {
    changes.push({
      kind: 'limitations',
      section: SECTION_NAMES.limitations,
      items: limitations,
      ...(flagChanged ? { noneKnown: { before: before.noKnownLimitations, after: after.noKnownLimitations } } : {}),
    });
  }

  const questions = diffList(before.questions, after.questions, sameQuestion, (x, y) => ({
    question: diffWords(x.question, y.question),
    answer: diffWords(x.answer, y.answer),
  }));
  if (questions.length > 0) changes.push({ kind: 'questions', section: SECTION_NAMES.questions, items: questions });

  text(SECTION_NAMES.l1, before.escalation.l1LookUp, after.escalation.l1LookUp);
  text(SECTION_NAMES.l2, before.escalation.l2Reproduce, after.escalation.l2Reproduce);
  text(SECTION_NAMES.dashboard, before.dashboardUrl, after.dashboardUrl);
  return changes;
}

/** Names of the sections that differ, in the brief's order: what a revision records as "changed". */
export function changedSections(before: HandoffContent, after: HandoffContent): SectionName[] {
  return diffHandoff(before, after).map((change) => change.section);
}
