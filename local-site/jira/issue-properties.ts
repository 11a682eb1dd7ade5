import { forbidden, JiraError } from './errors';
import type { IssueRow } from './json';
import { getIssue } from './issues';
import { MAX_PROPERTY_BYTES, MAX_PROPERTY_KEY_LENGTH, type JiraStore } from './store';
import type { Principal } from './types';

const propertyMissing = (key: string): JiraError => new JiraError(404, [`The property with key '${key}' does not exist.`]);

export function issuePropertyKeys(store: JiraStore, principal: Principal, idOrKey: string): string[] {
  const issue = getIssue(store, principal, idOrKey);
  return store.issuePropertyRows(issue.id).map((r) => r.key);
}

export function getIssueProperty(store: JiraStore, principal: Principal, idOrKey: string, key: string): unknown {
  const issue = getIssue(store, principal, idOrKey);
  const row = store.issuePropertyRows(issue.id).find((r) => r.key === key);
  if (!row) throw propertyMissing(key);
  return JSON.parse(row.value) as unknown;
}

/** Jira: Browse (else 404) and Edit Issues (else 403) on the issue's project. */
function editableIssue(store: JiraStore, principal: Principal, idOrKey: string): IssueRow {
  const issue = getIssue(store, principal, idOrKey);
  if (!store.can(principal, issue.project_id, 'EDIT_ISSUES')) throw forbidden('You do not have permission to edit this issue.');
  return issue;
}

/** Returns true when the property was created, false when it replaced a value. */
export function setIssueProperty(store: JiraStore, principal: Principal, idOrKey: string, key: string, value: unknown): boolean {
  const issue = editableIssue(store, principal, idOrKey);
  if (key.trim() === '') throw new JiraError(400, ['The property key cannot be empty.']);
  if (key.length > MAX_PROPERTY_KEY_LENGTH) throw new JiraError(400, [`The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`]);
  if (value === undefined) throw new JiraError(400, ['The property value cannot be empty.']);
  const serialized = JSON.stringify(value);
  if (Buffer.byteLength(serialized) > MAX_PROPERTY_BYTES) {
    throw new JiraError(400, [`The property value is too large. Maximum length is ${MAX_PROPERTY_BYTES} characters.`]);
  }
  return store.putIssueProperty(issue.id, key, serialized);
}

export function deleteIssueProperty(store: JiraStore, principal: Principal, idOrKey: string, key: string): void {
  const issue = editableIssue(store, principal, idOrKey);
  if (!store.deleteIssueProperty(issue.id, key)) throw propertyMissing(key);
}

/** The values stored at `path` (arrays are indexed element by element, as Jira does). */
function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
      .flatMap((v) => (typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, part) ? [(v as Record<string, unknown>)[part]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v])).filter((v) => v !== null && typeof v !== 'object');
}

/**
 * What `issue.property[key].path` (or its alias) compares against for one issue: only paths an
 * installed app declared are indexed, so an undeclared one matches no issue, as in Jira.
 */
export function indexedValues(store: JiraStore, issue: IssueRow, propertyKey: string, path: string): string[] | undefined {
  const declared = store.indexedIssueProperties.find((d) => d.propertyKey === propertyKey && d.path === path);
  if (!declared) return undefined;
  const row = store.issuePropertyRows(issue.id).find((r) => r.key === propertyKey);
  if (!row) return [];
  const values = valuesAt(JSON.parse(row.value) as unknown, path);
  return values.map((v) => (declared.type === 'number' ? String(Number(v)) : String(v)));
}

/** The property and path an alias names, if an installed app declared it. */
export function aliasOf(store: JiraStore, name: string): { propertyKey: string; path: string } | undefined {
  const found = store.indexedIssueProperties.find((d) => d.searchAlias !== undefined && d.searchAlias.toLowerCase() === name.toLowerCase());
  return found ? { propertyKey: found.propertyKey, path: found.path } : undefined;
}

export const isNumberPath = (store: JiraStore, propertyKey: string, path: string): boolean =>
  store.indexedIssueProperties.some((d) => d.propertyKey === propertyKey && d.path === path && d.type === 'number');
