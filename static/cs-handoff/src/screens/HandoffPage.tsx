/** "/version/<id>" — read one release's CS handoff; editors write it, save it and mark it ready. */
import { lazy, Suspense, useLayoutEffect } from 'react';
import type { DraftOwner } from '../draft-storage';
import { toContent } from '../editor-model';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ConflictView } from '../components/ConflictView';
import { ErrorMessage } from '../components/ErrorMessage';
import { SuccessNotice } from '../components/SuccessNotice';
import { HandoffHeader } from '../components/HandoffHeader';
import { HandoffReader } from '../components/HandoffReader';
import { LaterSection } from '../components/LaterSection';
import { Loading } from '../components/Loading';
import { ReadyWarning } from '../components/ReadyWarning';
import { L3Panel } from '../escalation/L3Panel';
import { GatePanel } from '../gate/GatePanel';
import { UnsettledBanner } from '../living/UnsettledBanner';
import { NoHandoffYet } from './handoff-page/NoHandoffYet';
import { RestoreDraftNotice } from './handoff-page/RestoreDraftNotice';
import { SaveError } from './handoff-page/SaveError';
import { useHandoffPage } from './handoff-page/useHandoffPage';

const HandoffEditor = lazy(() => import('../editor/HandoffEditor'));
// The living parts of the handoff load after the page's first render (LaterSection), never in front of
// it; each stands in as a skeleton of about its usual height meanwhile (px, the sections at rest).
const RolloutSection = lazy(() => import('../living/RolloutSection'));
const WalkthroughSection = lazy(() => import('../living/WalkthroughSection'));
const ExportPanel = lazy(() => import('../living/ExportPanel'));
const StageSignals = lazy(() => import('../living/StageSignals'));
const SupportQuestionsSection = lazy(() => import('../living/SupportQuestionsSection'));
export const HANDOFF_RENDER_MARK = 'cs-handoff:handoff-page-render';
const SKELETON_PX = { rollout: 120, signals: 280, walkthrough: 130, support: 120 };
// The modal dialog's code loads only when someone is about to discard text.
const ConfirmDialog = lazy(() => import('../components/ConfirmDialog'));

export function HandoffPage({ versionId, draftOwner }: { versionId: string; draftOwner: DraftOwner }) {
  const page = useHandoffPage(versionId, draftOwner);
  const { view, loadError, editing, busy, actionError, retryAs, readyMissing, restorable, discardAsk, dialogLoaded, notice, exportOpen } = page.state;
  const shown = view !== null;
  useLayoutEffect(() => {
    // The page's first render with its handoff: the bench counts the files asked for before it as the
    // page's start-up bytes (what LaterSection loads comes after it).
    if (shown) performance.mark(HANDOFF_RENDER_MARK);
  }, [shown]);

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
        onEdit={page.onEdit}
        onMarkReady={() => void page.onMarkReady()}
        onBackToDraft={() => void page.onBackToDraft(view)}
        exportOpen={exportOpen}
        onToggleExport={page.onToggleExport}
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
        <GatePanel gate={view.gate} canAdminister={view.capabilities.canAdminister} onOverride={page.onOverride} onWithdraw={page.onWithdraw} />
      )}
      {!editing && <UnsettledBanner count={view.unsettledQuestions ?? 0} />}
      <SuccessNotice notice={notice} testId="notice" />
      {readyMissing && readyMissing.length > 0 && <ReadyWarning missing={readyMissing} />}
      {actionError && <SaveError error={actionError} retryAs={retryAs} editing={Boolean(editing)} busy={busy} onRetry={(what) => void (what === 'save' ? page.onSave() : page.onMarkReady())} />}
      {restorable && canEdit && !editing && <RestoreDraftNotice draft={restorable} onRestore={page.onRestore} onDiscard={page.onDiscardRestore} />}
      {editing?.conflict && (
        <ConflictView
          theirs={editing.conflict.theirs}
          yours={toContent(editing.model, { dropEmpty: true })}
          sections={editing.conflict.sections}
          busy={busy}
          onKeepMine={() => void page.onKeepMine()}
          onUseTheirs={() => void page.onUseTheirs()}
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
            onConfirm={page.onConfirmDiscard}
            onCancel={page.onCloseDiscard}
            testId="discard-dialog"
          />
        </Suspense>
      )}
      <div data-testid="handoff-body">
        {editing ? (
          <Suspense fallback={<Loading label="Loading editor" />}>
            <HandoffEditor model={editing.model} saving={busy} serverFields={actionError?.fields} onChange={page.onChange} onSave={() => void page.onSave()} onCancel={page.onCancel} />
          </Suspense>
        ) : view.handoff ? (
          <HandoffReader content={view.handoff.content} l3Slot={<L3Panel l3={page.l3} content={view.handoff.content} canFile={!(canEdit && view.handoff.status === 'draft')} />} />
        ) : null}
        {!editing && view.handoff && (
          <>
            <LaterSection label="rollout" minHeight={SKELETON_PX.rollout}>
              <RolloutSection rollout={view.rollout} canEdit={canEdit} onMove={(stage, learned) => page.onMoveRollout(view, stage, learned)} />
            </LaterSection>
            {page.extras && (
              <LaterSection label="signals per rollout stage" minHeight={SKELETON_PX.signals}>
                <StageSignals signals={page.extras.signals} />
              </LaterSection>
            )}
            <LaterSection label="CS walkthrough" minHeight={SKELETON_PX.walkthrough}>
              <WalkthroughSection view={view} onView={page.onView} />
            </LaterSection>
            {page.extras && (
              <LaterSection label="questions from support" minHeight={SKELETON_PX.support}>
                <SupportQuestionsSection view={view} support={page.extras.support} onSupport={page.onSupport} />
              </LaterSection>
            )}
          </>
        )}
        {!editing && !view.handoff && <NoHandoffYet canEdit={canEdit} onWrite={page.onWrite} />}
      </div>
    </div>
  );
}
