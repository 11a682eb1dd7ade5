/**
 * What the handoff page does: loads the handoff (offering back unsaved text from an earlier visit), keeps
 * every keystroke on this device until it is saved, and runs the page's writes (save, mark ready, back to
 * draft, resolve a conflict, discard). State lives in `pageReducer`; the calls, drafts and focus live here.
 */
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { GateView, HandoffPage, HandoffView, ResolverError, Result, SupportQuestionsView } from '#contract';
import type { HandoffContent } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import { stageLabel, type RolloutStage } from '#domain/living/rollout-stages';
import { api } from '../../api';
import { isRetryable } from '../../components/ErrorMessage';
import { draftStore, type DraftOwner } from '../../draft-storage';
import { sameContent, toContent, type EditorModel } from '../../editor-model';
import { useL3 } from '../../escalation/useL3';
import { takeHandoffPage } from '../../first-load';
import { focusHeading } from '../../focus';
import { initialPageState, pageReducer, type DiscardAsk, type RetryAs } from './state';

const FORBIDDEN_EDIT = "You don't have permission to edit this handoff.";

export function editError(error: ResolverError): ResolverError {
  return error.code === 'FORBIDDEN' ? { ...error, message: FORBIDDEN_EDIT } : error;
}

const storedContent = (v: HandoffView | null): HandoffContent => v?.handoff?.content ?? emptyContent();

const focusTitle = () => focusHeading('page-title');

