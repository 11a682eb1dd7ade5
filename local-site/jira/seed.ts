import type { Db } from './db';
import { addDays, todayIn } from './dates';
import type { Person, ProjectPermissionKey } from './types';

/** Fixed so that cookies, bookmarks and stored data stay valid across restarts and fresh data folders. */
export const APP_ACCOUNT_ID = '712020:0c5a9d3e-7b41-4f2a-9e6d-a11c0ffe0001';

export const PEOPLE: Person[] = [
  { accountId: '712020:2f1c9a1e-5d3b-4c8e-9a7f-0b1d2e3f4a01', displayName: 'Priya Patel', emailAddress: 'priya@shop.example', role: 'po' },
  { accountId: '712020:8e4d2b6a-1f9c-4a3e-b5d7-c2e1f0a9b802', displayName: 'Carlos Mendes', emailAddress: 'carlos@shop.example', role: 'cs-lead' },
  { accountId: '712020:5a7c3e9b-2d4f-4b1a-8c6e-d3f2a1b0c903', displayName: 'Ana Silva', emailAddress: 'ana@shop.example', role: 'cs-agent' },
  { accountId: '712020:c1b9e7d5-3a2f-4e8c-9d1b-e4a3b2c1d004', displayName: 'Rita Okafor', emailAddress: 'rita@shop.example', role: 'release-manager' },
  { accountId: '712020:9d3f1a7c-4b5e-4c2d-a8f9-f5b4c3d2e105', displayName: 'Otto Berg', emailAddress: 'otto@shop.example', role: 'outsider' },
  { accountId: '712020:4e8a2c6d-9b1f-4d3a-b7e5-a6c5d4e3f206', displayName: 'Sam Support', emailAddress: 'sam@shop.example', role: 'support-agent' },
];

export const APP_DISPLAY_NAME = 'CS Handoff (app)';

export const SHOP_ID = 10000;
export const OPS_ID = 10010;

const ISSUE_TYPES = [
  { id: 10001, name: 'Task', description: 'A small, distinct piece of work.' },
  { id: 10003, name: 'Story', description: 'Functionality or a feature expressed as a user goal.' },
  { id: 10004, name: 'Bug', description: 'A problem or error.' },
];

export type Grant = [accountIdOrRole: string, projectId: number, permissions: ProjectPermissionKey[]];

// Resolve Issues too: Jira's related-work links need it together with Edit Issues.
export const ALL: ProjectPermissionKey[] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'LINK_ISSUES', 'RESOLVE_ISSUES', 'ADMINISTER_PROJECTS'];

function grants(): Grant[] {
  const id = (role: Person['role']): string => PEOPLE.find((p) => p.role === role)?.accountId ?? '';
  return [
    [id('po'), SHOP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES']],
    [id('po'), OPS_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES']],
    [id('cs-lead'), SHOP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES']],
    [id('cs-agent'), SHOP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES']],
    [id('release-manager'), SHOP_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']],
    [id('release-manager'), OPS_ID, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']],
    [id('outsider'), OPS_ID, ['BROWSE_PROJECTS']],
    [APP_ACCOUNT_ID, SHOP_ID, ALL],
    [APP_ACCOUNT_ID, OPS_ID, ALL],
  ];
}

/** Seeds an empty database only; release dates are relative to the first start's "today". */
export function seedIfEmpty(db: Db, now: Date, timeZone: string): void {
  const count = db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number };
  if (count.n > 0) return;
  const today = todayIn(timeZone, now);
  db.transaction(() => {
    const person = db.prepare('INSERT INTO people (account_id, display_name, email, role) VALUES (?, ?, ?, ?)');
    for (const p of PEOPLE) person.run(p.accountId, p.displayName, p.emailAddress, p.role);
    person.run(APP_ACCOUNT_ID, APP_DISPLAY_NAME, null, 'app');

    const lead = PEOPLE.find((p) => p.role === 'release-manager')?.accountId ?? APP_ACCOUNT_ID;
    const project = db.prepare('INSERT INTO projects (id, key, name, description, project_type_key, lead_account_id) VALUES (?, ?, ?, ?, ?, ?)');
    project.run(SHOP_ID, 'SHOP', 'Shop', 'The web shop: checkout, gift cards, saved carts.', 'software', lead);
    project.run(OPS_ID, 'OPS', 'Operations', 'Operations and infrastructure work.', 'software', lead);

    const type = db.prepare('INSERT INTO issue_types (id, name, description) VALUES (?, ?, ?)');
    for (const t of ISSUE_TYPES) type.run(t.id, t.name, t.description);
    const projectType = db.prepare('INSERT INTO project_issue_types (project_id, issue_type_id) VALUES (?, ?)');
    for (const t of [10004, 10001, 10003]) projectType.run(SHOP_ID, t);
    projectType.run(OPS_ID, 10001);

    const grant = db.prepare('INSERT INTO grants (account_id, project_id, permission) VALUES (?, ?, ?)');
    for (const [accountId, projectId, permissions] of grants()) {
      for (const permission of permissions) grant.run(accountId, projectId, permission);
    }

    const version = db.prepare('INSERT INTO versions (id, project_id, name, description, archived, released, release_date, sequence) VALUES (?, ?, ?, ?, 0, ?, ?, ?)');
    version.run(10001, SHOP_ID, '2026.10 Checkout', 'One-page checkout with saved addresses.', 1, addDays(today, -30), 1);
    version.run(10002, SHOP_ID, '2026.12 Gift cards', 'Buy, send and redeem gift cards.', 0, addDays(today, 3), 2);
    version.run(10003, SHOP_ID, '2027.01 Saved carts', 'Carts survive logout and sync across devices.', 0, addDays(today, 21), 3);
    version.run(10011, OPS_ID, 'Ops 1', 'First operations release.', 0, addDays(today, 14), 1);
  })();
}
