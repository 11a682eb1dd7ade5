/**
 * A readable diff of two handoff revisions, section by section (the shape `diffHandoff` returns):
 * added words in <ins> (green), removed words in <del> (red, struck), list items added, removed,
 * moved or changed. Every piece is a React text node; colour is never the only signal (ins/del are
 * announced, and each list change says in words what happened).
 */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { ItemChange, SectionChange, WordToken } from '#domain/living/diff';
import type { Question } from '#domain/handoff';

export function Words({ tokens, testId }: { tokens: readonly WordToken[]; testId?: string }) {
  return (
    <span className="diff-words" data-testid={testId}>
      {tokens.map((t, i) =>
        t.op === 'added' ? (
          <ins key={i} className="diff-ins">
            {t.text}
          </ins>
        ) : t.op === 'removed' ? (
          <del key={i} className="diff-del">
            {t.text}
          </del>
        ) : (
          <span key={i}>{t.text}</span>
        ),
      )}
    </span>
  );
}

const OP_LOOK = {
  added: { label: 'Added', appearance: 'success' },
  removed: { label: 'Removed', appearance: 'removed' },
  moved: { label: 'Moved', appearance: 'moved' },
  changed: { label: 'Changed', appearance: 'inprogress' },
} as const;

function where<T, D>(c: ItemChange<T, D>, noun: string): string {
  switch (c.op) {
    case 'added':
      return `${noun} ${c.position}`;
    case 'removed':
      return `was ${noun.toLowerCase()} ${c.position}`;
    case 'moved':
      return `${noun} ${c.from} → ${c.to}`;
    case 'changed':
      return c.from === c.to ? `${noun} ${c.to}` : `${noun} ${c.from} → ${c.to}`;
  }
}

function ItemRow<T, D>({ change, noun, render }: { change: ItemChange<T, D>; noun: string; render: (c: ItemChange<T, D>) => JSX.Element }) {
  const look = OP_LOOK[change.op];
  return (
    <li className={`diff-item diff-item-${change.op}`} data-testid="diff-item" data-op={change.op}>
      <span className="diff-item-head">
        <Lozenge appearance={look.appearance}>{look.label}</Lozenge> <span className="muted">{where(change, noun)}</span>
      </span>
      <div className="diff-item-body">{render(change)}</div>
    </li>
  );
}

function stepBody(c: ItemChange<string, WordToken[]>): JSX.Element {
  if (c.op === 'changed') return <Words tokens={c.diff} />;
  if (c.op === 'added') return <ins className="diff-ins">{c.item}</ins>;
  if (c.op === 'removed') return <del className="diff-del">{c.item}</del>;
  return <span>{c.item}</span>;
}

function questionBody(c: ItemChange<Question, { question: WordToken[]; answer: WordToken[] }>): JSX.Element {
  if (c.op === 'changed') {
    return (
      <dl className="diff-qa">
        <dt>
          <Words tokens={c.diff.question} />
        </dt>
        <dd>
          <Words tokens={c.diff.answer} />
        </dd>
      </dl>
    );
  }
  const Wrap = c.op === 'added' ? 'ins' : c.op === 'removed' ? 'del' : 'span';
  const cls = c.op === 'added' ? 'diff-ins' : c.op === 'removed' ? 'diff-del' : undefined;
  return (
    <dl className="diff-qa">
      <dt>
        <Wrap className={cls}>{c.item.question}</Wrap>
      </dt>
      <dd>
        <Wrap className={cls}>{c.item.answer}</Wrap>
      </dd>
    </dl>
  );
}

const slug = (section: string) =>
  section
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function SectionDiff({ change }: { change: SectionChange }) {
  return (
    <section className="diff-section" aria-labelledby={`diff-${slug(change.section)}`} data-testid={`diff-${slug(change.section)}`}>
      <Heading size="small" as="h3" id={`diff-${slug(change.section)}`}>
        {change.section}
      </Heading>
      {change.kind === 'text' && (
        <p className="diff-text">
          <Words tokens={change.tokens} testId={`diff-words-${slug(change.section)}`} />
        </p>
      )}
      {change.kind === 'limitations' && change.noneKnown && <p data-testid="diff-none-known">“None known” {change.noneKnown.after ? 'was ticked' : 'was unticked'}.</p>}
      {(change.kind === 'steps' || change.kind === 'limitations') && change.items.length > 0 && (
        <ul className="diff-items">
          {change.items.map((c, i) => (
            <ItemRow key={i} change={c} noun={change.kind === 'steps' ? 'Step' : 'Item'} render={stepBody} />
          ))}
        </ul>
      )}
      {change.kind === 'questions' && (
        <ul className="diff-items">
          {change.items.map((c, i) => (
            <ItemRow key={i} change={c} noun="Q&A" render={questionBody} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function DiffView({ changes }: { changes: readonly SectionChange[] }) {
  if (changes.length === 0) return <p data-testid="diff-empty">The handoff's text is the same in both revisions: only its status, rollout or walkthrough changed.</p>;
  return (
    <div className="diff stack" data-testid="diff">
      {changes.map((c) => (
        <SectionDiff key={c.section} change={c} />
      ))}
    </div>
  );
}
