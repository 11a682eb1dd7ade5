import { fieldErrors, forbidden, issueNotFound, JiraError } from './errors';
import { isRecord } from './http';
import { issueLinksJson } from './issue-links';
import { issueTypeJson, PRIORITIES, projectRefJson, STATUS_TO_DO, timestampOf, type IssueRow, type ProjectRow } from './json';
import type { JiraStore } from './store';
import type { Principal } from './types';

const NAVIGABLE = ['summary', 'description', 'labels', 'issuetype', 'project', 'versions', 'fixVersions', 'status', 'created', 'reporter', 'priority', 'issuelinks'] as const;
type FieldName = (typeof NAVIGABLE)[number];

/**
 * Resolves Jira's `fields` parameter: `*all`/`*navigable` mean every field, `-x` removes one,
 * unknown names are ignored as Jira does.
 */
export function resolveFields(requested: string[] | undefined, fallback: readonly FieldName[]): Set<FieldName> {
  if (requested === undefined) return new Set(fallback);
  const out = new Set<FieldName>();
  const known = new Set<string>(NAVIGABLE);
  for (const raw of requested
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter(Boolean)) {
    if (raw === '*all' || raw === '*navigable') NAVIGABLE.forEach((f) => out.add(f));
    else if (raw.startsWith('-') && known.has(raw.slice(1))) out.delete(raw.slice(1) as FieldName);
    else if (known.has(raw)) out.add(raw as FieldName);
  }
  return out;
}

export const ALL_FIELDS: readonly FieldName[] = NAVIGABLE;

