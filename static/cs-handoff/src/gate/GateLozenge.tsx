import { Lozenge, type LozengeAppearance as ThemeAppearance } from '../components/TokenLook';
import type { GateState } from '#contract';

const LOOK: Record<GateState, { appearance: ThemeAppearance; label: string; meaning: string }> = {
  ok: { appearance: 'success', label: 'OK', meaning: 'the handoff was ready on time; the release can go out' },
  missing: { appearance: 'default', label: 'Missing', meaning: 'no ready handoff yet; the deadline is not near' },
  'due-soon': { appearance: 'moved', label: 'Due soon', meaning: 'the handoff deadline is in the next few days' },
  overdue: { appearance: 'removed', label: 'Overdue', meaning: 'the handoff deadline has passed; releasing will be blocked' },
  late: { appearance: 'removed', label: 'Late', meaning: 'the handoff became ready after its deadline; releasing will be blocked' },
  overridden: { appearance: 'new', label: 'Overridden', meaning: 'a project admin let this release through' },
};

export function gateLabel(state: GateState): string {
  return (LOOK[state] ?? LOOK.missing).label;
}

export function GateLozenge({ state, testId }: { state: GateState; testId?: string }) {
  const look = LOOK[state] ?? LOOK.missing;
  return (
    <span title={`Release gate: ${look.label} (${look.meaning})`}>
      <Lozenge appearance={look.appearance} testId={testId}>
        {look.label}
      </Lozenge>
    </span>
  );
}
