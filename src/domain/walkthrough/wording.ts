/**
 * The words for each handoff section a walkthrough question can be answered in. No zod (only types are
 * imported), so the UI can use the same words as the domain's rules without loading the schemas.
 */
import type { AnswerSection } from './schema';

export const SECTION_WORDS: Record<AnswerSection, string> = {
  whatsNew: "What's new",
  happyPath: 'Happy path',
  limitations: 'Known limitations',
  questions: 'Likely questions',
  escalation: 'Escalation path',
  dashboard: 'Dashboard link',
};
