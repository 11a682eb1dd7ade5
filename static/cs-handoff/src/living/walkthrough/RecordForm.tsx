/** "Record the walkthrough" / "Update the walkthrough": when it was held, who came, the questions raised. */
import { useEffect, useId, useReducer, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { DatePicker, TimePicker } from '@atlaskit/datetime-picker';
import Textfield from '@atlaskit/textfield';
import type { HandoffView } from '#contract';
import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { focusSoon } from '../../focus';
import { useAction } from '../../hooks/useAction';
import { PeoplePicker } from '../PeoplePicker';
import type { Walkthrough } from '../walkthrough-model';
import { openRecordDraft, recordProblems, recordReducer, walkthroughPayload } from './session';

export function RecordForm({
  versionId,
  baseRevision,
  existing,
  onSaved,
  onCancel,
}: {
  versionId: string;
  baseRevision: number;
  existing: Walkthrough | null;
  onSaved(view: HandoffView): void;
  onCancel(): void;
}) {
  const id = useId();
  const [draft, dispatch] = useReducer(recordReducer, existing, (w) => openRecordDraft(w, new Date()));
  const { held, attendees, questions } = draft;
  const { busy, error, run } = useAction();
  useEffect(() => document.getElementById(`${id}-held`)?.focus(), [id]);

  const problems = recordProblems(draft);
  const show = (k: string) => (draft.submitted ? problems[k] : undefined);

  const add = () => {
    const key = draft.nextKey;
    dispatch({ type: 'question-added' });
    focusSoon(`${id}-q-${key}`);
  };
  const remove = (key: number, index: number) => {
    const rest = questions.filter((q) => q.key !== key);
    dispatch({ type: 'question-removed', key });
    const next = rest[Math.min(index, rest.length - 1)];
    focusSoon(next ? `${id}-q-${next.key}` : `${id}-add`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: 'submitted' });
    const first = Object.keys(problems)[0];
    if (first) return focusSoon(first === 'heldAt' ? `${id}-held` : first === 'attendees' ? `${id}-att` : `${id}-${first}`);
    const res = await run(() => api.saveWalkthrough(versionId, baseRevision, walkthroughPayload(draft)));
    if (res.ok) onSaved(res.value);
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="walkthrough-form">
      <h3 className="form-title" id={`${id}-t`}>
        {existing ? 'Update the walkthrough' : 'Record the walkthrough'}
      </h3>
      <fieldset className="held-at" aria-describedby={show('heldAt') ? `${id}-held-err` : undefined}>
        <legend className="field-label">When was it held?</legend>
        <div className="held-at-fields">
          <div>
            <label className="field-label" htmlFor={`${id}-held`}>
              Date
            </label>
            <DatePicker
              id={`${id}-held`}
              value={held.day}
              onChange={(day) => dispatch({ type: 'held', day })}
              dateFormat="D MMM YYYY"
              placeholder="e.g. 20 Nov 2026"
              locale="en-GB"
              weekStartDay={1}
              // The form opens with focus here: a calendar button instead of a calendar popping over the form.
              shouldShowCalendarButton
              inputLabel="Date"
              openCalendarLabel="Open calendar"
              isInvalid={Boolean(show('heldAt')) && !held.day}
              testId="walkthrough-held-date"
            />
          </div>
          <div>
            <label className="field-label" htmlFor={`${id}-held-time`}>
              Time
            </label>
            <TimePicker
              id={`${id}-held-time`}
              value={held.time}
              onChange={(time) => dispatch({ type: 'held', time })}
              timeIsEditable
              timeFormat="HH:mm"
              placeholder="e.g. 14:00"
              locale="en-GB"
              isInvalid={Boolean(show('heldAt')) && !held.time}
              testId="walkthrough-held-time"
            />
          </div>
        </div>
        {show('heldAt') && (
          <p className="field-error" id={`${id}-held-err`}>
            {show('heldAt')}
          </p>
        )}
      </fieldset>
      <div>
        <label className="field-label" htmlFor={`${id}-att`}>
          Who attended?
        </label>
        <PeoplePicker
          id={`${id}-att`}
          value={attendees}
          onChange={(next) => dispatch({ type: 'attendees', attendees: next })}
          invalid={Boolean(show('attendees'))}
          describedBy={`${id}-att-help${show('attendees') ? ` ${id}-att-err` : ''}`}
        />
        <p className="helper" id={`${id}-att-help`}>
          Jira people: the CS lead, agents, the PO. Type a name, then pick with Up, Down and Enter.
        </p>
        {show('attendees') && (
          <p className="field-error" id={`${id}-att-err`}>
            {show('attendees')}
          </p>
        )}
      </div>
      <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-label">Questions raised</legend>
        {existing && existing.questions.length > 0 && <p className="helper">Questions you keep keep their settlement; a changed question starts unsettled.</p>}
        {questions.map((q, i) => (
          <div key={q.key}>
            <div className="question-row">
              <Textfield
                id={`${id}-q-${q.key}`}
                aria-label={`Question ${i + 1}`}
                value={q.text}
                onChange={(e) => dispatch({ type: 'question-typed', key: q.key, text: e.currentTarget.value })}
                isInvalid={Boolean(show(`q-${q.key}`))}
                testId={`walkthrough-question-${i}`}
              />
              <Button appearance="subtle" onClick={() => remove(q.key, i)} aria-label={`Remove question ${i + 1}`} testId={`walkthrough-question-remove-${i}`}>
                Remove
              </Button>
            </div>
            {show(`q-${q.key}`) && <p className="field-error">{show(`q-${q.key}`)}</p>}
          </div>
        ))}
        <div>
          <Button id={`${id}-add`} onClick={add} testId="walkthrough-question-add">
            Add question
          </Button>
        </div>
      </fieldset>
      {error && <ErrorMessage error={error} testId="walkthrough-error" />}
      <FormActions submitLabel="Save walkthrough" submitTestId="walkthrough-save" cancelTestId="walkthrough-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}
