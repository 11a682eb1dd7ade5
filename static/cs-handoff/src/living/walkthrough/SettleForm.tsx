/** "Settle question N": answered in the handoff (which section or Q&A), or a gap in the release brief (with a note). */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { HandoffView, Result } from '#contract';
import { DsSelect } from '../../components/DsSelect';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { NoteField } from '../../components/NoteField';
import { focusSoon } from '../../focus';
import { useAction } from '../../hooks/useAction';
import { answeredTargets, matchingTarget, settlementFromTarget, targetValue, type Settlement, type WalkthroughQuestion } from '../walkthrough-model';

const NOTE_MAX = 1000;

/** Settling one question, by its own resolver: the walkthrough's (QuestionItem), and the questions from support (SupportQuestionsSection). */
export interface SettleFormProps<T> {
  view: HandoffView;
  question: Pick<WalkthroughQuestion, 'text' | 'settlement'>;
  title: string;
  settle(settlement: Settlement): Promise<Result<T>>;
  onSaved(saved: T): void;
  onCancel(): void;
}

export function SettleForm<T>({ view, question, title, settle, onSaved, onCancel }: SettleFormProps<T>) {
  const id = useId();
  const targets = answeredTargets(view);
  const current = question.settlement;
  const [kind, setKind] = useState<Settlement['kind']>(current?.kind ?? 'answered');
  const [target, setTarget] = useState<string | null>(current?.kind === 'answered' ? targetValue(current) : matchingTarget(view, question.text));
  const [note, setNote] = useState(current?.kind === 'brief-gap' ? current.note : '');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useAction();
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const firstRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const trimmed = note.trim();
  const targetProblem = submitted && kind === 'answered' && !target ? 'Choose where the handoff answers the question.' : null;
  const noteProblem =
    kind === 'brief-gap' && trimmed === ''
      ? 'Say what the release brief is missing: the note goes back to the PO.'
      : trimmed.length > NOTE_MAX
        ? `At most ${NOTE_MAX} characters (${trimmed.length} now).`
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (kind === 'brief-gap' && noteProblem) return focusSoon(noteRef.current);
    if (kind === 'answered' && !target) return focusSoon(`${id}-target`);
    const settlement: Settlement = kind === 'answered' ? settlementFromTarget(target as string) : { kind: 'brief-gap', note: trimmed };
    const res = await run(() => settle(settlement));
    if (res.ok) onSaved(res.value);
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="settle-form">
      <h4 className="form-title" id={`${id}-t`}>
        {title}
      </h4>
      <fieldset className="radio-row">
        <legend className="field-label">How was it settled?</legend>
        <label>
          <input ref={firstRef} type="radio" name={`${id}-kind`} value="answered" checked={kind === 'answered'} onChange={() => setKind('answered')} data-testid="settle-kind-answered" />
          Answered in the handoff
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} value="brief-gap" checked={kind === 'brief-gap'} onChange={() => setKind('brief-gap')} data-testid="settle-kind-gap" />
          Gap in the release brief
        </label>
      </fieldset>
      {kind === 'answered' && targets.length === 0 ? (
        <p className="field-error" role="alert">
          Nothing in the handoff is written yet, so it cannot answer the question. Mark it as a gap in the release brief, or ask the PO to write the handoff first.
        </p>
      ) : kind === 'answered' ? (
        <div>
          <label className="field-label" htmlFor={`${id}-target`}>
            Where the handoff answers it
          </label>
          <DsSelect
            inputId={`${id}-target`}
            options={targets}
            value={target}
            onChange={setTarget}
            placeholder="Choose a section or Q&A"
            wide
            isInvalid={Boolean(targetProblem)}
            describedBy={targetProblem ? `${id}-target-err` : undefined}
            testId="settle-section"
          />
          {targetProblem && (
            <p className="field-error" id={`${id}-target-err`} data-testid="settle-section-error">
              {targetProblem}
            </p>
          )}
        </div>
      ) : (
        <NoteField
          id={`${id}-note`}
          label="What is missing from the release brief? (required)"
          value={note}
          onChange={setNote}
          problem={submitted && noteProblem}
          minimumRows={2}
          inputRef={noteRef}
          testId="settle-note"
          errorTestId="settle-note-error"
        />
      )}
      {error && <ErrorMessage error={error} testId="settle-error" />}
      <FormActions submitLabel="Save settlement" submitTestId="settle-confirm" cancelTestId="settle-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}
