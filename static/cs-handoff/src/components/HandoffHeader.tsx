/** Version name, release date, handoff state, who changed it last, and the status actions. */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import type { HandoffView } from '../../../../src/contract';
import { formatInstant, formatReleaseDate } from '../format';
import { StateLozenge } from './StateLozenge';

interface Props {
  view: HandoffView;
  editing: boolean;
  busy: boolean;
  onEdit(): void;
  onMarkReady(): void;
  onBackToDraft(): void;
}

export function HandoffHeader({ view, editing, busy, onEdit, onMarkReady, onBackToDraft }: Props) {
  const { version, handoff, state, capabilities } = view;
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
            {handoff && (
              <span data-testid="revision-info">
                Revision {handoff.revision} · Last changed by {handoff.updatedBy.displayName}, {formatInstant(handoff.updatedAt)}
              </span>
            )}
          </div>
          {isReady && handoff?.readyAt && <p className="helper">Ready since {formatInstant(handoff.readyAt)}.</p>}
        </div>
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
    </header>
  );
}
