import type { HandoffView, SaveConflict } from '#contract';
import { emptyContent } from '#domain/handoff-defaults';
import { toModel } from '../../../static/cs-handoff/src/editor-model';
import { initialPageState, pageReducer, type PageAction, type PageState } from '../../../static/cs-handoff/src/screens/handoff-page/state';

const content = { ...emptyContent(), whatsNew: 'Gift cards at checkout.' };
const view = (revision: number, notice?: string) => ({ handoff: { content, revision }, gate: { state: 'ok' }, ...(notice ? { notice } : {}) }) as unknown as HandoffView;
const conflict = {
  theirs: { revision: 4, content: { ...content, whatsNew: 'Theirs.' } },
  yours: { ...content, whatsNew: 'Mine, merged.' },
  sections: ['whatsNew'],
} as unknown as SaveConflict;
const run = (actions: PageAction[], from: PageState = initialPageState) => actions.reduce(pageReducer, from);

describe('the handoff page state', () => {
  it('starts an edit session from the stored text, clearing what the last action said', () => {
    const s = run([
      { type: 'loaded', view: view(3), restorable: null },
      { type: 'action-failed', error: { code: 'INTERNAL', message: 'x' } },
      { type: 'ready-missing', missing: ["What's new"] },
      { type: 'edit-started', content, baseRevision: 3 },
    ]);
    expect(s.editing).toEqual({ baseRevision: 3, model: expect.objectContaining({ whatsNew: 'Gift cards at checkout.' }), conflict: null });
    expect([s.actionError, s.readyMissing, s.notice]).toEqual([null, null, '']);
  });

  it('keeps a conflict only inside the edit session, with "yours" in the editor, and drops it with the session', () => {
    const editing = run([{ type: 'loaded', view: view(3), restorable: null }, { type: 'edit-started', content, baseRevision: 3 }, { type: 'action-started' }]);
    expect(editing.busy).toBe(true);
    const conflicted = pageReducer(editing, { type: 'conflicted', conflict });
    expect(conflicted.busy).toBe(false);
    expect(conflicted.editing?.conflict).toBe(conflict);
    expect(conflicted.editing?.model.whatsNew).toBe('Mine, merged.');
    expect(pageReducer(conflicted, { type: 'rebased', baseRevision: 4 }).editing).toMatchObject({ baseRevision: 4, conflict });
    expect(pageReducer(conflicted, { type: 'edit-finished', view: view(5), notice: 'Saved.' }).editing).toBeNull();
    // A conflict answered after the editor closed has no session to attach to.
    expect(pageReducer(initialPageState, { type: 'conflicted', conflict }).editing).toBeNull();
  });

  it("shows the save's own notice before the page's message when the save did more than asked", () => {
    expect(run([{ type: 'edit-finished', view: view(5), notice: 'Handoff saved.' }]).notice).toBe('Handoff saved.');
    expect(run([{ type: 'edit-finished', view: view(5, 'Moved back to draft.'), notice: 'Handoff saved.' }]).notice).toBe('Moved back to draft.');
  });

  it('remembers what "Try again" repeats only when the failure says so, and clears it when a new action starts', () => {
    const failed = run([{ type: 'action-failed', error: { code: 'JIRA_UNAVAILABLE', message: 'down' }, retryAs: 'mark-ready' }]);
    expect(failed.retryAs).toBe('mark-ready');
    // A failure that names no retry leaves it as it was.
    expect(pageReducer(failed, { type: 'action-failed', error: { code: 'INTERNAL', message: 'x' } }).retryAs).toBe('mark-ready');
    expect(pageReducer(failed, { type: 'action-started' })).toMatchObject({ retryAs: null, actionError: null, busy: true });
  });

  it('restores unsaved text from an earlier visit into the editor, once', () => {
    const draft = { baseRevision: 2, content: { ...content, whatsNew: 'Typed earlier.' }, savedAt: '2026-11-20T10:00:00Z' };
    const offered = run([{ type: 'loaded', view: view(3), restorable: draft }]);
    expect(offered.restorable).toBe(draft);
    const restored = pageReducer(offered, { type: 'draft-restored' });
    expect(restored.restorable).toBeNull();
    expect(restored.editing).toEqual({ baseRevision: 2, model: toModel(draft.content), conflict: null });
    expect(pageReducer(restored, { type: 'draft-restored' })).toBe(restored);
  });

  it('loads the dialog code on the first ask and keeps it loaded after the dialog closes', () => {
    const asked = run([{ type: 'discard-asked', what: 'draft' }]);
    expect(asked).toMatchObject({ dialogLoaded: true, discardAsk: 'draft' });
    expect(pageReducer(asked, { type: 'discard-closed' })).toMatchObject({ dialogLoaded: true, discardAsk: null });
  });

  it('replaces only the gate of the view after an override', () => {
    const loaded = run([{ type: 'loaded', view: view(3), restorable: null }]);
    const gate = { state: 'overridden' } as unknown as HandoffView['gate'];
    const next = pageReducer(loaded, { type: 'gate-changed', gate, notice: 'Overridden.' });
    expect(next.view).toEqual({ ...loaded.view, gate });
    expect(next.notice).toBe('Overridden.');
  });

  it('drops the edit session without touching the notice unless one is given', () => {
    const editing = run([
      { type: 'viewed', view: view(3), notice: 'Earlier.' },
      { type: 'edit-started', content, baseRevision: 3 },
    ]);
    expect(pageReducer(editing, { type: 'edit-dropped' })).toMatchObject({ editing: null, notice: '' });
    expect(pageReducer(editing, { type: 'edit-dropped', notice: 'Nothing changed.' })).toMatchObject({ editing: null, notice: 'Nothing changed.' });
  });
});
