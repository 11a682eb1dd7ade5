import type { Db } from './db';
import { ALL, APP_ACCOUNT_ID, OPS_ID, PEOPLE, SHOP_ID, type Grant } from './seed';

/** The service project where customers' requests arrive (Jira Service Management). */
export const HELP_ID = 10020;
export const SERVICE_REQUEST_TYPE_ID = 10005;

/** A customer: reporter of the requests, never signed in on the site (not in the person picker). */
export const CUSTOMER = { accountId: 'qm:7c1d5e9a-3b2f-4a6c-8d0e-c0ffee000001', displayName: 'Dana Reyes', emailAddress: 'dana@customer.example' };

const id = (role: string): string => PEOPLE.find((p) => p.role === role)?.accountId ?? '';

function grants(): Grant[] {
  return [
    // The support agent reads HELP and SHOP, works on requests, links them and files bugs; edits nothing in SHOP.
    [id('support-agent'), HELP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'LINK_ISSUES']],
    [id('support-agent'), SHOP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES']],
    // Developers link issues in their own projects (Jira's default permission scheme).
    [id('po'), SHOP_ID, ['LINK_ISSUES']],
    [id('release-manager'), SHOP_ID, ['LINK_ISSUES']],
    [APP_ACCOUNT_ID, SHOP_ID, ALL],
    [APP_ACCOUNT_ID, OPS_ID, ALL],
    [APP_ACCOUNT_ID, HELP_ID, ALL],
  ];
}

const adf = (...paragraphs: string[]): string => JSON.stringify({ version: 1, type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** What customers wrote, in their words (some about the seeded SHOP releases: checkout, gift cards, saved carts). */
export const HELP_REQUESTS: { summary: string; description: string; daysAgo: number }[] = [
  {
    summary: 'Refund went to a gift card instead of my card',
    description: adf(
      'I returned order #48213 last week and the refund showed up as a gift card balance. I paid with my Visa and want the refund back on it.',
      'Can you move it, or do I have to spend the gift card?',
    ),
    daysAgo: 1,
  },
  {
    summary: 'Gift card balance not showing after redeeming',
    description: adf('I redeemed the gift card my sister sent me (code starts with GC-7Q). The site said it worked but my balance is still 0.'),
    daysAgo: 2,
  },
  {
    summary: 'Charged twice at checkout, please refund one',
    description: adf('I pressed Pay twice on the new one-page checkout and my bank shows two charges of 54.90.', 'Receipt: https://shop.example/orders/48190 - please refund the second one.'),
    daysAgo: 3,
  },
  {
    summary: 'Saved cart empty after logging out',
    description: adf('I had six things in my cart on my phone. I logged out, logged in on my laptop and the cart is empty. Is saving carts not working yet?'),
    daysAgo: 4,
  },
  {
    summary: 'Can I send a gift card to a friend abroad?',
    description: adf('My friend lives in Portugal. Can I buy a gift card here and send it to her email, and can she use it on the Portuguese shop?'),
    daysAgo: 5,
  },
  {
    summary: 'Old address chosen at checkout',
    description: adf('Checkout picked my old saved address and I did not notice. The parcel went to my previous flat. How do I change the default address?'),
    daysAgo: 6,
  },
];

/**
 * Adds the service project, its requests, the support agent and the link-issue grants when they are
 * missing: a data folder made before they existed gets them on the next start, and nothing a person
 * typed there is touched.
 */
export function seedServiceDeskIfMissing(db: Db, now: Date): void {
  db.transaction(() => {
    const person = db.prepare('INSERT OR IGNORE INTO people (account_id, display_name, email, role) VALUES (?, ?, ?, ?)');
    for (const p of PEOPLE) person.run(p.accountId, p.displayName, p.emailAddress, p.role);
    person.run(CUSTOMER.accountId, CUSTOMER.displayName, CUSTOMER.emailAddress, 'customer');

    const hasHelp = db.prepare('SELECT 1 FROM projects WHERE id = ?').get(HELP_ID) !== undefined;
    if (!hasHelp) {
      db.prepare('INSERT INTO projects (id, key, name, description, project_type_key, lead_account_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        HELP_ID,
        'HELP',
        'Help Center',
        "Customers' requests to the shop's support team.",
        'service_desk',
        id('support-agent'),
      );
      db.prepare('INSERT OR IGNORE INTO issue_types (id, name, description) VALUES (?, ?, ?)').run(SERVICE_REQUEST_TYPE_ID, 'Service request', 'A request from a customer.');
      db.prepare('INSERT OR IGNORE INTO project_issue_types (project_id, issue_type_id) VALUES (?, ?)').run(HELP_ID, SERVICE_REQUEST_TYPE_ID);
      const nextId = (db.prepare('SELECT COALESCE(MAX(id), 10099) + 1 AS id FROM issues').get() as { id: number }).id;
      const insert = db.prepare(
        `INSERT INTO issues (id, project_id, number, key, issue_type_id, summary, description, labels, versions, fix_versions, priority_id, reporter, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', '[]', '3', ?, ?)`,
      );
      HELP_REQUESTS.forEach((r, i) => {
        const created = new Date(now.getTime() - r.daysAgo * 86_400_000).toISOString();
        insert.run(nextId + i, HELP_ID, i + 1, `HELP-${i + 1}`, SERVICE_REQUEST_TYPE_ID, r.summary, r.description, CUSTOMER.accountId, created);
      });
    }
    const grant = db.prepare('INSERT OR IGNORE INTO grants (account_id, project_id, permission) VALUES (?, ?, ?)');
    for (const [accountId, projectId, permissions] of grants()) {
      for (const permission of permissions) grant.run(accountId, projectId, permission);
    }
  })();
}
