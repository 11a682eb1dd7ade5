/**
 * The handoff's sections as people read them: one title each, used by the handoff page, the editor,
 * the conflict view, the history, the exports, the L3 bug and the issue card. No zod, so the UI's
 * bundles import it directly.
 */

export const SECTION_TITLES = {
  whatsNew: "What's new",
  happyPath: 'Happy path',
  limitations: 'Known limitations',
  questions: 'Likely questions',
  escalation: 'Escalation path',
  dashboard: 'Dashboard link',
} as const;

/** The escalation path's two written parts (L3 is the app's own: file a bug). */
export const ESCALATION_TITLES = {
  l1: 'L1: how to look it up',
  l2: 'L2: how to reproduce',
} as const;

/** One item of a section, as an L3 bug or a search hit names where it came from. */
export const ITEM_TITLES = {
  step: 'Happy path step',
  limitation: 'Known limitation',
  question: 'Likely question',
} as const;
