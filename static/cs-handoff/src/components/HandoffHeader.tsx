/**
 * The design system's page header pattern (breadcrumbs above, set by the page): the title with the page's
 * actions on its right, and a bottom bar of facts: release date, handoff state, the deadline ("Ready by")
 * or when it became ready, the rollout stage, the revision and who changed it last.
 */
import Button from '@atlaskit/button/new';
import type { HandoffView } from '#contract';
import { formatInstant, formatReleaseDate } from '../format';
import { StateLozenge } from './StateLozenge';
import { Heading } from './TokenLook';
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
    <header className="page-header" data-testid="page-header">
      <div className="page-header-main">
        <Heading size="large" as="h1" id="page-title" testId="version-name">
          {version.name}
        </Heading>
        <div className="page-header-actions">
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
      <dl className="page-header-meta" data-testid="handoff-meta">
        <div>
          <dt>Release date</dt>
          <dd data-testid="release-date">{formatReleaseDate(version.releaseDate)}</dd>
        </div>
        <div>
          <dt>Handoff</dt>
          <dd>
            <StateLozenge state={state} testId="handoff-state" />
          </dd>
        </div>
        {isReady && handoff?.readyAt ? (
          <div>
            <dt>Ready since</dt>
            <dd data-testid="ready-since">{formatInstant(handoff.readyAt)}</dd>
          </div>
        ) : (
          !version.released &&
          view.gate.deadline && (
            <div>
              <dt>Ready by</dt>
              {/* The deadline is a day in the site's calendar (the gate's): say which, so nobody counts in their own. */}
              <dd data-testid="ready-by">
                {formatReleaseDate(view.gate.deadline)} <span>({view.timeZone.replace(/_/g, ' ')} time)</span>
              </dd>
            </div>
          )
        )}
        {handoff && (
          <div>
            <dt>Rollout</dt>
            <dd>
              <RolloutBadge stage={stage} />
            </dd>
          </div>
        )}
        {handoff && (
          <div>
            <dt>Last changed</dt>
            <dd data-testid="revision-info">
              Revision {handoff.revision} · Last changed by {handoff.updatedBy.displayName}, {formatInstant(handoff.updatedAt)}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
