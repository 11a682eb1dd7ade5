/**
 * The handoff page's state as one reducer: what is loaded, the edit session, the one action in flight and
 * what the page says about it. Pure (no I/O, no focus): `useHandoffPage` does the calls and the drafts.
 */
import type { GateView, HandoffView, ResolverError, SaveConflict } from '#contract';
import type { HandoffContent } from '#domain/handoff';
import type { StoredDraft } from '../../draft-storage';
import { toModel, type EditorModel } from '../../editor-model';

/** What "Try again" repeats after a save Jira did not take (the typed text stays in the editor). */
export type RetryAs = 'save' | 'mark-ready';
/** Which unsaved text the discard dialog asks about. */
export type DiscardAsk = 'editor' | 'draft';

/** The editor's session: what it started from, what is typed now, and a conflict (only ever while editing). */
export interface Editing {
  baseRevision: number;
  model: EditorModel;
  conflict: SaveConflict | null;
}

export interface PageState {
  view: HandoffView | null;
  loadError: ResolverError | null;
  editing: Editing | null;
  busy: boolean;
  actionError: ResolverError | null;
  retryAs: RetryAs | null;
  readyMissing: string[] | null;
  /** Unsaved text from an earlier visit, offered back. */
  restorable: StoredDraft | null;
  /** Null while the discard dialog is closed. */
  discardAsk: DiscardAsk | null;
  /** The dialog's code loads the first time it is needed, and then stays. */
  dialogLoaded: boolean;
  notice: string;
  exportOpen: boolean;
}

export const initialPageState: PageState = {
  view: null,
  loadError: null,
  editing: null,
  busy: false,
  actionError: null,
  retryAs: null,
  readyMissing: null,
  restorable: null,
  discardAsk: null,
  dialogLoaded: false,
  notice: '',
  exportOpen: false,
};

export type PageAction =
  | { type: 'load-started' }
  | { type: 'loaded'; view: HandoffView; restorable: StoredDraft | null }
  | { type: 'load-failed'; error: ResolverError }
  | { type: 'edit-started'; content: HandoffContent; baseRevision: number }
  | { type: 'draft-restored' }
  | { type: 'edited'; model: EditorModel }
  | { type: 'rebased'; baseRevision: number }
  | { type: 'edit-finished'; view: HandoffView; notice: string }
  | { type: 'edit-dropped'; notice?: string }
  | { type: 'action-started' }
  | { type: 'action-cleared' }
  | { type: 'busy'; busy: boolean }
  | { type: 'conflicted'; conflict: SaveConflict }
  | { type: 'action-failed'; error: ResolverError; retryAs?: RetryAs | null }
  | { type: 'viewed'; view: HandoffView; notice?: string }
  | { type: 'gate-changed'; gate: GateView; notice: string }
  | { type: 'ready-missing'; missing: string[] }
  | { type: 'discard-asked'; what: DiscardAsk }
  | { type: 'discard-closed' }
  | { type: 'draft-discarded' }
  | { type: 'export-toggled' };

function startEditing(state: PageState, content: HandoffContent, baseRevision: number): PageState {
  return { ...state, editing: { baseRevision, model: toModel(content), conflict: null }, readyMissing: null, actionError: null, notice: '' };
}

export function pageReducer(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case 'load-started':
      return { ...state, view: null, loadError: null, editing: null };
    case 'loaded':
      return { ...state, view: action.view, restorable: action.restorable ?? state.restorable };
    case 'load-failed':
      return { ...state, loadError: action.error };
    case 'edit-started':
      return startEditing(state, action.content, action.baseRevision);
    case 'draft-restored':
      if (!state.restorable) return state;
      return { ...startEditing(state, state.restorable.content, state.restorable.baseRevision), restorable: null };
    case 'edited':
      return state.editing ? { ...state, editing: { ...state.editing, model: action.model } } : state;
    case 'rebased':
      return state.editing ? { ...state, editing: { ...state.editing, baseRevision: action.baseRevision } } : state;
    case 'edit-finished':
      // The save may have done more than asked (a ready handoff missing required parts goes back to draft).
      return { ...state, view: action.view, editing: null, notice: action.view.notice ?? action.notice };
    case 'edit-dropped':
      return { ...state, editing: null, actionError: null, ...(action.notice === undefined ? {} : { notice: action.notice }) };
    case 'action-started':
      return { ...state, busy: true, actionError: null, retryAs: null, notice: '' };
    case 'action-cleared':
      return { ...state, actionError: null, readyMissing: null, notice: '' };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'conflicted':
      // "Yours" is their text where only they wrote and yours where you did: keeping it changes only your sections.
      return state.editing ? { ...state, busy: false, editing: { ...state.editing, model: toModel(action.conflict.yours), conflict: action.conflict } } : { ...state, busy: false };
    case 'action-failed':
      return { ...state, busy: false, actionError: action.error, ...(action.retryAs === undefined ? {} : { retryAs: action.retryAs }) };
    case 'viewed':
      return { ...state, view: action.view, ...(action.notice === undefined ? {} : { notice: action.notice }) };
    case 'gate-changed':
      return { ...state, view: state.view ? { ...state.view, gate: action.gate } : state.view, notice: action.notice };
    case 'ready-missing':
      return { ...state, readyMissing: action.missing };
    case 'discard-asked':
      return { ...state, dialogLoaded: true, discardAsk: action.what };
    case 'discard-closed':
      return { ...state, discardAsk: null };
    case 'draft-discarded':
      return { ...state, discardAsk: null, restorable: null };
    case 'export-toggled':
      return { ...state, exportOpen: !state.exportOpen };
  }
}
