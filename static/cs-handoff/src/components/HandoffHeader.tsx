/** Version name, release date, handoff state, who changed it last, and the status actions. */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import type { HandoffView } from '../../../../src/contract';
import { formatInstant, formatReleaseDate } from '../format';
import { StateLozenge } from './StateLozenge';
import { RolloutBadge } from '../living/RolloutBadge';
import { AppLink, paths } from '../routes';

interface Props {
  view: HandoffView;
  editing: boolean;
  busy: boolean;
  onEdit(): void;
  onMarkReady(): void;
  onBackToDraft(): void;
  /** Whether the Export panel is open (it is shown under the header by the page). */
  exportOpen: boolean;
  onToggleExport(): void;
}

export function HandoffHeader({ view, editing, busy, onEdit, onMarkReady, onBackToDraft, exportOpen, onToggleExport }: Props) {
  const { version, handoff, state, capabilities } = view;
  const stage = view.rollout?.stage ?? handoff?.rollout?.stage ?? 'not-started';
  const isReady = handoff?.status === 'ready';
  return (
    <header className="page-header">
      <div className="row-between">
        <div>
          <Heading size="large" as="h1" id="page-title" testId="version-name">
            {version.name}
          </Heading>
          <div className="meta">
            <span data-testid="release-date">Release date: {formatReleaseDate(version.releaseDate)}</span>
            <span>
              <span className="visually-hidden">Handoff state: </span>
              <StateLozenge state={state} testId="handoff-state" />
            </span>
            {handoff && <RolloutBadge stage={stage} />}
            {handoff && (
              <span data-testid="revision-info">
                Revision {handoff.revision} · Last changed by {handoff.updatedBy.displayName}, {formatInstant(handoff.updatedAt)}
              </span>
            )}
          </div>
          {isReady && handoff?.readyAt && <p className="helper">Ready since {formatInstant(handoff.readyAt)}.</p>}
        </div>
        <div className="row">
          {handoff && !editing && (
            <div className="row" data-testid="page-actions">
              <AppLink to={paths.history(version.id)} testId="open-history" className="header-link">
                History
              </AppLink>
              <Button appearance="subtle" onClick={onToggleExport} aria-expanded={exportOpen} aria-controls="export-region" testId="export-toggle">
                Export
              </Button>
            </div>
          )}
          {capabilities.canEdit && (
            <div className="row" data-testid="status-actions">
              {!editing && handoff && (
                <Button onClick={onEdit} isDisabled={busy} testId="edit-handoff">
                  Edit handoff
                </Button>
              )}
              {isReady ? (
                <Button onClick={onBackToDraft} isDisabled={busy} testId="back-to-draft">
                  Back to draft
                </Button>
              ) : (
                (handoff || editing) && (
                  <Button appearance="primary" onClick={onMarkReady} isDisabled={busy} testId="mark-ready">
                    {editing ? 'Save and mark ready' : 'Mark ready'}
                  </Button>
                )
              )}
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
