/**
 * "Find an answer": ranks the likely questions, known limitations and happy-path steps of live
 * handoffs against what a support agent typed. Pure: no I/O, the same input gives the same order.
 *
 * A query is split into words; an entry matches only when every word is found in it, as a whole word
 * or as the start of one ("refund" finds "refunds", "ref" finds "refund"), ignoring case and accents.
 * Words in the question (or the limitation, or the step) weigh more than words in the answer, a whole
 * word more than a prefix, and the query's words side by side as typed more still. Ties go to likely
 * questions (they carry an answer), then limitations, then steps; then to the newer release.
 */

export type AnswerKind = 'question' | 'limitation' | 'step';

export interface AnswerEntry {
  kind: AnswerKind;
  /** The question, the limitation or the step. */
  text: string;
  /** The question's answer; '' for limitations and steps. */
  answer: string;
  /** 1-based position in its section, so the agent can find it on the handoff page. */
  position: number;
  versionId: string;
  /** 'YYYY-MM-DD' or null; the newer release wins a tie. */
  releaseDate: string | null;
}

/** [start, end) character offsets of a matched word, for highlighting. */
export type Span = readonly [number, number];

export interface AnswerHit<E extends AnswerEntry = AnswerEntry> {
  entry: E;
  score: number;
  textSpans: Span[];
  answerSpans: Span[];
}

/** Query words beyond this are ignored: a pasted paragraph is not a search. */
export const MAX_QUERY_WORDS = 8;

const WEIGHT = { textWord: 6, textPrefix: 4, answerWord: 2, answerPrefix: 1, phrase: 5 } as const;
const KIND_ORDER: Record<AnswerKind, number> = { question: 0, limitation: 1, step: 2 };

interface Word {
  /** Folded: lower case, accents removed. */
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, one code unit per input code unit where possible (offsets stay valid). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ folded: fold(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** The query's distinct words, folded, in the order typed. */
export function queryWords(query: string): string[] {
  const seen = new Set<string>();
  for (const w of wordsOf(query)) {
    if (w.folded !== '') seen.add(w.folded);
    if (seen.size === MAX_QUERY_WORDS) break;
  }
  return [...seen];
}

interface FieldMatch {
  /** Per query word: 2 whole word, 1 prefix, 0 absent. */
  strength: number[];
  spans: Span[];
  phrase: boolean;
}

function matchField(words: Word[], query: string[]): FieldMatch {
  const strength = query.map(() => 0);
  const spans: Span[] = [];
  const hitAt: number[][] = query.map(() => []);
  words.forEach((w, i) => {
    let matched = false;
    query.forEach((q, qi) => {
      const s = w.folded === q ? 2 : w.folded.startsWith(q) ? 1 : 0;
      if (s > 0) {
        matched = true;
        strength[qi] = Math.max(strength[qi] ?? 0, s);
        hitAt[qi]?.push(i);
      }
    });
    if (matched) spans.push([w.start, w.end]);
  });
  // The query's words in order, one right after the other, somewhere in the field.
  const phrase = query.length > 1 && (hitAt[0] ?? []).some((first) => query.every((_, qi) => (hitAt[qi] ?? []).includes(first + qi)));
  return { strength, spans, phrase };
}

/** Every entry matching all of the query's words, best first; at most `limit`. An empty query finds nothing. */
export function rankAnswers<E extends AnswerEntry>(query: string, entries: readonly E[], limit = 20): AnswerHit<E>[] {
  const q = queryWords(query);
  if (q.length === 0) return [];
  const hits: AnswerHit<E>[] = [];
  for (const entry of entries) {
    const text = matchField(wordsOf(entry.text), q);
    const answer = matchField(wordsOf(entry.answer), q);
    if (!q.every((_, i) => (text.strength[i] ?? 0) > 0 || (answer.strength[i] ?? 0) > 0)) continue;
    let score = 0;
    q.forEach((_, i) => {
      const t = text.strength[i] ?? 0;
      const a = answer.strength[i] ?? 0;
      score += Math.max(t === 2 ? WEIGHT.textWord : t === 1 ? WEIGHT.textPrefix : 0, a === 2 ? WEIGHT.answerWord : a === 1 ? WEIGHT.answerPrefix : 0);
    });
    if (text.phrase) score += WEIGHT.phrase;
    else if (answer.phrase) score += WEIGHT.phrase / 2;
    hits.push({ entry, score, textSpans: text.spans, answerSpans: answer.spans });
  }
  return hits.sort(byRank).slice(0, Math.max(0, limit));
}

function byRank(a: AnswerHit, b: AnswerHit): number {
  if (a.score !== b.score) return b.score - a.score;
  const kind = KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind];
  if (kind !== 0) return kind;
  const ad = a.entry.releaseDate ?? '';
  const bd = b.entry.releaseDate ?? '';
  if (ad !== bd) return ad < bd ? 1 : -1;
  if (a.entry.versionId !== b.entry.versionId) return Number(b.entry.versionId) - Number(a.entry.versionId);
  return a.entry.position - b.entry.position;
}

/** A handoff's searchable entries: likely questions, known limitations, happy-path steps (empty ones left out). */
export function answerEntriesOf(
  content: { questions: readonly { question: string; answer: string }[]; limitations: readonly string[]; happyPath: readonly string[] },
  release: { versionId: string; releaseDate: string | null },
): AnswerEntry[] {
  const base = { versionId: release.versionId, releaseDate: release.releaseDate };
  return [
    ...content.questions.map((q, i) => ({ ...base, kind: 'question' as const, text: q.question, answer: q.answer, position: i + 1 })),
    ...content.limitations.map((l, i) => ({ ...base, kind: 'limitation' as const, text: l, answer: '', position: i + 1 })),
    ...content.happyPath.map((s, i) => ({ ...base, kind: 'step' as const, text: s, answer: '', position: i + 1 })),
  ].filter((e) => e.text.trim() !== '' || e.answer.trim() !== '');
}
