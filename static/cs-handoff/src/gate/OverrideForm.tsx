/** "Override gate": a required reason (10-500 characters, checked as the admin types), then Confirm or Cancel. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormActions } from '../components/FormActions';
import { NoteField } from '../components/NoteField';

export const REASON_MIN = 10;
export const REASON_MAX = 500;

export function reasonProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n === 0) return 'Give a reason: it is recorded with the override and shown on the handoff.';
  if (n < REASON_MIN) return `The reason needs at least ${REASON_MIN} characters (${n} so far).`;
  if (n > REASON_MAX) return `The reason can be at most ${REASON_MAX} characters (${n} now).`;
  return null;
}

export default function OverrideForm({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const id = useId();
  const problem = reasonProblem(reason);
  const showProblem = touched && problem;

  useEffect(() => ref.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) {
      ref.current?.focus();
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <form className="override-form stack-sm" onSubmit={submit} noValidate data-testid="gate-override-form" aria-labelledby={`${id}-title`}>
      <h2 className="override-title" id={`${id}-title`}>
        Override the release gate
      </h2>
      <p className="muted">The release can then go out without an on-time handoff. Your name, the time and the reason are recorded and shown to everyone who opens this handoff.</p>
      <NoteField
        id={`${id}-reason`}
        label="Reason (required)"
        value={reason}
        onChange={setReason}
        onBlur={() => setTouched(true)}
        problem={showProblem}
        helper={`${REASON_MIN}–${REASON_MAX} characters. ${reason.trim().length}/${REASON_MAX}`}
        minimumRows={3}
        inputRef={ref}
        testId="gate-override-reason-input"
        errorTestId="gate-override-reason-error"
      />
      <FormActions submitLabel="Confirm override" appearance="warning" submitTestId="gate-override-confirm" cancelTestId="gate-override-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}
