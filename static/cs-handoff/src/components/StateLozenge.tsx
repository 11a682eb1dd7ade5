import { Lozenge, type LozengeAppearance as ThemeAppearance } from './TokenLook';
import type { HandoffState } from '#contract';

// The host's words for status colours: grey to do, blue in progress, green done (Jira's "Released"
// version lozenge is green too), yellow for a handoff that came too late.
const LOOK: Record<HandoffState, { appearance: ThemeAppearance; label: string }> = {
  missing: { appearance: 'default', label: 'Missing' },
  draft: { appearance: 'inprogress', label: 'Draft' },
  ready: { appearance: 'success', label: 'Ready' },
  late: { appearance: 'moved', label: 'Late' },
  released: { appearance: 'success', label: 'Released' },
  'no-handoff': { appearance: 'default', label: 'No handoff' },
};

export function stateLabel(state: HandoffState): string {
  return LOOK[state].label;
}

export function StateLozenge({ state, testId }: { state: HandoffState; testId?: string }) {
  const look = LOOK[state] ?? LOOK.missing;
  return (
    <Lozenge appearance={look.appearance} testId={testId}>
      {look.label}
    </Lozenge>
  );
}
