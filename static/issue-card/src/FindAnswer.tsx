/**
 * "Find an answer": searches every live handoff the person can read as they type (debounced; a stale
 * answer is dropped). Keyboard first: ArrowDown from the box moves to the first result's Copy, ArrowUp
 * and ArrowDown move between results, Enter copies, Escape goes back to the box.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import type { AnswerMatch, AnswerResults } from '#contract';
import { stageLabel } from '#domain/living/rollout-stages';
import { cardApi } from './api';
import { Highlighted } from './Highlighted';
import { ITEM_TITLES } from '#domain/section-titles';

/** Typing pause before a search is sent. */
const DEBOUNCE_MS = 200;

const KIND_LABEL: Record<AnswerMatch['kind'], string> = ITEM_TITLES;

/** What the agent pastes to the customer: the answer, or the limitation or step itself. */
const copyTextOf = (m: AnswerMatch): string => (m.kind === 'question' ? m.answer : m.text);

type Search = { kind: 'idle' } | { kind: 'searching'; query: string } | { kind: 'done'; results: AnswerResults } | { kind: 'error'; message: string };

export function FindAnswer() {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  const [copied, setCopied] = useState<string>('');
  const latest = useRef('');
  const box = useRef<HTMLInputElement | null>(null);
  const copyButtons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (q === '') {
      setSearch({ kind: 'idle' });
      return;
    }
    setSearch({ kind: 'searching', query: q });
    const timer = window.setTimeout(() => {
      void cardApi.findAnswers(q).then((r) => {
        if (latest.current !== q) return;
        setSearch(r.ok ? { kind: 'done', results: r.value } : { kind: 'error', message: r.error.message });
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const matches = search.kind === 'done' ? search.results.matches : [];

  const copy = async (m: AnswerMatch) => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(copyTextOf(m));
      setCopied(`Copied: ${copyTextOf(m).slice(0, 80)}`);
    } catch {
      setCopied('Copying was blocked by the browser: select the text and press Ctrl+C (⌘C on a Mac).');
    }
  };

  const focusResult = (i: number) => copyButtons.current[Math.max(0, Math.min(i, matches.length - 1))]?.focus();

  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && matches.length > 0) {
      e.preventDefault();
      focusResult(0);
    } else if (e.key === 'Escape') setQuery('');
  };

  const onResultKey = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i === 0) box.current?.focus();
      else focusResult(i - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      box.current?.focus();
    }
  };

  return (
    <section className="find" aria-labelledby="find-heading" data-testid="find-answer">
      <h2 id="find-heading" className="card-h2">
        Find an answer
      </h2>
      <div className="find-box">
        <label htmlFor="find-input" className="visually-hidden">
          Search the likely questions, known limitations and happy paths of live releases
        </label>
        <input
          id="find-input"
          ref={box}
          type="search"
          className="text-input"
          placeholder="Search live handoffs, e.g. refund"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onBoxKey}
          aria-describedby="find-status"
          autoComplete="off"
          maxLength={200}
          data-testid="find-answer-input"
        />
      </div>
      <p id="find-status" className="muted small" role="status" aria-live="polite" data-testid="find-answer-status">
        {search.kind === 'searching' && 'Searching…'}
        {search.kind === 'done' &&
          (matches.length === 0
            ? `No answer in ${search.results.searched} live handoff${search.results.searched === 1 ? '' : 's'}.`
            : `${matches.length} result${matches.length === 1 ? '' : 's'} in ${search.results.searched} live handoff${search.results.searched === 1 ? '' : 's'}. Press ↓ to move to them, Enter to copy.`)}
        {search.kind === 'error' && search.message}
      </p>
      {matches.length > 0 && (
        <ol className="answers" aria-label="Answers" data-testid="find-answer-results">
          {matches.map((m, i) => (
            <li key={`${m.release.versionId}-${m.kind}-${m.position}`} className="answer" data-testid="find-answer-result">
              <p className="answer-kind small muted">
                {KIND_LABEL[m.kind]} · {m.release.versionName} · {m.release.stage === 'not-started' ? 'rollout not started' : `rollout ${stageLabel(m.release.stage)}`}
              </p>
              <p className="answer-text">
                <Highlighted text={m.text} spans={m.textSpans} />
              </p>
              {m.kind === 'question' && m.answer !== '' && (
                <p className="answer-answer" data-testid="find-answer-answer">
                  <Highlighted text={m.answer} spans={m.answerSpans} />
                </p>
              )}
              <Button
                ref={(el: HTMLButtonElement | null) => {
                  copyButtons.current[i] = el;
                }}
                appearance="default"
                spacing="compact"
                onClick={() => void copy(m)}
                onKeyDown={onResultKey(i)}
                aria-label={`Copy ${m.kind === 'question' ? 'the answer to' : 'the text of'} result ${i + 1}: ${m.text.slice(0, 60)}`}
                testId="find-answer-copy"
              >
                {m.kind === 'question' ? 'Copy answer' : 'Copy'}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="find-answer-copied">
        {copied}
      </p>
    </section>
  );
}
