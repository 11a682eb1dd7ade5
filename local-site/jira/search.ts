import { createHash } from 'node:crypto';
import { JiraError } from './errors';
import type { IssueRow } from './json';
import { aliasOf, indexedValues, isNumberPath } from './issue-properties';
import { compareIssues, parseJql, type JqlClause, type IssueMatcher, type PropertyRef } from './jql';
import type { JiraStore } from './store';
import type { Principal } from './types';

const valueMissing = (value: string, field: string): JiraError => new JiraError(400, [`The value '${value}' does not exist for the field '${field}'.`]);

/** Turns one clause into a predicate, resolving names against what the caller can see (as Jira does). */
function matcherFor(store: JiraStore, visible: Set<number>, clause: JqlClause): IssueMatcher {
  const negate = clause.operator === '!=' || clause.operator === 'not in';
  let test: (issue: IssueRow) => boolean;
  switch (clause.field) {
    case 'project': {
      const ids = clause.values.map((v) => {
        const p = store.findProject(v) ?? store.findProject(v.toUpperCase());
        if (!p || !visible.has(p.id)) throw valueMissing(v, clause.fieldText);
        return p.id;
      });
      test = (issue) => ids.includes(issue.project_id);
      break;
    }
    case 'labels': {
      const wanted = clause.values;
      test = (issue) => (JSON.parse(issue.labels) as string[]).some((l) => wanted.includes(l));
      if (negate) {
        // Jira: `labels != x` does not match issues without labels.
        return (issue) => (JSON.parse(issue.labels) as string[]).length > 0 && !test(issue);
      }
      break;
    }
    case 'fixVersion':
    case 'affectedVersion': {
      const ids = clause.values.flatMap((v) => {
        const all = [...visible].flatMap((pid) => store.versionRows(pid));
        const found = /^\d+$/.test(v) ? all.filter((r) => r.id === Number(v)) : all.filter((r) => r.name.toLowerCase() === v.toLowerCase());
        if (found.length === 0) throw valueMissing(v, clause.fieldText);
        return found.map((r) => r.id);
      });
      const column = clause.field === 'fixVersion' ? 'fix_versions' : 'versions';
      const has = (issue: IssueRow): number[] => JSON.parse(issue[column]) as number[];
      test = (issue) => has(issue).some((id) => ids.includes(id));
      if (negate) return (issue) => has(issue).length > 0 && !test(issue);
      break;
    }
    case 'issuetype': {
      const types = [...visible].flatMap((pid) => store.issueTypesOf(pid));
      const ids = clause.values.map((v) => {
        const t = types.find((x) => String(x.id) === v || x.name.toLowerCase() === v.toLowerCase());
        if (!t) throw valueMissing(v, clause.fieldText);
        return t.id;
      });
      test = (issue) => ids.includes(issue.issue_type_id);
      break;
    }
    case 'property': {
      const { propertyKey, path } = clause.property as PropertyRef;
      const wanted = isNumberPath(store, propertyKey, path) ? clause.values.map((v) => String(Number(v))) : clause.values;
      // An issue without the value matches neither `=` nor `!=`, as with labels.
      const values = (issue: IssueRow): string[] => indexedValues(store, issue, propertyKey, path) ?? [];
      test = (issue) => values(issue).some((v) => wanted.includes(v));
      if (negate) return (issue) => values(issue).length > 0 && !test(issue);
      break;
    }
    case 'key': {
      const wanted = clause.values.map((v) => v.toUpperCase());
      test = (issue) => wanted.includes(issue.key) || wanted.includes(String(issue.id));
      break;
    }
  }
  return negate ? (issue) => !test(issue) : test;
}

/** Issues matching the JQL among the projects the principal can browse, in the query's order. */
export function runJql(store: JiraStore, principal: Principal, jql: string, requireBounded: boolean): IssueRow[] {
  const query = parseJql(jql, (name) => aliasOf(store, name));
  if (requireBounded && query.clauses.length === 0) {
    throw new JiraError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  }
  const visible = store.browsableProjectIds(principal);
  const matchers = query.clauses.map((c) => matcherFor(store, visible, c));
  return store
    .issueRowsIn(visible)
    .filter((issue) => matchers.every((m) => m(issue)))
    .sort(compareIssues(query.orderBy));
}

/**
 * nextPageToken is opaque to clients; it encodes the offset and a hash of the query so a token
 * cannot be replayed against a different JQL.
 */
export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, h: hashJql(jql) })).toString('base64url');
}

export function decodePageToken(jql: string, token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; h?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.h === hashJql(jql)) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

function hashJql(jql: string): string {
  return createHash('sha256').update(jql).digest('hex').slice(0, 16);
}
