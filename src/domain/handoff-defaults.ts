/**
 * Handoff values that need no zod: kept apart from handoff.ts (which builds the schemas at load) so the
 * UI's start-up bundle can use them without pulling zod in.
 */
import type { HandoffContent } from './handoff';

export function emptyContent(): HandoffContent {
  return {
    whatsNew: '',
    happyPath: [],
    limitations: [],
    noKnownLimitations: false,
    questions: [],
    escalation: { l1LookUp: '', l2Reproduce: '' },
    dashboardUrl: '',
  };
}
