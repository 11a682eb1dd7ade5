import { Lozenge, type LozengeAppearance as ThemeAppearance } from './TokenLook';
import type { HandoffState } from '../../../../src/contract';

const LOOK: Record<HandoffState, { appearance: ThemeAppearance; label: string }> = {
  missing: { appearance: 'removed', label: 'Missing' },
  draft: { appearance: 'default', label: 'Draft' },
  ready: { appearance: 'success', label: 'Ready' },
  late: { appearance: 'moved', label: 'Late' },
  released: { appearance: 'inprogress', label: 'Released' },
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
