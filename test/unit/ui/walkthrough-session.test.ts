import type { Walkthrough } from '../../../static/cs-handoff/src/living/walkthrough-model';
import {
  initialSection,
  localDayAndTime,
  openRecordDraft,
  questionForm,
  recordProblems,
  recordReducer,
  sectionReducer,
  walkthroughPayload,
  type RecordAction,
  type RecordDraft,
} from '../../../static/cs-handoff/src/living/walkthrough/session';

const now = new Date(2026, 10, 20, 14, 5);
const recorded: Walkthrough = {
  heldAt: new Date(2026, 10, 18, 9, 30).toISOString(),
  attendees: [{ accountId: 'acc-lead', displayName: 'Carlos Mendes' }, { displayName: 'Old Name' }],
  questions: [
    { id: 'q1', text: 'Can I turn it off?', raisedBy: 'Ana', settlement: { kind: 'brief-gap', note: 'Not in the brief.' } },
    { id: 'q2', text: 'Hebrew?', settlement: { kind: 'answered', section: 'limitations' } },
  ],
} as unknown as Walkthrough;
const apply = (draft: RecordDraft, ...actions: RecordAction[]) => actions.reduce(recordReducer, draft);

describe('the walkthrough section: which form is open', () => {
  it('has at most one form open: recording replaces a question form, and a question form replaces another', () => {
    const settling = sectionReducer(initialSection, { type: 'open', form: 'settling', index: 1 });
    expect(questionForm(settling.mode, 1)).toBe('settling');
    expect(questionForm(settling.mode, 0)).toBeNull();
    const promoting = sectionReducer(settling, { type: 'open', form: 'promoting', index: 0 });
    expect([questionForm(promoting.mode, 0), questionForm(promoting.mode, 1)]).toEqual(['promoting', null]);
    const recording = sectionReducer(promoting, { type: 'record' });
    expect(recording.mode).toEqual({ kind: 'recording' });
    expect(questionForm(recording.mode, 0)).toBeNull();
    // Cancelling the record form goes back to reading, not to the question form that was open before.
    expect(sectionReducer(recording, { type: 'close' }).mode).toEqual({ kind: 'reading' });
  });

  it('announces what was saved and clears it when a new recording starts, keeping it while a question form opens', () => {
    const saved = sectionReducer(sectionReducer(initialSection, { type: 'record' }), { type: 'saved', message: 'Walkthrough saved.' });
    expect(saved).toEqual({ mode: { kind: 'reading' }, message: 'Walkthrough saved.' });
    expect(sectionReducer(saved, { type: 'open', form: 'settling', index: 0 }).message).toBe('Walkthrough saved.');
    expect(sectionReducer(saved, { type: 'record' }).message).toBe('');
  });
});

describe('the record form draft', () => {
  it('opens on now with nobody and one empty question when nothing is recorded, which it cannot send yet', () => {
    const draft = openRecordDraft(null, now);
    expect(draft.held).toEqual({ day: '2026-11-20', time: '14:05' });
    expect(draft.questions).toEqual([{ key: 1, text: '' }]);
    expect(Object.keys(recordProblems(draft))).toEqual(['attendees']);
  });

  it('opens on the recorded walkthrough in the viewer time zone', () => {
    const draft = openRecordDraft(recorded, now);
    expect(draft.held).toEqual(localDayAndTime(new Date(recorded.heldAt)));
    expect(draft.questions.map((q) => [q.key, q.text])).toEqual([
      [1, 'Can I turn it off?'],
      [2, 'Hebrew?'],
    ]);
    expect(draft.nextKey).toBe(3);
  });

  it('gives every added question a key never used before, even after removals', () => {
    const draft = apply(openRecordDraft(null, now), { type: 'question-added' }, { type: 'question-removed', key: 2 }, { type: 'question-added' });
    expect(draft.questions.map((q) => q.key)).toEqual([1, 3]);
  });

  it('lists problems in the order of the form, the first one being where focus goes', () => {
    const draft = apply(openRecordDraft(null, now), { type: 'held', time: '' }, { type: 'question-typed', key: 1, text: 'x'.repeat(301) });
    expect(recordProblems(draft)).toEqual({
      heldAt: 'Give the date and time the walkthrough was held.',
      attendees: 'Add at least one person who attended.',
      'q-1': 'At most 300 characters (301 now).',
    });
    expect(recordProblems(apply(draft, { type: 'held', day: '2026-13-45', time: '10:00' }))['heldAt']).toBeDefined();
  });

  it('sends kept questions with their id and settlement, a changed one unsettled, new ones without id, and drops blank rows', () => {
    const draft = apply(
      openRecordDraft(recorded, now),
      { type: 'question-typed', key: 2, text: 'Hebrew and Arabic?' },
      { type: 'question-added' },
      { type: 'question-typed', key: 3, text: '  Tablets?  ' },
      { type: 'question-added' },
      { type: 'held', day: '2026-11-18', time: '09:30' },
    );
    const payload = walkthroughPayload(draft);
    expect(payload.heldAt).toBe(new Date(2026, 10, 18, 9, 30).toISOString());
    expect(payload.attendees).toEqual([{ accountId: 'acc-lead' }, { displayName: 'Old Name' }]);
    expect(payload.questions).toEqual([
      { id: 'q1', text: 'Can I turn it off?', raisedBy: 'Ana', settlement: { kind: 'brief-gap', note: 'Not in the brief.' } },
      { id: 'q2', text: 'Hebrew and Arabic?', settlement: null },
      { text: 'Tablets?', settlement: null },
    ]);
  });

  it('refuses to build a payload without a valid time rather than sending a wrong one', () => {
    expect(() => walkthroughPayload(apply(openRecordDraft(null, now), { type: 'held', day: '' }))).toThrow(/no valid date/);
  });
});
