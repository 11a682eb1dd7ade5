import type { HandoffContent, StoredHandoff } from '#domain/handoff';
import type { HandoffExportInput } from '#domain/living/export-common';

/**
 * A handoff with every section filled, written the way a PO would, including characters Markdown or
 * XML would otherwise read as markup (`*`, `_`, `#` and numbers at line start, `<`, `[`, backticks,
 * `|`, `&`, quotes).
 */
export function fullContent(): HandoffContent {
  return {
    whatsNew:
      'Shoppers can now pay with a gift card at checkout. The card balance comes off the total *before* tax, and whatever is left stays on the card for next time.\n\n' +
      'The old "Promo code" box is now called "Gift card or promo code" — same place, same field.',
    happyPath: [
      'Gal opens the cart and clicks Checkout.',
      'Gal types the 16-digit code into "Gift card or promo code" and clicks Apply.',
      'The total drops by the card balance (a $50 card on a $30 order leaves $20 on the card).',
      'Gal clicks Pay; the receipt shows the gift card as its own line.',
    ],
    limitations: [
      'Not yet available in Hebrew.',
      'Not yet supported on tablets.',
      'One gift card per order: a second card replaces the first.',
      'Cards with the old *_LEGACY_* prefix are refused; support can swap them for new ones.',
    ],
    noKnownLimitations: false,
    questions: [
      { question: 'How do I turn this off?', answer: "It's not optional this release." },
      { question: 'Will I get the old promo-code box back?', answer: 'No, unless the signal reading shows we should.' },
      {
        question: 'Why does the receipt say `GC|50`?',
        answer: 'That is the gift-card line: GC, then the amount taken. Q&A for finance: it is not a discount, so it is not in the <Discounts> total.',
      },
      {
        question: 'A customer pasted [x](javascript:alert(1)) into the code field. Is that a problem?',
        answer: 'No. The field only accepts letters and digits; anything else shows "Code not recognised".\n<script>alert(1)</script> is stored and shown as plain text.',
      },
    ],
    escalation: {
      l1LookUp: 'Search the order in Admin > Orders and open Payments. The gift-card line shows the last 4 digits of the card & the amount taken.',
      l2Reproduce:
        "1. Log in to staging as cs_test@example.com\n2. Add any item to the cart\n3. Apply the staging card 4000-0000-0000-0002 (balance $50)\n4. Pay, then compare the receipt with the customer's\n\n# If the total differs, note both order numbers.",
    },
    dashboardUrl: 'https://dashboards.example.com/d/gift-cards?from=now-7d&var-release=2.4',
  };
}

export function fullStoredHandoff(content: HandoffContent = fullContent()): StoredHandoff {
  return {
    schemaVersion: 1,
    versionId: '10002',
    projectId: '10000',
    content,
    status: 'ready',
    readyAt: '2026-07-06T09:30:00.000Z',
    revision: 7,
    updatedAt: '2026-07-09T14:05:00.000Z',
    updatedBy: { accountId: 'acc-po', displayName: 'Priya Patel' },
  };
}

export function exportInput(overrides: Partial<HandoffExportInput> = {}): HandoffExportInput {
  return {
    projectKey: 'SHOP',
    versionName: 'Gift cards 2.4',
    releaseDate: '2026-07-15',
    handoff: fullStoredHandoff(),
    rolloutStageLabel: '5%',
    handoffUrl: 'https://acme.atlassian.net/jira/software/projects/SHOP/apps/cs-handoff/versions/10002',
    ...overrides,
  };
}
