/**
 * The rollout on a handoff page: a timeline of every move (who, when, what was learned, rollbacks marked)
 * and, for editors, "Move rollout" (RolloutMoveForm). Loaded lazily.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { allowedMoves, currentStageLabel, initialRollout, isRollback, stageLabel } from '#domain/living/rollout-stages';
import type { Rollout } from '#domain/living/rollout';
import { Heading, Lozenge } from '../components/TokenLook';
import { Loading } from '../components/Loading';
import { formatInstant } from '../format';
import type { OnMove } from './RolloutMoveForm';

interface Props {
  rollout: Rollout | null | undefined;
  canEdit: boolean;
  onMove: OnMove;
}

// The form and its controls load when an editor first opens it.
const MoveForm = lazy(() => import('./RolloutMoveForm'));

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
