/** "Add question N to the likely questions" (editors): the answer CS should give, added to the handoff's Q&A. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { NoteField } from '../../components/NoteField';
import { focusSoon } from '../../focus';
import { useAction } from '../../hooks/useAction';
import type { QuestionFormProps } from './QuestionForm';

const ANSWER_MAX = 1000;

export function PromoteForm({ view, question, position, onSaved, onCancel }: QuestionFormProps) {
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useAction();
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const trimmed = answer.trim();
  const problem = trimmed === '' ? 'Write the answer CS should give.' : trimmed.length > ANSWER_MAX ? `At most ${ANSWER_MAX} characters (${trimmed.length} now).` : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem) return focusSoon(ref.current);
    const res = await run(() => api.promoteQuestion(view.version.id, view.revisions.walkthrough, question.id, trimmed));
    if (res.ok) onSaved(res.value);
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="promote-form">
      <h4 className="form-title" id={`${id}-t`}>
        Add question {position} to the likely questions
      </h4>
      <p className="muted">It is added to the handoff's Likely questions with your answer, and counts as answered there.</p>
      <NoteField id={`${id}-answer`} label="Answer (required)" value={answer} onChange={setAnswer} problem={submitted && problem} minimumRows={3} inputRef={ref} testId="promote-answer" />
      {error && <ErrorMessage error={error} testId="promote-error" />}
      <FormActions submitLabel="Add to likely questions" submitTestId="promote-confirm" cancelTestId="promote-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}
