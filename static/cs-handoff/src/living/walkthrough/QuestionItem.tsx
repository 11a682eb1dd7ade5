/** One question raised in the walkthrough: its text, how it was settled, and its actions or its open form. */
import { Suspense, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Lozenge } from '../../components/TokenLook';
import type { HandoffView } from '#contract';
import { focusSoon } from '../../focus';
import { api } from '../../api';
import { settlementWords, type WalkthroughQuestion } from '../walkthrough-model';
import { BriefGapIssue } from './BriefGapIssue';
import { Loading } from '../../components/Loading';
import { PromoteForm, SettleForm } from './lazy-forms';

export function QuestionItem({
  view,
  q,
  index,
  form,
  onOpen,
  onClose,
  onSaved,
}: {
  view: HandoffView;
  q: WalkthroughQuestion;
  index: number;
  /** The form open on this question, if any. */
  form: 'settling' | 'promoting' | null;
  onOpen(form: 'settling' | 'promoting'): void;
  onClose(): void;
  onSaved(view: HandoffView, message: string): void;
}) {
  const position = index + 1;
  const settleRef = useRef<HTMLButtonElement | null>(null);
  const s = q.settlement;
  const close = () => {
    onClose();
    focusSoon(settleRef.current);
  };
  return (
    <li className="wq" data-testid={`wq-${index}`} data-settled={s ? s.kind : 'unsettled'}>
      <p className="wq-text">
        <span className="visually-hidden">Question {position}: </span>
        {q.text}
      </p>
      {q.raisedBy && <p className="muted">Raised by {q.raisedBy}</p>}
      <p className="wq-settlement" data-testid={`wq-${index}-settlement`}>
        {s === null ? <Lozenge appearance="moved">Unsettled</Lozenge> : <span className={s.kind === 'answered' ? 'settled settled-answered' : 'settled settled-gap'}>{settlementWords(s)}</span>}
      </p>
      {form === null && s?.kind === 'brief-gap' && s.issueKey && <BriefGapIssue view={view} q={q} index={index} onSaved={onSaved} />}
      {form === null && (
        <div className="row">
          <Button ref={settleRef} spacing="compact" onClick={() => onOpen('settling')} aria-label={`Settle question ${position}`} testId={`wq-${index}-settle`}>
            {s ? 'Change settlement' : 'Settle'}
          </Button>
          {view.capabilities.canEdit && s === null && (
            <Button spacing="compact" appearance="subtle" onClick={() => onOpen('promoting')} aria-label={`Add question ${position} as a likely question`} testId={`wq-${index}-promote`}>
              Add as likely question
            </Button>
          )}
          {s?.kind === 'brief-gap' && !s.issueKey && <BriefGapIssue view={view} q={q} index={index} onSaved={onSaved} />}
        </div>
      )}
      {form === 'settling' && (
        <Suspense fallback={<Loading label="Loading form" />}>
          <SettleForm
            view={view}
            question={q}
            title={`Settle question ${position}`}
            settle={(settlement) => api.settleQuestion(view.version.id, view.revisions.walkthrough, q.id, settlement)}
            onCancel={close}
            onSaved={(v) => onSaved(v, `Question ${position} settled.`)}
          />
        </Suspense>
      )}
      {form === 'promoting' && (
        <Suspense fallback={<Loading label="Loading form" />}>
          <PromoteForm view={view} question={q} position={position} onCancel={close} onSaved={(v) => onSaved(v, `Question ${position} was added to the likely questions.`)} />
        </Suspense>
      )}
    </li>
  );
}