export function useHandoffPage(versionId: string, draftOwner: DraftOwner) {
  const [state, dispatch] = useReducer(pageReducer, initialPageState);
  const { view, editing, discardAsk } = state;
  const drafts = useMemo(() => draftStore(draftOwner), [draftOwner]);
  /** The questions from support, the chart's signals and the page's address, from the same invocation as the handoff. */
  const [extras, setExtras] = useState<Pick<HandoffPage, 'support' | 'signals' | 'handoffUrl'> | null>(null);
  // The L3 count comes with the handoff (one invocation for the page); a failed count never hides it.
  // Filing builds the bug's pre-fill from the page's own data.
  const l3Page = useMemo(() => (view && extras ? { view, handoffUrl: extras.handoffUrl } : null), [view, extras]);
  const l3 = useL3(versionId, l3Page);
  const acceptL3 = l3.accept;

  // Load the handoff, and offer any unsaved text left from an earlier visit.
  useEffect(() => {
    let live = true;
    dispatch({ type: 'load-started' });
    // The entry module may have asked already, before React rendered (see first-load.ts).
    void takeHandoffPage(versionId).then((res) => {
      if (!live) return;
      if (!res.ok) return dispatch({ type: 'load-failed', error: res.error });
      const loaded = res.value.handoff;
      acceptL3(res.value.l3);
      setExtras({ support: res.value.support, signals: res.value.signals, handoffUrl: res.value.handoffUrl });
      const draft = loaded.capabilities.canEdit ? drafts.load(versionId) : null;
      const restorable = draft && !sameContent(draft.content, storedContent(loaded)) ? draft : null;
      if (draft && !restorable) drafts.clear(versionId);
      dispatch({ type: 'loaded', view: loaded, restorable });
    });
    return () => {
      live = false;
    };
  }, [drafts, versionId, acceptL3]);

  // Every keystroke is kept locally until it is saved.
  useEffect(() => {
    if (!editing || !view) return;
    const content = toContent(editing.model);
    if (sameContent(content, storedContent(view)) && editing.baseRevision === (view.handoff?.revision ?? 0)) {
      drafts.clear(versionId);
    } else {
      drafts.save(versionId, { baseRevision: editing.baseRevision, content });
    }
  }, [editing, view, drafts, versionId]);

  const startEditing = (content: HandoffContent, baseRevision: number) => {
    // The editor puts focus on its first field when it opens (it loads lazily, so it knows when it is there).
    dispatch({ type: 'edit-started', content, baseRevision });
  };

  const finishEditing = (next: HandoffView, notice: string) => {
    dispatch({ type: 'edit-finished', view: next, notice });
    drafts.clear(versionId);
    focusTitle();
  };

  /** Drops the edit session (its text is already kept or deliberately discarded). */
  const dropEditor = (notice?: string) => {
    dispatch(notice === undefined ? { type: 'edit-dropped' } : { type: 'edit-dropped', notice });
    drafts.clear(versionId);
    focusTitle();
  };

  /** Saves what is in the editor against `baseRevision`; returns the new view, or null (error shown). */
  const save = async (baseRevision: number, retry: RetryAs | null = null): Promise<HandoffView | null> => {
    if (!editing) return null;
    dispatch({ type: 'action-started' });
    const res = await api.saveHandoff({ versionId, baseRevision, content: toContent(editing.model, { dropEmpty: true }) });
    if (res.ok) {
      dispatch({ type: 'busy', busy: false });
      return res.value;
    }
    if (res.error.code === 'CONFLICT' && res.error.conflict) {
      dispatch({ type: 'conflicted', conflict: res.error.conflict });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="conflict-keep-mine"]')?.focus());
    } else {
      dispatch({ type: 'action-failed', error: editError(res.error), retryAs: isRetryable(res.error) ? retry : null });
      // The draft is kept locally (every keystroke), so a reload offers it back even if Jira stays down.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="action-error"]')?.scrollIntoView({ block: 'center' }));
    }
    return null;
  };

  const onSave = async () => {
    if (!editing) return;
    // Nothing typed (or nothing changed): no revision, no related-work link, nothing written.
    if (sameContent(toContent(editing.model, { dropEmpty: true }), storedContent(view))) {
      return dropEditor(view?.handoff ? 'Nothing changed, so nothing was saved.' : 'Nothing written yet, so nothing was saved.');
    }
    const next = await save(editing.baseRevision, 'save');
    if (next) finishEditing(next, 'Handoff saved.');
  };

  const onKeepMine = async () => {
    if (!editing?.conflict) return;
    const theirs = editing.conflict.theirs.revision;
    dispatch({ type: 'rebased', baseRevision: theirs });
    const next = await save(theirs);
    if (next) finishEditing(next, 'Your version was saved.');
  };

  const onUseTheirs = async () => {
    const conflict = editing?.conflict;
    if (!conflict) return;
    dispatch({ type: 'busy', busy: true });
    const res = await api.getHandoff(versionId);
    dispatch({ type: 'busy', busy: false });
    drafts.clear(versionId);
    if (res.ok) {
      dispatch({ type: 'viewed', view: res.value });
      startEditing(storedContent(res.value), res.value.handoff?.revision ?? 0);
    } else {
      startEditing(conflict.theirs.content, conflict.theirs.revision);
      dispatch({ type: 'action-failed', error: res.error });
    }
  };

  /** Discarding typed text always asks first, in a dialog over the page (never below the fold). */
  const askDiscard = (what: DiscardAsk) => dispatch({ type: 'discard-asked', what });

  const onCancel = () => {
    if (editing && !sameContent(toContent(editing.model), storedContent(view))) return askDiscard('editor');
    dropEditor();
  };

  const onConfirmDiscard = () => {
    dispatch({ type: 'discard-closed' });
    if (discardAsk === 'editor') dropEditor();
    else if (discardAsk === 'draft') {
      drafts.clear(versionId);
      dispatch({ type: 'draft-discarded' });
      focusTitle();
    }
  };

  const setStatus = async (status: 'draft' | 'ready', from: HandoffView) => {
    dispatch({ type: 'busy', busy: true });
    const res = await api.setStatus({ versionId, baseRevision: from.handoff?.revision ?? 0, status });
    dispatch({ type: 'busy', busy: false });
    if (res.ok) {
      dispatch({ type: 'viewed', view: res.value, notice: status === 'ready' ? 'Handoff marked ready.' : 'Handoff moved back to draft.' });
      return;
    }
    if (res.error.code === 'NOT_READY') {
      const fresh = await api.getHandoff(versionId);
      if (fresh.ok) {
        dispatch({ type: 'viewed', view: fresh.value });
        if (fresh.value.missingForReady.length) return dispatch({ type: 'ready-missing', missing: fresh.value.missingForReady });
      }
    }
    dispatch({ type: 'action-failed', error: editError(res.error) });
  };

  const onMarkReady = async () => {
    if (!view) return;
    dispatch({ type: 'action-cleared' });
    let current = view;
    if (editing) {
      const saved = await save(editing.baseRevision, 'mark-ready');
      if (!saved) return;
      finishEditing(saved, 'Handoff saved.');
      current = saved;
    }
    if (current.missingForReady.length > 0) return dispatch({ type: 'ready-missing', missing: current.missingForReady });
    await setStatus('ready', current);
  };

  /** A gate write answered with the gate's new state: the error to show, or null (the page shows `notice`). */
  const gateChanged = (res: Result<GateView>, notice: string): ResolverError | null => {
    if (!res.ok) return res.error;
    dispatch({ type: 'gate-changed', gate: res.value, notice });
    return null;
  };

  return {
    state,
    l3,
    extras,
    onSupport: (support: SupportQuestionsView) => setExtras((e) => e && { ...e, support: { ok: true, value: support } }),
    onEdit: () => view?.handoff && startEditing(view.handoff.content, view.handoff.revision),
    onWrite: () => startEditing(emptyContent(), 0),
    onChange: (model: EditorModel) => dispatch({ type: 'edited', model }),
    onSave,
    onCancel,
    onKeepMine,
    onUseTheirs,
    onMarkReady,
    onBackToDraft: (from: HandoffView) => setStatus('draft', from),
    onRestore: () => dispatch({ type: 'draft-restored' }),
    onDiscardRestore: () => askDiscard('draft'),
    onConfirmDiscard,
    onCloseDiscard: () => dispatch({ type: 'discard-closed' }),
    onToggleExport: () => dispatch({ type: 'export-toggled' }),
    onView: (next: HandoffView) => dispatch({ type: 'viewed', view: next }),
    onOverride: async (reason: string) => gateChanged(await api.overrideGate(versionId, reason), 'Release gate overridden. The release can go out.'),
    onWithdraw: async () => gateChanged(await api.withdrawOverride(versionId), 'Override withdrawn. The release gate applies again.'),
    onMoveRollout: async (from: HandoffView, stage: RolloutStage, learned: string): Promise<ResolverError | null> => {
      const res = await api.moveRollout({ versionId, baseRevision: from.revisions.rollout, to: stage, learned });
      if (!res.ok) return editError(res.error);
      dispatch({ type: 'viewed', view: res.value, notice: `Rollout moved to ${stageLabel(stage)}.` });
      return null;
    },
  };
}
