/**
 * "Move rollout" on a handoff page: a stage the domain allows, what was learned, Confirm. Its own module
 * so its controls (the design system's select and text area) load only when an editor opens the form.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ResolverError } from '#contract';
import { allowedMoves, currentStageLabel, LEARNED_MAX, stageLabel, type RolloutStage } from '#domain/living/rollout-stages';
import type { Rollout } from '#domain/living/rollout';
import { DsSelect } from '../components/DsSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { NoteField } from '../components/NoteField';
import { asResult, useAction } from '../hooks/useAction';

/** Calls moveRollout; resolves to an error to show, or null when the page has the new view. */
export type OnMove = (stage: RolloutStage, learned: string) => Promise<ResolverError | null>;

export default function MoveForm({ rollout, onMove, onDone }: { rollout: Rollout; onMove: OnMove; onDone(): void }) {
  const moves = allowedMoves(rollout);
  const options: RolloutStage[] = [...moves.forward, ...(moves.back ? [moves.back] : [])];
  const [stage, setStage] = useState<RolloutStage | ''>(moves.forward[0] ?? moves.back ?? '');
  const [learned, setLearned] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useAction();
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const id = useId();
  useEffect(() => document.getElementById(`${id}-stage`)?.focus(), [id]);
  const rollback = stage !== '' && stage === moves.back;
  const note = learned.trim();
  const problem =
    rollback && note === ''
      ? `Rolling back from ${currentStageLabel(rollout)} needs a note: say why, so CS can explain it to customers.`
      : note.length > LEARNED_MAX
        ? `At most ${LEARNED_MAX} characters (${note.length} now).`
        : null;
  const showProblem = submitted && problem;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (stage === '') return;
    if (problem) {
      noteRef.current?.focus();
      return;
    }
    const res = await run(() => asResult(onMove(stage, note)));
    if (res.ok) onDone();
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="rollout-form">
      <h3 className="form-title" id={`${id}-t`}>
        Move rollout from {currentStageLabel(rollout)}
      </h3>
      <div>
        <label className="field-label" htmlFor={`${id}-stage`}>
          Move to
        </label>
        <DsSelect<RolloutStage>
          inputId={`${id}-stage`}
          options={options.map((s) => ({ value: s, label: s === moves.back ? `${stageLabel(s)} (roll back)` : stageLabel(s) }))}
          value={stage === '' ? null : stage}
          onChange={setStage}
          testId="rollout-stage-select"
        />
      </div>
      <NoteField
        id={`${id}-learned`}
        label={`What did you learn at this stage?${rollback ? ' (required for a rollback)' : ''}`}
        value={learned}
        onChange={setLearned}
        problem={showProblem}
        helper={
          <>
            {rollback ? 'Say why it is rolled back: CS will be asked.' : 'What the first customers did, what broke, what CS heard. Shown to everyone who reads the handoff.'} {note.length}/
            {LEARNED_MAX}
          </>
        }
        isRequired={rollback}
        minimumRows={3}
        inputRef={noteRef}
        testId="rollout-learned-input"
        errorTestId="rollout-learned-error"
      />
      {error && <ErrorMessage error={error} testId="rollout-error" />}
      <FormActions
        submitLabel={rollback ? 'Confirm rollback' : 'Confirm'}
        appearance={rollback ? 'warning' : 'primary'}
        submitTestId="rollout-confirm"
        cancelTestId="rollout-cancel"
        busy={busy}
        onCancel={onDone}
      />
    </form>
  );
}