/** The issue as `principal` sees it (links to issues they cannot browse are left out). */
export function issueJson(store: JiraStore, principal: Principal, row: IssueRow, fields: Set<FieldName>): Record<string, unknown> {
  const base = store.baseUrl;
  const project = store.projectById(row.project_id) as ProjectRow;
  const versionList = (ids: string): unknown[] =>
    (JSON.parse(ids) as number[]).flatMap((id) => {
      const v = store.versionRow(id);
      return v ? [store.toVersionJson(v)] : [];
    });
  const all: Record<FieldName, () => unknown> = {
    summary: () => row.summary,
    description: () => (row.description === null ? null : (JSON.parse(row.description) as unknown)),
    labels: () => JSON.parse(row.labels) as unknown,
    issuetype: () => {
      const t = store.issueTypeRow(row.issue_type_id);
      return t ? issueTypeJson(base, t) : null;
    },
    project: () => projectRefJson(base, project),
    versions: () => versionList(row.versions),
    fixVersions: () => versionList(row.fix_versions),
    status: () => ({ self: `${base}/rest/api/3/status/${STATUS_TO_DO.id}`, ...STATUS_TO_DO }),
    created: () => timestampOf(row.created),
    reporter: () => (row.reporter ? (store.userJson(row.reporter) ?? null) : null),
    priority: () => ({ self: `${base}/rest/api/3/priority/${row.priority_id}`, id: row.priority_id, name: PRIORITIES[row.priority_id] ?? 'Medium' }),
    issuelinks: () => issueLinksJson(store, principal, row),
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = all[f]();
  return { expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations', id: String(row.id), self: `${base}/rest/api/3/issue/${row.id}`, key: row.key, fields: out };
}

export function getIssue(store: JiraStore, principal: Principal, idOrKey: string): IssueRow {
  const row = store.issueRow(idOrKey);
  if (!row || !store.can(principal, row.project_id, 'BROWSE_PROJECTS')) throw issueNotFound();
  return row;
}

function isAdfDoc(value: unknown): boolean {
  return isRecord(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content);
}

/** POST /rest/api/3/issue: validates like Jira (field errors keyed by field id) and returns the new row. */
export function createIssue(store: JiraStore, principal: Principal, body: unknown): IssueRow {
  if (!isRecord(body) || !isRecord(body.fields)) {
    throw new JiraError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
  }
  const f = body.fields;
  const errors: Record<string, string> = {};

  let project: ProjectRow | undefined;
  const projectRef = isRecord(f.project) ? (f.project.id ?? f.project.key) : undefined;
  if (typeof projectRef === 'string' || typeof projectRef === 'number') {
    const found = store.findProject(String(projectRef));
    if (found && store.can(principal, found.id, 'BROWSE_PROJECTS')) project = found;
  }
  if (!project) throw fieldErrors({ project: 'Specify a valid project ID or key' });
  if (!store.can(principal, project.id, 'CREATE_ISSUES')) throw forbidden('You do not have permission to create issues in this project.');

  const types = store.issueTypesOf(project.id);
  let issueTypeId: number | undefined;
  if (!isRecord(f.issuetype)) errors.issuetype = 'Specify an issue type';
  else {
    const { id, name } = f.issuetype;
    const match = types.find((t) => (id !== undefined ? String(t.id) === String(id) : typeof name === 'string' && t.name.toLowerCase() === name.toLowerCase()));
    if (!match) errors.issuetype = 'The issue type selected is invalid.';
    else issueTypeId = match.id;
  }

  const summary = typeof f.summary === 'string' ? f.summary : '';
  if (summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  else if (/[\r\n]/.test(summary)) errors.summary = 'The summary is invalid because it contains newline characters.';

  let description: string | null = null;
  if (f.description !== undefined && f.description !== null) {
    if (!isAdfDoc(f.description)) errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    else description = JSON.stringify(f.description);
  }

  const labels: string[] = [];
  if (f.labels !== undefined && f.labels !== null) {
    if (!Array.isArray(f.labels)) errors.labels = 'Field labels must be an array of strings.';
    else {
      for (const label of f.labels as unknown[]) {
        if (typeof label !== 'string' || label === '') {
          errors.labels = 'Field labels must be an array of strings.';
          break;
        }
        if (/\s/.test(label)) {
          errors.labels = `The label '${label}' contains spaces which is invalid.`;
          break;
        }
        if (label.length > 255) {
          errors.labels = 'The entered text is too long. It exceeds the allowed limit of 255 characters.';
          break;
        }
        if (!labels.includes(label)) labels.push(label);
      }
    }
  }

  const versionIds = (field: 'versions' | 'fixVersions'): number[] => {
    const value = f[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      errors[field] = `Field '${field}' must be an array of versions.`;
      return [];
    }
    const ids: number[] = [];
    for (const item of value as unknown[]) {
      const ref = isRecord(item) ? (item.id ?? item.name) : undefined;
      const v = isRecord(item) && item.id !== undefined ? store.versionRow(String(ref)) : store.versionRows(project.id).find((r) => r.name === ref);
      if (!v || v.project_id !== project.id) {
        errors[field] = `Version id '${String(ref)}' is not valid`;
        return [];
      }
      ids.push(v.id);
    }
    return ids;
  };
  const versions = versionIds('versions');
  const fixVersions = versionIds('fixVersions');

  let priorityId = '3';
  if (f.priority !== undefined && f.priority !== null) {
    const p = isRecord(f.priority) ? f.priority : {};
    const byId = p.id !== undefined ? String(p.id) : undefined;
    const byName = typeof p.name === 'string' ? Object.entries(PRIORITIES).find(([, n]) => n.toLowerCase() === String(p.name).toLowerCase())?.[0] : undefined;
    const resolved = byId !== undefined ? (PRIORITIES[byId] ? byId : undefined) : byName;
    if (!resolved) errors.priority = 'Specify the Priority (id or name) in the string format';
    else priorityId = resolved;
  }

  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return store.insertIssue({
    project_id: project.id,
    issue_type_id: issueTypeId as number,
    summary,
    description,
    labels: JSON.stringify(labels),
    versions: JSON.stringify(versions),
    fix_versions: JSON.stringify(fixVersions),
    priority_id: priorityId,
    reporter: store.accountIdOf(principal),
    created: store.now().toISOString(),
  });
}
