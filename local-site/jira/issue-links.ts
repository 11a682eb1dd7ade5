import { issueNotFound, JiraError, notFound } from './errors';
import { isRecord } from './http';
import { issueTypeJson, PRIORITIES, STATUS_TO_DO, type IssueRow } from './json';
import type { JiraStore } from './store';
import type { Principal } from './types';

export interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** Jira Cloud's default issue link types (ids as a new site has them). */
export const ISSUE_LINK_TYPES: readonly IssueLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const linkTypeJson = (base: string, t: IssueLinkType): Record<string, unknown> => ({ ...t, self: `${base}/rest/api/3/issueLinkType/${t.id}` });

const MALFORMED = 'Invalid request payload. Refer to the REST API documentation and try again.';

function issueRef(store: JiraStore, principal: Principal, value: unknown, field: string): IssueRow {
  const ref = isRecord(value) ? (value.key ?? value.id) : undefined;
  if (typeof ref !== 'string' && typeof ref !== 'number') throw new JiraError(400, [`The ${field} must name an issue by id or key.`]);
  const row = store.issueRow(String(ref));
  if (!row || !store.can(principal, row.project_id, 'BROWSE_PROJECTS')) throw issueNotFound();
  return row;
}

/**
 * POST /rest/api/3/issueLink. Jira's rules: Browse on both issues' projects and Link Issues on the project
 * of the outward ("from") issue; every refusal is a 404 (the spec lists no 403), and nothing is written.
 */
export function createIssueLink(store: JiraStore, principal: Principal, body: unknown): void {
  if (!isRecord(body)) throw new JiraError(400, [MALFORMED]);
  if (body.comment !== undefined) throw new JiraError(400, ['The local Jira site does not keep comments: create the link without one.']);
  if (!isRecord(body.type)) throw new JiraError(400, ['The issue link type is required (type.id or type.name).']);
  const { id, name } = body.type;
  const type = ISSUE_LINK_TYPES.find((t) => (id !== undefined ? t.id === String(id) : typeof name === 'string' && t.name.toLowerCase() === name.toLowerCase()));
  if (!type) throw notFound(id !== undefined ? `No issue link type with id '${String(id)}' found.` : `No issue link type with name '${String(name)}' found.`);
  const outward = issueRef(store, principal, body.outwardIssue, 'outwardIssue');
  const inward = issueRef(store, principal, body.inwardIssue, 'inwardIssue');
  if (!store.can(principal, outward.project_id, 'LINK_ISSUES')) throw notFound(`No Link Issue Permission for issue '${outward.key}'.`);
  if (outward.id === inward.id) throw new JiraError(400, ['You cannot link an issue to itself.']);
  store.insertIssueLink(type.id, outward.id, inward.id);
}

/** The issue as a link shows it: Jira's LinkedIssue with a few fields. */
function linkedIssueJson(store: JiraStore, row: IssueRow): Record<string, unknown> {
  const base = store.baseUrl;
  const t = store.issueTypeRow(row.issue_type_id);
  return {
    id: String(row.id),
    key: row.key,
    self: `${base}/rest/api/3/issue/${row.id}`,
    fields: {
      summary: row.summary,
      status: { self: `${base}/rest/api/3/status/${STATUS_TO_DO.id}`, ...STATUS_TO_DO },
      priority: { self: `${base}/rest/api/3/priority/${row.priority_id}`, id: row.priority_id, name: PRIORITIES[row.priority_id] ?? 'Medium' },
      ...(t ? { issuetype: issueTypeJson(base, t) } : {}),
    },
  };
}

/**
 * The `issuelinks` field: each link seen from this issue. On the "from" issue the other one is the
 * `outwardIssue` (labelled with the type's outward text, "blocks"); on the other side it is the
 * `inwardIssue` ("is blocked by"). Links to issues the caller cannot browse are left out, as in Jira.
 */
export function issueLinksJson(store: JiraStore, principal: Principal, row: IssueRow): Record<string, unknown>[] {
  return store.issueLinkRows(row.id).flatMap((link) => {
    const fromHere = link.outward_issue_id === row.id;
    const other = store.issueRow(String(fromHere ? link.inward_issue_id : link.outward_issue_id));
    const type = ISSUE_LINK_TYPES.find((t) => t.id === link.link_type_id);
    if (!other || !type || !store.can(principal, other.project_id, 'BROWSE_PROJECTS')) return [];
    return [
      {
        id: String(link.id),
        self: `${store.baseUrl}/rest/api/3/issueLink/${link.id}`,
        type: linkTypeJson(store.baseUrl, type),
        [fromHere ? 'outwardIssue' : 'inwardIssue']: linkedIssueJson(store, other),
      },
    ];
  });
}
