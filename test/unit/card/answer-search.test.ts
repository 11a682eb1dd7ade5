import { answerEntriesOf, MAX_QUERY_WORDS, queryWords, rankAnswers, type AnswerEntry } from '#domain/card/answer-search';

const entry = (over: Partial<AnswerEntry>): AnswerEntry => ({ kind: 'question', text: '', answer: '', position: 1, versionId: '10003', releaseDate: '2027-01-15', ...over });

describe('queryWords', () => {
  test('folds case and accents, drops punctuation and repeats, keeps the typed order', () => {
    expect(queryWords('  Refund?  RÉFUND, gift-card ')).toEqual(['refund', 'gift', 'card']);
  });
  test(`keeps at most ${MAX_QUERY_WORDS} words`, () => {
    expect(queryWords('a b c d e f g h i j')).toHaveLength(MAX_QUERY_WORDS);
  });
  test('punctuation alone is no query', () => {
    expect(queryWords(' ?!- ')).toEqual([]);
    expect(rankAnswers('?!', [entry({ text: 'anything' })])).toEqual([]);
  });
});

describe('rankAnswers', () => {
  const refundQuestion = entry({ text: 'Can a customer get a refund for a gift card?', answer: 'Yes, within 14 days, from Orders.', position: 2 });
  const refundInAnswer = entry({ text: 'Where do returns show up?', answer: 'In Orders; a refund appears after a day.', position: 1 });
  const limitation = entry({ kind: 'limitation', text: 'Refunds to a gift card are not yet possible.', position: 1 });
  const unrelated = entry({ text: 'Does the saved cart keep prices?', answer: 'No, prices are checked at checkout.' });

  test('every query word must match; unrelated entries are left out', () => {
    const hits = rankAnswers('refund', [unrelated, refundQuestion]);
    expect(hits.map((h) => h.entry)).toEqual([refundQuestion]);
    expect(rankAnswers('refund bicycle', [refundQuestion])).toEqual([]);
  });

  test('a word in the question beats the same word only in an answer', () => {
    expect(rankAnswers('refund', [refundInAnswer, refundQuestion]).map((h) => h.entry)).toEqual([refundQuestion, refundInAnswer]);
  });

  test('a whole word beats a prefix ("refund" vs "Refunds"), and a prefix still matches', () => {
    const hits = rankAnswers('refund', [limitation, refundQuestion]);
    expect(hits.map((h) => h.entry)).toEqual([refundQuestion, limitation]);
    expect(rankAnswers('refu', [limitation])).toHaveLength(1);
  });

  test('the query words side by side, as typed, rank above the same words apart', () => {
    const apart = entry({ text: 'Is the card charged when a gift is returned?', versionId: '10009' });
    const together = entry({ text: 'Can I return a gift card?', versionId: '10001' });
    expect(rankAnswers('gift card', [apart, together]).map((h) => h.entry)).toEqual([together, apart]);
  });

  test('ties go to likely questions, then limitations, then steps; then the newer release, then position', () => {
    const q = entry({ kind: 'question', text: 'Refund' });
    const l = entry({ kind: 'limitation', text: 'Refund' });
    const s = entry({ kind: 'step', text: 'Refund' });
    expect(rankAnswers('refund', [s, l, q]).map((h) => h.entry.kind)).toEqual(['question', 'limitation', 'step']);
    const older = entry({ text: 'Refund', releaseDate: '2026-10-01', versionId: '10001' });
    const newer = entry({ text: 'Refund', releaseDate: '2026-12-01', versionId: '10002' });
    const second = entry({ text: 'Refund', releaseDate: '2026-12-01', versionId: '10002', position: 2 });
    expect(rankAnswers('refund', [second, older, newer]).map((h) => h.entry)).toEqual([newer, second, older]);
  });

  test('highlights are the matched words of the original text, offsets intact after accents', () => {
    const accented = entry({ text: 'Le remboursement échoué', answer: 'Réessayez le remboursement demain.' });
    const [hit] = rankAnswers('rembours echoue', [accented]);
    expect(hit).toBeDefined();
    const slice = (text: string, spans: readonly (readonly [number, number])[]) => spans.map(([a, b]) => text.slice(a, b));
    expect(slice(accented.text, hit?.textSpans ?? [])).toEqual(['remboursement', 'échoué']);
    expect(slice(accented.answer, hit?.answerSpans ?? [])).toEqual(['remboursement']);
  });

  test('at most `limit` hits', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry({ text: `Refund case ${i}`, position: i + 1 }));
    expect(rankAnswers('refund', many, 5)).toHaveLength(5);
  });
});

describe('answerEntriesOf', () => {
  test('questions, limitations and steps with their 1-based positions; blank ones left out', () => {
    const entries = answerEntriesOf({ questions: [{ question: 'Q?', answer: 'A.' }], limitations: ['Not in Hebrew.', ' '], happyPath: ['Open', 'Click'] }, { versionId: '10003', releaseDate: null });
    expect(entries.map((e) => [e.kind, e.position, e.text])).toEqual([
      ['question', 1, 'Q?'],
      ['limitation', 1, 'Not in Hebrew.'],
      ['step', 1, 'Open'],
      ['step', 2, 'Click'],
    ]);
  });
});
