/** "/version/<id>" — read one release's CS handoff; editors write it, save it and mark it ready. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { SectionMessage } from '../components/TokenSectionMessage';
import type { HandoffView, ResolverError, SaveConflict } from '../../../../src/contract';
import type { HandoffContent } from '../../../../src/domain/handoff';
import { takeHandoffPage } from '../first-load';
import { api } from '../api';
import { draftStore, type DraftOwner, type StoredDraft } from '../draft-storage';
import { emptyContent } from '../../../../src/domain/handoff-defaults';
import { sameContent, toContent, toModel, type EditorModel } from '../editor-model';
import { formatInstant } from '../format';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ConflictView } from '../components/ConflictView';
import { ErrorMessage, isRetryable } from '../components/ErrorMessage';
import { SuccessNotice } from '../components/SuccessNotice';
import { HandoffHeader } from '../components/HandoffHeader';
import { HandoffReader } from '../components/HandoffReader';
import { Loading } from '../components/Loading';
import { ReadyWarning } from '../components/ReadyWarning';
import { L3Panel } from '../escalation/L3Panel';
import { GatePanel } from '../gate/GatePanel';
import { useL3 } from '../escalation/useL3';
import { UnsettledBanner } from '../living/UnsettledBanner';
import { stageLabel } from '../../../../src/domain/living/rollout-stages';

const HandoffEditor = lazy(() => import('../editor/HandoffEditor'));
// The living parts of the handoff load beside it, never in front of it.
const RolloutSection = lazy(() => import('../living/RolloutSection'));
const WalkthroughSection = lazy(() => import('../living/WalkthroughSection'));
const ExportPanel = lazy(() => import('../living/ExportPanel'));
// The modal dialog's code loads only when someone is about to discard text.
const ConfirmDialog = lazy(() => import('../components/ConfirmDialog'));

const FORBIDDEN_EDIT = "You don't have permission to edit this handoff.";

/** The editor's session: what it started from, and what is typed now. */
interface Editing {
  baseRevision: number;
  model: EditorModel;
}

/** Moves focus to a heading after a mode change, so keyboard and screen-reader users follow along. */
function focusById(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
  });
}

function editError(error: ResolverError): ResolverError {
  return error.code === 'FORBIDDEN' ? { ...error, message: FORBIDDEN_EDIT } : error;
}

