/**
 * The release gate on a handoff page: why a release was blocked and what clears it, the deadline when it
 * is close or past, and (for project admins) overriding the gate with a recorded reason, or withdrawing it.
 */
import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import { SectionMessage } from '../components/TokenSectionMessage';
import type { GateView, ResolverError } from '#contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatInstant, formatReleaseDate } from '../format';
import { asResult, useAction } from '../hooks/useAction';

const OverrideForm = lazy(() => import('./OverrideForm'));

const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
const personName = (p: { accountId: string; displayName?: string | undefined }) => p.displayName || 'Someone';

function ClearBy({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div data-testid="gate-clear-by">
      <p>
        <strong>To release it, any one of these is enough:</strong>
      </p>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{capitalize(item)}</li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  gate: GateView;
  canAdminister: boolean;
  /** Calls the resolver; resolves to an error to show, or null when it worked (the page refreshes itself). */
  onOverride(reason: string): Promise<ResolverError | null>;
  onWithdraw(): Promise<ResolverError | null>;
}

export function GatePanel({ gate, canAdminister, onOverride, onWithdraw }: Props) {
  const [formOpen, setFormOpen] = useState(false);
  const { busy, error, run } = useAction();
  const { state, latestBlock, override, deadline, clearBy } = gate;
  const closed = state !== 'ok' && state !== 'overridden';
  const blocked = Boolean(latestBlock) && closed;
  const canOverride = canAdminister && closed && !override;

  const confirm = async (reason: string) => {
    const res = await run(() => asResult(onOverride(reason)));
    if (res.ok) setFormOpen(false);
  };
  const withdraw = async () => {
    await run(() => asResult(onWithdraw()));
  };

  const overrideButton = canOverride && !formOpen && (
    <Button appearance="warning" onClick={() => setFormOpen(true)} isDisabled={busy} testId="gate-override-open">
      Override gate
    </Button>
  );

  return (
    <div className="stack-sm gate" data-testid="gate-panel" data-gate-state={state}>
      {blocked && latestBlock && (
        <div role="alert" data-testid="gate-blocked">
          <SectionMessage appearance="error" title={`Release blocked: ${latestBlock.reason}`}>
            <div className="stack-sm">
              <p data-testid="gate-blocked-who">
                {personName(latestBlock.releasedBy)} tried to release it on {formatInstant(latestBlock.at)}; CS Handoff put it back to unreleased.
              </p>
              {latestBlock.unreleaseFailed && (
                <p data-testid="gate-unrelease-failed">
                  <strong>Jira did not let the app put it back:</strong> {latestBlock.unreleaseFailed} The version is still released in Jira.
                </p>
              )}
              <ClearBy items={clearBy} />
              {overrideButton}
            </div>
          </SectionMessage>
        </div>
      )}
      {!blocked && (state === 'due-soon' || state === 'overdue' || state === 'late') && (
        <div data-testid="gate-warning">
          <SectionMessage
            appearance="warning"
            title={
              state === 'due-soon'
                ? `Handoff due by ${formatReleaseDate(deadline)}`
                : state === 'overdue'
                  ? `Handoff overdue since ${formatReleaseDate(deadline)}`
                  : `Handoff was ready after its deadline (${formatReleaseDate(deadline)})`
            }
          >
            <div className="stack-sm">
              <p>{state === 'due-soon' ? 'The CS handoff must be ready by then, or releasing this version will be blocked.' : 'Releasing this version now will be blocked.'}</p>
              <ClearBy items={clearBy} />
              {overrideButton}
            </div>
          </SectionMessage>
        </div>
      )}
      {!blocked && state === 'missing' && (
        <p data-testid="gate-ready-by">
          <strong>Ready by {formatReleaseDate(deadline)}</strong>: the CS handoff must be marked ready by then, or releasing this version will be blocked.
        </p>
      )}
      {!blocked && state === 'missing' && canOverride && !formOpen && <div className="row">{overrideButton}</div>}
      {override && (
        <div data-testid="gate-override">
          <SectionMessage appearance="discovery" title="Release gate overridden">
            <div className="stack-sm">
              <p data-testid="gate-override-who">
                {personName(override.by)} overrode the gate on {formatInstant(override.at)}.
              </p>
              <blockquote className="gate-reason" data-testid="gate-override-reason">
                {override.reason}
              </blockquote>
              {canAdminister && (
                <div>
                  <Button onClick={() => void withdraw()} isDisabled={busy} isLoading={busy} testId="gate-withdraw">
                    Withdraw override
                  </Button>
                </div>
              )}
            </div>
          </SectionMessage>
        </div>
      )}
      {formOpen && (
        <Suspense fallback={<Loading label="Loading form" />}>
          <OverrideForm busy={busy} onConfirm={(reason) => void confirm(reason)} onCancel={() => setFormOpen(false)} />
        </Suspense>
      )}
      {error && <ErrorMessage error={error} testId="gate-error" />}
    </div>
  );
}
