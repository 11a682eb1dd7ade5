/**
 * "Not in the handoff": the customer's question goes to this release's handoff as an open question from
 * support, linked to this request; the PO and CS lead settle it on the handoff page.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { cardApi } from './api';

const MAX = 1000;

export function NotInHandoff({ versionId, versionName }: { versionId: string; versionName: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [sent, setSent] = useState('');
  const box = useRef<HTMLTextAreaElement | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (question === '' || question.length > MAX) {
      setProblem(question === '' ? "Write the customer's question first." : `At most ${MAX} characters (${question.length} now).`);
      box.current?.focus();
      return;
    }
    setBusy(true);
    const r = await cardApi.askSupportQuestion(versionId, question);
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    setSent(r.value.alreadySent ? `This question was already sent to the ${r.value.versionName} handoff.` : `Sent to the ${r.value.versionName} handoff: the PO and CS lead will settle it.`);
    setText('');
    setProblem('');
    setOpen(false);
  };

  return (
    <div className="stack-sm" data-testid="not-in-handoff">
      {!open ? (
        <Button appearance="default" spacing="compact" onClick={() => setOpen(true)} testId="not-in-handoff-open">
          Not in the handoff
        </Button>
      ) : (
        <form className="stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`}>
          <h3 className="card-h3" id={`${id}-t`}>
            Send the customer's question to the handoff
          </h3>
          <label htmlFor={`${id}-q`} className="card-h4">
            Question (what the customer asked, in their words)
          </label>
          <textarea
            id={`${id}-q`}
            ref={box}
            className="text-input"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem !== ''}
            aria-describedby={problem ? `${id}-p` : undefined}
            data-testid="not-in-handoff-text"
            autoFocus
          />
          {problem && (
            <p id={`${id}-p`} role="alert" className="field-problem" data-testid="not-in-handoff-problem">
              {problem}
            </p>
          )}
          <div className="row">
            <Button type="submit" appearance="primary" spacing="compact" isDisabled={busy} testId="not-in-handoff-send">
              Send to {versionName}
            </Button>
            <Button appearance="subtle" spacing="compact" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <p role="status" aria-live="polite" className="small muted" data-testid="not-in-handoff-sent">
        {sent}
      </p>
    </div>
  );
}
