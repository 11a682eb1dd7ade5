import { type HandoffContent, type StoredHandoff } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';

/** A handoff that satisfies every readiness rule. */
export function completeContent(overrides: Partial<HandoffContent> = {}): HandoffContent {
  return {
    whatsNew: 'Shoppers can now pay with a gift card at checkout.',
    happyPath: ['Gal opens the cart', 'Gal enters the gift-card code', 'The total drops by the card balance'],
    limitations: ['Not yet available in Hebrew'],
    noKnownLimitations: false,
    questions: [{ question: 'Can I turn this off?', answer: 'No, it is not optional in this release.' }],
    escalation: { l1LookUp: 'Search the order in Admin > Orders.', l2Reproduce: 'Use the staging card 4000-0000.' },
    dashboardUrl: 'https://dashboards.example.com/gift-cards',
    ...overrides,
  };
}

export function storedHandoff(overrides: Partial<StoredHandoff> = {}): StoredHandoff {
  return {
    schemaVersion: 1,
    versionId: '10002',
    projectId: '10000',
    content: emptyContent(),
    status: 'draft',
    readyAt: null,
    revision: 1,
    updatedAt: '2026-07-01T10:00:00.000Z',
    updatedBy: { accountId: 'acc-po', displayName: 'Priya Patel' },
    ...overrides,
  };
}
