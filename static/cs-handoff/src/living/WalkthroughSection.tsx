/**
 * "CS walkthrough": the 30-minute session where the CS lead walks through the handoff. Shows when it was
 * held, who came and every question raised with how it was settled: answered in the handoff (which
 * section / Q&A), a gap in the release brief (with a note), or still unsettled. Anyone who can read the
 * handoff records the walkthrough and settles questions; editors turn an unsettled question into a
 * likely question with its answer in one action. A brief gap can be filed as a Jira task on the version
 * (once); its issue key then links to the task. Loaded lazily. The forms live in ./walkthrough/; which
 * one is open is `sectionReducer`'s state (walkthrough/session.ts).
 */
import { Suspense, useReducer, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Heading } from '../components/TokenLook';
import type { HandoffView } from '#contract';
import { focusSoon } from '../focus';
import { formatInstant } from '../format';
import { QuestionItem } from './walkthrough/QuestionItem';
import { RecordForm } from './walkthrough/lazy-forms';
import { Loading } from '../components/Loading';
import { initialSection, questionForm, sectionReducer } from './walkthrough/session';
import { walkthroughOf } from './walkthrough-model';

export default function WalkthroughSection({ view, onView }: { view: HandoffView; onView(view: HandoffView): void }) {
  const walkthrough = walkthroughOf(view);
  const [{ mode, message }, dispatch] = useReducer(sectionReducer, initialSection);
  const recording = mode.kind === 'recording';
  const recordRef = useRef<HTMLButtonElement | null>(null);
  const unsettled = walkthrough ? walkthrough.questions.filter((q) => q.settlement === null).length : 0;

  const saved = (next: HandoffView, text: string) => {
    onView(next);
    dispatch({ type: 'saved', message: text });
    focusSoon('walkthrough-title');
  };

  return (
    <section className="living-section stack-sm" aria-labelledby="walkthrough-title" data-testid="walkthrough-section">
      <div className="row-between">
        <Heading size="medium" as="h2" id="walkthrough-title">
          CS walkthrough
        </Heading>
        {!recording && (
          <Button
            ref={recordRef}
            // The page's one primary action is Mark ready (PO) or File L3 bug (CS): this one is secondary.
            appearance="default"
            onClick={() => dispatch({ type: 'record' })}
            testId="walkthrough-record"
          >
            {walkthrough ? 'Update walkthrough' : 'Record walkthrough'}
          </Button>
        )}
      </div>
      <p role="status" aria-live="polite" className="copy-status export-status" data-testid="walkthrough-notice">
        {message && `✓ ${message}`}
      </p>
      {recording && (
        <Suspense fallback={<Loading label="Loading form" />}>
          <RecordForm
            versionId={view.version.id}
            baseRevision={view.revisions.walkthrough}
            existing={walkthrough}
            onSaved={(v) => saved(v, 'Walkthrough saved.')}
            onCancel={() => {
              dispatch({ type: 'close' });
              focusSoon(recordRef.current);
            }}
          />
        </Suspense>
      )}
      {recording ? null : !walkthrough ? (
        <p className="subtlest" data-testid="walkthrough-empty">
          Not held yet. The CS lead walks through the handoff with the team in a 30-minute session; record the questions raised there so each one is answered in the handoff or flagged as a gap in the
          release brief.
        </p>
      ) : (
        <>
          <dl className="walkthrough-meta" data-testid="walkthrough-meta">
            <dt>Held</dt>
            <dd data-testid="walkthrough-held">{formatInstant(walkthrough.heldAt)}</dd>
            <dt>Attendees</dt>
            <dd data-testid="walkthrough-attendees-list">{walkthrough.attendees.map((a) => a.displayName).join(', ') || '—'}</dd>
          </dl>
          <div className="wq-heading">
            <Heading size="small" as="h3" id="walkthrough-questions-title">
              {`Questions raised (${walkthrough.questions.length}${unsettled ? `, ${unsettled} unsettled` : ''})`}
            </Heading>
          </div>
          {walkthrough.questions.length === 0 ? (
            <p className="subtlest">No questions were raised.</p>
          ) : (
            <ol className="wq-list" aria-labelledby="walkthrough-questions-title" data-testid="walkthrough-questions">
              {walkthrough.questions.map((q, i) => (
                <QuestionItem
                  key={q.id}
                  view={view}
                  q={q}
                  index={i}
                  form={questionForm(mode, i)}
                  onOpen={(form) => dispatch({ type: 'open', form, index: i })}
                  onClose={() => dispatch({ type: 'close' })}
                  onSaved={saved}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