export function HandoffPage({ versionId, draftOwner }: { versionId: string; draftOwner: DraftOwner }) {
  const [view, setView] = useState<HandoffView | null>(null);
  const [loadError, setLoadError] = useState<ResolverError | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ResolverError | null>(null);
  /** What "Try again" repeats after a save Jira did not take (the typed text stays in the editor). */
  const [retryAs, setRetryAs] = useState<'save' | 'mark-ready' | null>(null);
  const [readyMissing, setReadyMissing] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [restorable, setRestorable] = useState<StoredDraft | null>(null);
  /** Which unsaved text the discard dialog is asking about; null while it is closed. */
  const [discardAsk, setDiscardAsk] = useState<'editor' | 'draft' | null>(null);
  const [dialogLoaded, setDialogLoaded] = useState(false);
  const [notice, setNotice] = useState('');
  const [exportOpen, setExportOpen] = useState(false);
  const drafts = useMemo(() => draftStore(draftOwner), [draftOwner])
  // The L3 count comes with the handoff (one invocation for the page); a failed count never hides it.
  const l3 = useL3(versionId);
  const acceptL3 = l3.accept;

  const storedContent = (v: HandoffView | null): HandoffContent => v?.handoff?.content ?? emptyContent();

  // Load the handoff, and offer any unsaved text left from an earlier visit.
  useEffect(() => {
    let live = true;
    setView(null);
    setLoadError(null);
    setEditing(null);
    // The entry module may have asked already, before React rendered (see first-load.ts).
    void takeHandoffPage(versionId).then((res) => {
      if (!live) return;
      if (!res.ok) return setLoadError(res.error);
      const loaded = res.value.handoff;
      setView(loaded);
      acceptL3(res.value.l3);
      const draft = loaded.capabilities.canEdit ? drafts.load(versionId) : null;
      if (draft && !sameContent(draft.content, storedContent(loaded))) setRestorable(draft);
      else if (draft) drafts.clear(versionId);
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

  const focusTitle = () => focusById('page-title');

  const startEditing = (content: HandoffContent, baseRevision: number) => {
    setEditing({ baseRevision, model: toModel(content) });
    setReadyMissing(null);
    setActionError(null);
    setNotice('');
    // The editor puts focus on its first field when it opens (it loads lazily, so it knows when it is there).
  };

  const finishEditing = (next: HandoffView, message: string) => {
    setView(next);
    setEditing(null);
    setConflict(null);
    drafts.clear(versionId);
    // The save may have done more than asked (a ready handoff missing required parts goes back to draft).
    setNotice(next.notice ?? message);
    focusTitle();
  };

  /** Saves what is in the editor against `baseRevision`; returns the new view, or null (error shown). */
  const save = useCallback(
    async (baseRevision: number, retry: 'save' | 'mark-ready' | null = null): Promise<HandoffView | null> => {
      if (!editing) return null;
      setBusy(true);
      setActionError(null);
      setRetryAs(null);
      setNotice('');
      const res = await api.saveHandoff({ versionId, baseRevision, content: toContent(editing.model, { dropEmpty: true }) });
      setBusy(false);
      if (res.ok) return res.value;
      if (res.error.code === 'CONFLICT' && res.error.conflict) {
        const { yours } = res.error.conflict;
        // "Yours" is their text where only they wrote and yours where you did: keeping it changes only your sections.
        setEditing((current) => (current ? { ...current, model: toModel(yours) } : current));
        setConflict(res.error.conflict);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="conflict-keep-mine"]')?.focus());
      } else {
        setActionError(editError(res.error));
        if (isRetryable(res.error)) setRetryAs(retry);
        // The draft is kept locally (every keystroke), so a reload offers it back even if Jira stays down.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="action-error"]')?.scrollIntoView({ block: 'center' }));
      }
      return null;
    },
    [editing, versionId],
  );

  const onSave = async () => {
    if (!editing) return;
    // Nothing typed (or nothing changed): no revision, no related-work link, nothing written.
    if (sameContent(toContent(editing.model, { dropEmpty: true }), storedContent(view))) {
      setEditing(null);
      setConflict(null);
      setActionError(null);
      drafts.clear(versionId);
      setNotice(view?.handoff ? 'Nothing changed, so nothing was saved.' : 'Nothing written yet, so nothing was saved.');
      focusTitle();
      return;
    }
    const next = await save(editing.baseRevision, 'save');
    if (next) finishEditing(next, 'Handoff saved.');
  };

  const onKeepMine = async () => {
    if (!editing || !conflict) return;
    const theirs = conflict.theirs.revision;
    setEditing({ ...editing, baseRevision: theirs });
    const next = await save(theirs);
    if (next) finishEditing(next, 'Your version was saved.');
  };

  const onUseTheirs = async () => {
    if (!conflict) return;
    setBusy(true);
    const res = await api.getHandoff(versionId);
    setBusy(false);
    drafts.clear(versionId);
    setConflict(null);
    if (res.ok) {
      setView(res.value);
      startEditing(storedContent(res.value), res.value.handoff?.revision ?? 0);
    } else {
      startEditing(conflict.theirs.content, conflict.theirs.revision);
      setActionError(res.error);
    }
  };

  const discardEditor = () => {
    setEditing(null);
    setConflict(null);
    setActionError(null);
    drafts.clear(versionId);
    focusTitle();
  };

  /** Discarding typed text always asks first, in a dialog over the page (never below the fold). */
  const askDiscard = (what: 'editor' | 'draft') => {
    setDialogLoaded(true);
    setDiscardAsk(what);
  };

  const onCancel = () => {
    if (editing && !sameContent(toContent(editing.model), storedContent(view))) return askDiscard('editor');
    discardEditor();
  };

  const onConfirmDiscard = () => {
    const what = discardAsk;
    setDiscardAsk(null);
    if (what === 'editor') discardEditor();
    else if (what === 'draft') {
      drafts.clear(versionId);
      setRestorable(null);
      focusTitle();
    }
  };

  const setStatus = async (status: 'draft' | 'ready', from: HandoffView) => {
    setBusy(true);
    const res = await api.setStatus({ versionId, baseRevision: from.handoff?.revision ?? 0, status });
    setBusy(false);
    if (res.ok) {
      setView(res.value);
      setNotice(status === 'ready' ? 'Handoff marked ready.' : 'Handoff moved back to draft.');
      return;
    }
    if (res.error.code === 'NOT_READY') {
      const fresh = await api.getHandoff(versionId);
      if (fresh.ok) {
        setView(fresh.value);
        if (fresh.value.missingForReady.length) return setReadyMissing(fresh.value.missingForReady);
      }
    }
    setActionError(editError(res.error));
  };

  const onMarkReady = async () => {
    if (!view) return;
    setActionError(null);
    setReadyMissing(null);
    setNotice('');
    let current = view;
    if (editing) {
      const saved = await save(editing.baseRevision, 'mark-ready');
      if (!saved) return;
      finishEditing(saved, 'Handoff saved.');
      current = saved;
    }
    if (current.missingForReady.length > 0) {
      setReadyMissing(current.missingForReady);
      return;
    }
    await setStatus('ready', current);
  };

  const onRestore = () => {
    if (!restorable) return;
    startEditing(restorable.content, restorable.baseRevision);
    setRestorable(null);
  };
  const onDiscardRestore = () => askDiscard('draft');

  if (loadError) {
    return (
      <div className="stack" data-testid="handoff-page">
        <Breadcrumbs current="Release" />
        <ErrorMessage error={loadError} />
      </div>
    );
  }
  if (!view) return <Loading label="Loading handoff" />;

  const canEdit = view.capabilities.canEdit;
  return (
    <div className="stack" data-testid="handoff-page">
      <Breadcrumbs current={view.version.name} />
      <HandoffHeader
        view={view}
        editing={Boolean(editing)}
        busy={busy}
        onEdit={() => view.handoff && startEditing(view.handoff.content, view.handoff.revision)}
        onMarkReady={() => void onMarkReady()}
        onBackToDraft={() => void setStatus('draft', view)}
        exportOpen={exportOpen}
        onToggleExport={() => setExportOpen((o) => !o)}
      />
      {exportOpen && view.handoff && !editing && (
        <div id="export-region">
          <Suspense fallback={<Loading label="Loading export" />}>
            <ExportPanel versionId={versionId} revision={view.handoff.revision} />
          </Suspense>
        </div>
      )}
      {/* A released version is past the gate, unless the app failed to put a blocked release back. */}
      {view.gate && (!view.version.released || view.gate.latestBlock?.unreleaseFailed) && (
        <GatePanel
          gate={view.gate}
          canAdminister={view.capabilities.canAdminister}
          onOverride={async (reason) => {
            const res = await api.overrideGate(versionId, reason);
            if (!res.ok) return res.error;
            setView((v) => (v ? { ...v, gate: res.value } : v));
            setNotice('Release gate overridden. The release can go out.');
            return null;
          }}
          onWithdraw={async () => {
            const res = await api.withdrawOverride(versionId);
            if (!res.ok) return res.error;
            setView((v) => (v ? { ...v, gate: res.value } : v));
            setNotice('Override withdrawn. The release gate applies again.');
            return null;
          }}
        />
      )}
      {!editing && <UnsettledBanner count={view.unsettledQuestions ?? 0} />}
      <SuccessNotice notice={notice} testId="notice" />
      {readyMissing && readyMissing.length > 0 && <ReadyWarning missing={readyMissing} />}
      {actionError && (
        <ErrorMessage
          error={actionError}
          testId="action-error"
          note={editing && retryAs ? 'Nothing you typed is lost: it stays in the editor, and on this device until it is saved.' : undefined}
          retry={
            editing && retryAs && !busy
              ? {
                  label: retryAs === 'save' ? 'Try saving again' : 'Try again: save and mark ready',
                  onRetry: () => void (retryAs === 'save' ? onSave() : onMarkReady()),
                  testId: 'action-error-retry',
                }
              : undefined
          }
        />
      )}
      {restorable && canEdit && !editing && (
        <div data-testid="restore-draft">
          <SectionMessage appearance="information" title="You have unsaved changes">
            <p>You were editing this handoff on {formatInstant(restorable.savedAt)} and didn't save.</p>
            <div className="row" style={{ marginTop: 8 }}>
              <Button appearance="primary" onClick={onRestore} testId="restore-draft-button">
                Restore unsaved changes
              </Button>
              <Button appearance="subtle" onClick={onDiscardRestore} testId="discard-draft-button">
                Discard them
              </Button>
            </div>
          </SectionMessage>
        </div>
      )}
      {conflict && editing && (
        <ConflictView
          theirs={conflict.theirs}
          yours={toContent(editing.model, { dropEmpty: true })}
          sections={conflict.sections}
          busy={busy}
          onKeepMine={() => void onKeepMine()}
          onUseTheirs={() => void onUseTheirs()}
        />
      )}
      {dialogLoaded && (
        <Suspense fallback={null}>
          <ConfirmDialog
            open={discardAsk !== null}
            title={discardAsk === 'draft' ? 'Discard your unsaved changes?' : 'Discard your changes?'}
            body={
              discardAsk === 'draft'
                ? 'The text you typed earlier and did not save will be deleted from this browser. This cannot be undone.'
                : 'What you typed since the last save will be lost. This cannot be undone.'
            }
            confirmLabel="Discard"
            cancelLabel={discardAsk === 'draft' ? 'Keep them' : 'Keep editing'}
            onConfirm={onConfirmDiscard}
            onCancel={() => setDiscardAsk(null)}
            testId="discard-dialog"
          />
        </Suspense>
      )}
      <div data-testid="handoff-body">
        {editing ? (
          <Suspense fallback={<Loading label="Loading editor" />}>
            <HandoffEditor
              model={editing.model}
              saving={busy}
              serverFields={actionError?.fields}
              onChange={(model) => setEditing((e) => (e ? { ...e, model } : e))}
              onSave={() => void onSave()}
              onCancel={onCancel}
            />
          </Suspense>
        ) : view.handoff ? (
          <HandoffReader
            content={view.handoff.content}
            l3Slot={
              <L3Panel l3={l3} content={view.handoff.content} canFile={!(canEdit && view.handoff.status === 'draft')} />
            }
          />
        ) : null}
        {!editing && view.handoff && (
          <Suspense fallback={<Loading label="Loading rollout and walkthrough" />}>
            <RolloutSection
              rollout={view.rollout}
              canEdit={canEdit}
              onMove={async (stage, learned) => {
                const res = await api.moveRollout({ versionId, baseRevision: view.revisions.rollout, to: stage, learned });
                if (!res.ok) return editError(res.error);
                setView(res.value);
                setNotice(`Rollout moved to ${stageLabel(stage)}.`);
                return null;
              }}
            />
            <WalkthroughSection view={view} onView={setView} />
          </Suspense>
        )}
        {!editing && !view.handoff && (
          <div data-testid="handoff-empty">
            <SectionMessage appearance="information" title="No handoff yet">
              <p>
                The PO writes the CS handoff a week before the release, so CS has time to absorb it before customers ask.
              </p>
              {canEdit && (
                <div style={{ marginTop: 8 }}>
                  <Button appearance="primary" onClick={() => startEditing(emptyContent(), 0)} testId="write-handoff">
                    Write handoff
                  </Button>
                </div>
              )}
            </SectionMessage>
          </div>
        )}
      </div>
    </div>
  );
}
