/**
 * "Questions from support": what agents sent from customers' requests when the handoff had no answer
 * ("Not in the handoff" on the issue card). Beside the walkthrough's questions, and settled the same way,
 * with the walkthrough's own settle form: answered in the handoff, or a gap in the release brief. Each
 * names who asked, when, at which rollout stage, and links to the request. Loaded lazily with the
 * walkthrough.
 */
import { Suspense, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Heading, Lozenge } from '../components/TokenLook';
import { router } from '@forge/bridge/out/router/router';
import type { HandoffView, Result, SupportQuestion, SupportQuestionsView } from '#contract';
import { stageLabel } from '#domain/living/rollout-stages';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { focusSoon } from '../focus';
import { formatInstant } from '../format';
import { settlementWords } from './walkthrough-model';
import { SettleForm } from './walkthrough/lazy-forms';
import { Loading } from '../components/Loading';

/** The section's heading: other screens and tests find the section by this name. */
export const SUPPORT_QUESTIONS_TITLE = 'Questions from support';

function RequestLink({ issueKey, position }: { issueKey: string; position: number }) {
  return (
    <button
      type="button"
      className="issue-link"
      onClick={() => void router.navigate({ target: 'issue', issueKey }).catch(() => undefined)}
      aria-label={`Open ${issueKey}, the request question ${position} came from`}
      data-testid={`sq-${position}-request`}
    >
      {issueKey}
    </button>
  );
}

function SupportQuestionItem({
  view,
  support,
  q,
  position,
  open,
  onOpen,
  onSaved,
}: {
  view: HandoffView;
  support: SupportQuestionsView;
  q: SupportQuestion;
  position: number;
  open: boolean;
  onOpen(open: boolean): void;
  onSaved(next: SupportQuestionsView, message: string): void;
}) {
  const settleRef = useRef<HTMLButtonElement | null>(null);
  const s = q.settlement;
  return (
    <li className="wq" data-testid={`sq-${position}`} data-settled={s ? s.kind : 'unsettled'}>
      <p className="wq-text">
        <span className="visually-hidden">Question from support {position}: </span>
        {q.text}
      </p>
      <p className="muted" data-testid={`sq-${position}-asked`}>
        Asked by {q.askedBy.displayName} on {formatInstant(q.askedAt)}
        {q.stage ? `, at rollout ${stageLabel(q.stage)}` : ''}, from <RequestLink issueKey={q.issueKey} position={position} />
      </p>
      <p className="wq-settlement" data-testid={`sq-${position}-settlement`}>
        {s === null ? <Lozenge appearance="moved">Unsettled</Lozenge> : <span className={s.kind === 'answered' ? 'settled settled-answered' : 'settled settled-gap'}>{settlementWords(s)}</span>}
      </p>
      {open ? (
        <Suspense fallback={<Loading label="Loading form" />}>
          <SettleForm
            view={view}
            question={q}
            title={`Settle question from support ${position}`}
            settle={(settlement) => api.settleSupportQuestion(view.version.id, support.revision, q.id, settlement)}
            onCancel={() => {
              onOpen(false);
              focusSoon(settleRef.current);
            }}
            onSaved={(next) => onSaved(next, `Question from support ${position} settled.`)}
          />
        </Suspense>
      ) : (
        <div className="row">
          <Button ref={settleRef} spacing="compact" onClick={() => onOpen(true)} aria-label={`Settle question from support ${position}`} testId={`sq-${position}-settle`}>
            {s ? 'Change settlement' : 'Settle'}
          </Button>
        </div>
      )}
    </li>
  );
}

export default function SupportQuestionsSection({
  view,
  support,
  onSupport,
}: {
  view: HandoffView;
  /** From the page's one invocation (getHandoffPage). */
  support: Result<SupportQuestionsView>;
  onSupport(next: SupportQuestionsView): void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const saved = (next: SupportQuestionsView, text: string) => {
    onSupport(next);
    setOpen(null);
    setMessage(text);
    focusSoon('support-questions-title');
  };
  const questions = support.ok ? support.value.questions : [];
  const unsettled = questions.filter((q) => q.settlement === null).length;
  return (
    <section className="living-section stack-sm" aria-labelledby="support-questions-title" data-testid="support-questions-section">
      <Heading size="medium" as="h2" id="support-questions-title">
        {SUPPORT_QUESTIONS_TITLE}
      </Heading>
      <p role="status" aria-live="polite" className="copy-status export-status" data-testid="support-questions-notice">
        {message && `✓ ${message}`}
      </p>
      {!support.ok ? (
        <ErrorMessage error={support.error} testId="support-questions-error" />
      ) : questions.length === 0 ? (
        <p className="subtlest" data-testid="support-questions-empty">
          None yet. When a customer asks something this handoff does not answer, the support agent sends it here from the request with Not in the handoff, to be answered in the handoff or recorded as
          a gap in the release brief.
        </p>
      ) : (
        <>
          <p className="muted" data-testid="support-questions-count">
            {`${questions.length} asked${unsettled ? `, ${unsettled} unsettled` : ', all settled'}`}
          </p>
          <ol className="wq-list" aria-labelledby="support-questions-title" data-testid="support-questions">
            {questions.map((q, i) => (
              <SupportQuestionItem key={q.id} view={view} support={support.value} q={q} position={i + 1} open={open === q.id} onOpen={(o) => setOpen(o ? q.id : null)} onSaved={saved} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
