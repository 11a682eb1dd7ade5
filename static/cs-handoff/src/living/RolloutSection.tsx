/**
 * The rollout on a handoff page: a timeline of every move (who, when, what was learned, rollbacks marked)
 * and, for editors, "Move rollout": a stage the domain allows, what was learned, Confirm. Loaded lazily.
 */
import { Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import type { ResolverError } from '../../../../src/contract';
import { allowedMoves, currentStageLabel, initialRollout, isRollback, LEARNED_MAX, stageLabel, type RolloutStage } from '../../../../src/domain/living/rollout-stages';
import type { Rollout } from '../../../../src/domain/living/rollout';
import { DsSelect } from '../components/DsSelect';
import { Heading, Lozenge } from '../components/TokenLook';
import { Loading } from '../components/Loading';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { NoteField } from '../components/NoteField';
import { asResult, useAction } from '../hooks/useAction';
import { formatInstant } from '../format';

interface Props {
  rollout: Rollout | null | undefined;
  canEdit: boolean;
  /** Calls moveRollout; resolves to an error to show, or null when the page has the new view. */
  onMove(stage: RolloutStage, learned: string): Promise<ResolverError | null>;
}

function MoveForm({ rollout, onMove, onDone }: { rollout: Rollout; onMove: Props['onMove']; onDone(): void }) {
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

export default function RolloutSection({ rollout: given, canEdit, onMove }: Props) {
  const rollout = given ?? initialRollout();
  const [formOpen, setFormOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement | null>(null);
  const moves = allowedMoves(rollout);
  const canMove = canEdit && (moves.forward.length > 0 || moves.back !== null);
  const close = () => {
    setFormOpen(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <section className="living-section stack-sm" aria-labelledby="rollout-title" data-testid="rollout-section" data-stage={rollout.stage}>
      <div className="row-between">
        <Heading size="medium" as="h2" id="rollout-title">
          Rollout
        </Heading>
        {canMove && !formOpen && (
          <Button ref={openRef} onClick={() => setFormOpen(true)} testId="rollout-move-open">
            Move rollout
          </Button>
        )}
      </div>
      <p>
        Now at <strong data-testid="rollout-current">{currentStageLabel(rollout)}</strong>
        {rollout.stage === 'not-started' ? ' — the release has not reached customers yet.' : ' of customers.'}
      </p>
      {formOpen && (
        // The form's controls load when it first opens (see DsSelect, LazyControls).
        <Suspense fallback={<Loading label="Loading form" />}>
          <MoveForm rollout={rollout} onMove={onMove} onDone={close} />
        </Suspense>
      )}
      {rollout.history.length === 0 ? (
        <p className="subtlest" data-testid="rollout-empty">
          No rollout moves yet. What the team learns at 1%, 5% and beyond is recorded here.
        </p>
      ) : (
        <ol className="timeline" aria-label="Rollout history, oldest first" data-testid="rollout-timeline">
          {rollout.history.map((entry, i) => {
            const back = isRollback(entry);
            return (
              <li key={i} className={back ? 'timeline-item rollback' : 'timeline-item'} data-testid="rollout-entry" data-stage={entry.stage}>
                <div className="row">
                  <strong>
                    {stageLabel(entry.from)} → {stageLabel(entry.stage)}
                  </strong>
                  {back && <Lozenge appearance="removed">Rollback</Lozenge>}
                  <span className="muted">
                    {entry.by.displayName || 'Someone'}, {formatInstant(entry.at)}
                  </span>
                </div>
                {entry.learned ? (
                  <p className="timeline-note" data-testid="rollout-learned">
                    {entry.learned}
                  </p>
                ) : (
                  <p className="subtlest">Nothing recorded.</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
