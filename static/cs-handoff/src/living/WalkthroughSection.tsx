/**
 * "CS walkthrough": the 30-minute session where the CS lead walks through the handoff. Shows when it was
 * held, who came and every question raised with how it was settled: answered in the handoff (which
 * section / Q&A), a gap in the release brief (with a note), or still unsettled. Anyone who can read the
 * handoff records the walkthrough and settles questions; editors turn an unsettled question into a
 * likely question with its answer in one action. A brief gap can be filed as a Jira task on the version
 * (once); its issue key then links to the task. Loaded lazily.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import Button from '@atlaskit/button/new';
import { router } from '@forge/bridge/out/router/router';
import { DatePicker, TextArea, Textfield, TimePicker } from '../components/LazyControls';
import { Heading, Lozenge } from '../components/TokenLook';
import type { HandoffView, ResolverError, Result } from '../../../../src/contract';
import { api } from '../api';
import { DsSelect } from '../components/DsSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { Loading } from '../components/Loading';
import { formatInstant } from '../format';
import type { AttendeeDraft } from './PeoplePicker';
import {
  answeredTargets,
  matchingTarget,
  settlementFromTarget,
  settlementWords,
  targetValue,
  walkthroughOf,
  type Settlement,
  type WalkthroughQuestion,
  type Walkthrough,
} from './walkthrough-model';

// Only the record form shows it, inside its Suspense boundary.
const PeoplePicker = lazy(() => import('./PeoplePicker').then((m) => ({ default: m.PeoplePicker })));

const NOTE_MAX = 1000;
const QUESTION_MAX = 300;
const ANSWER_MAX = 1000;

function focusLater(el: HTMLElement | null | undefined) {
  requestAnimationFrame(() => el?.focus());
}

/** An instant as the date picker's 'YYYY-MM-DD' and the time picker's 'HH:mm', in the viewer's time zone. */
function localDayAndTime(d: Date): { day: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/**
 * A form's busy / error state around its one resolver call: `save` runs the call, then hands the new
 * view to `onSaved` or keeps the error to show.
 */
function useSave(onSaved: (view: HandoffView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const save = async (call: () => Promise<Result<HandoffView>>) => {
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (!res.ok) return setError(res.error);
    onSaved(res.value);
  };
  return { busy, error, save };
}

/** A required text area whose problem is announced (role="alert") once the form was submitted. */
function RequiredTextArea({
  id,
  label,
  value,
  onChange,
  problem,
  minimumRows,
  inputRef,
  testId,
  errorTestId,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** The problem to show now (empty or null: none). */
  problem: string | null | false;
  minimumRows: number;
  inputRef: Ref<HTMLTextAreaElement>;
  testId: string;
  errorTestId?: string;
}) {
  return (
    <div>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <TextArea
        id={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        isInvalid={Boolean(problem)}
        isRequired
        minimumRows={minimumRows}
        maxHeight="30vh"
        aria-describedby={`${id}-err`}
        testId={testId}
      />
      <p className="field-error" id={`${id}-err`} role="alert" hidden={!problem} data-testid={errorTestId}>
        {problem || ''}
      </p>
    </div>
  );
}

/** What the settle and promote forms get: the question, its 1-based position, and where to go after. */
interface QuestionFormProps {
  view: HandoffView;
  question: WalkthroughQuestion;
  position: number;
  onSaved(view: HandoffView): void;
  onCancel(): void;
}

// ---------------------------------------------------------------------------------------------------
// Record walkthrough

interface DraftQuestion {
  key: number;
  /** Set for a question already recorded: it keeps its id, and its settlement while its text is unchanged. */
  stored?: WalkthroughQuestion;
  text: string;
}

function RecordForm({
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
  const nextKey = useRef(1);
  const [held, setHeld] = useState(() => localDayAndTime(existing ? new Date(existing.heldAt) : new Date()));
  const [attendees, setAttendees] = useState<AttendeeDraft[]>(() => (existing ? existing.attendees.map((a) => ({ ...a })) : []));
  const [questions, setQuestions] = useState<DraftQuestion[]>(() =>
    existing && existing.questions.length > 0
      ? existing.questions.map((q) => ({ key: nextKey.current++, stored: q, text: q.text }))
      : [{ key: nextKey.current++, text: '' }],
  );
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, save } = useSave(onSaved);
  const formRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => document.getElementById(`${id}-held`)?.focus(), [id]);

  // A date-time without a zone is read in the viewer's own time zone, as the pickers show it.
  const heldDate = held.day && held.time ? new Date(`${held.day}T${held.time}`) : null;
  const problems: Record<string, string> = {};
  if (!heldDate || Number.isNaN(heldDate.getTime())) problems['heldAt'] = 'Give the date and time the walkthrough was held.';
  if (attendees.length === 0) problems['attendees'] = 'Add at least one person who attended.';
  questions.forEach((q) => {
    if (q.text.trim().length > QUESTION_MAX) problems[`q-${q.key}`] = `At most ${QUESTION_MAX} characters (${q.text.trim().length} now).`;
  });
  const show = (k: string) => (submitted ? problems[k] : undefined);

  const add = () => {
    const key = nextKey.current++;
    setQuestions((qs) => [...qs, { key, text: '' }]);
    requestAnimationFrame(() => document.getElementById(`${id}-q-${key}`)?.focus());
  };
  const remove = (key: number, index: number) => {
    const rest = questions.filter((q) => q.key !== key);
    setQuestions(rest);
    const next = rest[Math.min(index, rest.length - 1)];
    requestAnimationFrame(() => document.getElementById(next ? `${id}-q-${next.key}` : `${id}-add`)?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = Object.keys(problems)[0];
    if (first) {
      const target = first === 'heldAt' ? `${id}-held` : first === 'attendees' ? `${id}-att` : `${id}-${first}`;
      focusLater(document.getElementById(target));
      return;
    }
    const sent = questions
      .filter((q) => q.text.trim() !== '')
      .map((q) => {
        const text = q.text.trim();
        if (!q.stored) return { text, settlement: null };
        const same = q.stored.text === text;
        return {
          id: q.stored.id,
          text,
          ...(q.stored.raisedBy ? { raisedBy: q.stored.raisedBy } : {}),
          settlement: same ? q.stored.settlement : null,
        };
      });
    await save(() =>
      api.saveWalkthrough(versionId, baseRevision, {
        heldAt: (heldDate as Date).toISOString(),
        // Jira people by accountId (the backend stores Jira's names); a name-only attendee from an older walkthrough as it was.
        attendees: attendees.map((a) => (a.accountId ? { accountId: a.accountId } : { displayName: a.displayName })),
        questions: sent,
      }),
    );
  };

  return (
    <form ref={formRef} className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="walkthrough-form">
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
              onChange={(day) => setHeld((h) => ({ ...h, day }))}
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
              onChange={(time) => setHeld((h) => ({ ...h, time }))}
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
          onChange={setAttendees}
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
        {existing && existing.questions.length > 0 && (
          <p className="helper">Questions you keep keep their settlement; a changed question starts unsettled.</p>
        )}
        {questions.map((q, i) => (
          <div key={q.key}>
            <div className="question-row">
              <Textfield
                id={`${id}-q-${q.key}`}
                aria-label={`Question ${i + 1}`}
                value={q.text}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setQuestions((qs) => qs.map((x) => (x.key === q.key ? { ...x, text } : x)));
                }}
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

// ---------------------------------------------------------------------------------------------------
// Settle one question

function SettleForm({ view, question, position, onSaved, onCancel }: QuestionFormProps) {
  const id = useId();
  const targets = answeredTargets(view);
  const current = question.settlement;
  const [kind, setKind] = useState<Settlement['kind']>(current?.kind ?? 'answered');
  const [target, setTarget] = useState<string | null>(current?.kind === 'answered' ? targetValue(current) : matchingTarget(view, question.text));
  const [note, setNote] = useState(current?.kind === 'brief-gap' ? current.note : '');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, save } = useSave(onSaved);
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const firstRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const trimmed = note.trim();
  const targetProblem = submitted && kind === 'answered' && !target ? 'Choose where the handoff answers the question.' : null;
  const noteProblem =
    kind === 'brief-gap' && trimmed === ''
      ? 'Say what the release brief is missing: the note goes back to the PO.'
      : trimmed.length > NOTE_MAX
        ? `At most ${NOTE_MAX} characters (${trimmed.length} now).`
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (kind === 'brief-gap' && noteProblem) return focusLater(noteRef.current);
    if (kind === 'answered' && !target) return focusLater(document.getElementById(`${id}-target`));
    const settlement: Settlement = kind === 'answered' ? settlementFromTarget(target as string) : { kind: 'brief-gap', note: trimmed };
    await save(() => api.settleQuestion(view.version.id, view.revisions.walkthrough, question.id, settlement));
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="settle-form">
      <h4 className="form-title" id={`${id}-t`}>
        Settle question {position}
      </h4>
      <fieldset className="radio-row">
        <legend className="field-label">How was it settled?</legend>
        <label>
           <input ref={firstRef} type="radio" name={`${id}-kind`} value="answered" checked={kind === 'answered'} onChange={() => setKind('answered')} data-testid="settle-kind-answered" />
          Answered in the handoff
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} value="brief-gap" checked={kind === 'brief-gap'} onChange={() => setKind('brief-gap')} data-testid="settle-kind-gap" />
          Gap in the release brief
        </label>
      </fieldset>
      {kind === 'answered' && targets.length === 0 ? (
        <p className="field-error" role="alert">
          Nothing in the handoff is written yet, so it cannot answer the question. Mark it as a gap in the release brief, or
          ask the PO to write the handoff first.
        </p>
      ) : kind === 'answered' ? (
        <div>
          <label className="field-label" htmlFor={`${id}-target`}>
            Where the handoff answers it
          </label>
          <DsSelect
            inputId={`${id}-target`}
            options={targets}
            value={target}
            onChange={setTarget}
            placeholder="Choose a section or Q&A"
            wide
            isInvalid={Boolean(targetProblem)}
            describedBy={targetProblem ? `${id}-target-err` : undefined}
            testId="settle-section"
          />
          {targetProblem && (
            <p className="field-error" id={`${id}-target-err`} data-testid="settle-section-error">
              {targetProblem}
            </p>
          )}
        </div>
      ) : (
        <RequiredTextArea
          id={`${id}-note`}
          label="What is missing from the release brief? (required)"
          value={note}
          onChange={setNote}
          problem={submitted && noteProblem}
          minimumRows={2}
          inputRef={noteRef}
          testId="settle-note"
          errorTestId="settle-note-error"
        />
      )}
      {error && <ErrorMessage error={error} testId="settle-error" />}
      <FormActions submitLabel="Save settlement" submitTestId="settle-confirm" cancelTestId="settle-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------
// Add as likely question (editors)

function PromoteForm({ view, question, position, onSaved, onCancel }: QuestionFormProps) {
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, save } = useSave(onSaved);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const trimmed = answer.trim();
  const problem =
    trimmed === '' ? 'Write the answer CS should give.' : trimmed.length > ANSWER_MAX ? `At most ${ANSWER_MAX} characters (${trimmed.length} now).` : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem) return focusLater(ref.current);
    await save(() => api.promoteQuestion(view.version.id, view.revisions.walkthrough, question.id, trimmed));
  };

  return (
    <form className="panel-form stack-sm" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-t`} data-testid="promote-form">
      <h4 className="form-title" id={`${id}-t`}>
        Add question {position} to the likely questions
      </h4>
      <p className="muted">It is added to the handoff's Likely questions with your answer, and counts as answered there.</p>
      <RequiredTextArea
        id={`${id}-answer`}
        label="Answer (required)"
        value={answer}
        onChange={setAnswer}
        problem={submitted && problem}
        minimumRows={3}
        inputRef={ref}
        testId="promote-answer"
      />
      {error && <ErrorMessage error={error} testId="promote-error" />}
      <FormActions submitLabel="Add to likely questions" submitTestId="promote-confirm" cancelTestId="promote-cancel" busy={busy} onCancel={onCancel} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------

type Open = { mode: 'settle' | 'promote'; index: number } | null;

/** A brief gap's Jira task: "File as Jira task" until it is filed, then its key, linking to the issue. */
function BriefGapIssue({
  view,
  q,
  index,
  onSaved,
}: {
  view: HandoffView;
  q: WalkthroughQuestion;
  index: number;
  onSaved(view: HandoffView, message: string): void;
}) {
  const position = index + 1;
  const { busy, error, save } = useSave((v) => {
    const filed = walkthroughOf(v)?.questions.find((x) => x.id === q.id)?.settlement;
    onSaved(v, `Question ${position} was filed as ${filed?.kind === 'brief-gap' && filed.issueKey ? filed.issueKey : 'a Jira task'}.`);
  });
  const s = q.settlement;
  if (s?.kind !== 'brief-gap') return null;
  if (s.issueKey) {
    const issueKey = s.issueKey;
    return (
      <p className="wq-issue" data-testid={`wq-${index}-issue`}>
        Filed as{' '}
        <button
          type="button"
          className="issue-link"
          onClick={() => void router.navigate({ target: 'issue', issueKey }).catch(() => undefined)}
          aria-label={`Open ${issueKey}, the Jira task for question ${position}`}
          data-testid={`wq-${index}-issue-link`}
        >
          {issueKey}
        </button>
      </p>
    );
  }
  return (
    <>
      <Button
        spacing="compact"
        appearance="subtle"
        isDisabled={busy}
        onClick={() => void save(() => api.fileBriefGap(view.version.id, view.revisions.walkthrough, q.id))}
        aria-label={`File question ${position} as a Jira task`}
        testId={`wq-${index}-file`}
      >
        {busy ? 'Filing…' : 'File as Jira task'}
      </Button>
      {error && <ErrorMessage error={error} testId={`wq-${index}-file-error`} />}
    </>
  );
}

function QuestionItem({
  view,
  q,
  index,
  open,
  setOpen,
  onSaved,
}: {
  view: HandoffView;
  q: WalkthroughQuestion;
  index: number;
  open: Open;
  setOpen(o: Open): void;
  onSaved(view: HandoffView, message: string): void;
}) {
  const position = index + 1;
  const settleRef = useRef<HTMLButtonElement | null>(null);
  const s = q.settlement;
  const formOpen = open?.index === index ? open.mode : null;
  const close = () => {
    setOpen(null);
    focusLater(settleRef.current);
  };
  return (
    <li className="wq" data-testid={`wq-${index}`} data-settled={s ? s.kind : 'unsettled'}>
      <p className="wq-text">
        <span className="visually-hidden">Question {position}: </span>
        {q.text}
      </p>
      {q.raisedBy && <p className="muted">Raised by {q.raisedBy}</p>}
      <p className="wq-settlement" data-testid={`wq-${index}-settlement`}>
        {s === null ? (
          <Lozenge appearance="moved">Unsettled</Lozenge>
        ) : (
          <span className={s.kind === 'answered' ? 'settled settled-answered' : 'settled settled-gap'}>{settlementWords(s)}</span>
        )}
      </p>
      {formOpen === null && s?.kind === 'brief-gap' && s.issueKey && <BriefGapIssue view={view} q={q} index={index} onSaved={onSaved} />}
      {formOpen === null && (
        <div className="row">
          <Button ref={settleRef} spacing="compact" onClick={() => setOpen({ mode: 'settle', index })} aria-label={`Settle question ${position}`} testId={`wq-${index}-settle`}>
            {s ? 'Change settlement' : 'Settle'}
          </Button>
          {view.capabilities.canEdit && s === null && (
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => setOpen({ mode: 'promote', index })}
              aria-label={`Add question ${position} as a likely question`}
              testId={`wq-${index}-promote`}
            >
              Add as likely question
            </Button>
          )}
          {s?.kind === 'brief-gap' && !s.issueKey && <BriefGapIssue view={view} q={q} index={index} onSaved={onSaved} />}
        </div>
      )}
      {formOpen === 'settle' && (
        // The form's controls load when it first opens (see DsSelect, LazyControls).
        <Suspense fallback={<Loading label="Loading form" />}>
          <SettleForm view={view} question={q} position={position} onCancel={close} onSaved={(v) => onSaved(v, `Question ${position} settled.`)} />
        </Suspense>
      )}
      {formOpen === 'promote' && (
        <Suspense fallback={<Loading label="Loading form" />}>
          <PromoteForm
            view={view}
            question={q}
            position={position}
            onCancel={close}
            onSaved={(v) => onSaved(v, `Question ${position} was added to the likely questions.`)}
          />
        </Suspense>
      )}
    </li>
  );
}

export default function WalkthroughSection({ view, onView }: { view: HandoffView; onView(view: HandoffView): void }) {
  const walkthrough = walkthroughOf(view);
  const [recording, setRecording] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState('');
  const recordRef = useRef<HTMLButtonElement | null>(null);
  const unsettled = walkthrough ? walkthrough.questions.filter((q) => q.settlement === null).length : 0;

  const saved = (next: HandoffView, text: string) => {
    onView(next);
    setRecording(false);
    setOpen(null);
    setMessage(text);
    focusLater(document.getElementById('walkthrough-title'));
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
            onClick={() => {
              setRecording(true);
              setMessage('');
            }}
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
        // The form's controls load when it first opens (see LazyControls).
        <Suspense fallback={<Loading label="Loading form" />}>
          <RecordForm
            versionId={view.version.id}
            baseRevision={view.revisions.walkthrough}
            existing={walkthrough}
            onSaved={(v) => saved(v, 'Walkthrough saved.')}
            onCancel={() => {
              setRecording(false);
              focusLater(recordRef.current);
            }}
          />
        </Suspense>
      )}
      {recording ? null : !walkthrough ? (
        (
          <p className="subtlest" data-testid="walkthrough-empty">
            Not held yet. The CS lead walks through the handoff with the team in a 30-minute session; record the questions
            raised there so each one is answered in the handoff or flagged as a gap in the release brief.
          </p>
        )
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
                <QuestionItem key={q.id} view={view} q={q} index={i} open={open} setOpen={setOpen} onSaved={saved} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
