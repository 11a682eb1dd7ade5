/**
 * The JQL subset the app uses: clauses joined by AND, `=`, `!=`, `IN`, `NOT IN` on project, labels,
 * fixVersion, affectedVersion, issuetype, key and indexed issue properties (`issue.property[key].path`
 * or the alias an app declared), then an optional ORDER BY. Anything else is
 * refused with a message naming the problem, so an app query that would need more of JQL fails
 * loudly here instead of silently matching the wrong issues.
 */
import { JiraError } from './errors';
import type { IssueRow } from './json';

export type JqlField = 'project' | 'labels' | 'fixVersion' | 'affectedVersion' | 'issuetype' | 'key' | 'property';
export type JqlOperator = '=' | '!=' | 'in' | 'not in';
export interface JqlClause {
  field: JqlField;
  fieldText: string;
  operator: JqlOperator;
  values: string[];
  property?: PropertyRef;
}
/** An issue property path: `issue.property[propertyKey].path`. */
export interface PropertyRef {
  propertyKey: string;
  path: string;
}
export type OrderField = 'created' | 'key' | 'id' | 'summary';
export interface JqlOrder {
  field: OrderField;
  direction: 'ASC' | 'DESC';
}
export interface JqlQuery {
  clauses: JqlClause[];
  orderBy: JqlOrder[];
}

interface Token {
  kind: 'word' | 'string' | 'punct' | 'op';
  text: string;
  pos: number;
}

const FIELDS: Record<string, JqlField> = {
  project: 'project',
  labels: 'labels',
  fixversion: 'fixVersion',
  affectedversion: 'affectedVersion',
  issuetype: 'issuetype',
  type: 'issuetype',
  key: 'key',
  issuekey: 'key',
  id: 'key',
};
const ORDER_FIELDS: Record<string, OrderField> = { created: 'created', key: 'key', issuekey: 'key', id: 'id', summary: 'summary' };
const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

const jqlError = (message: string): JiraError => new JiraError(400, [message]);
const at = (t: Token | undefined, jql: string): string => `(line 1, character ${(t?.pos ?? jql.length) + 1})`;

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < jql.length && jql.charAt(j) !== c) {
        if (jql.charAt(j) === '\\' && j + 1 < jql.length) j++;
        text += jql.charAt(j);
        j++;
      }
      if (j >= jql.length) throw jqlError(`Error in the JQL Query: The quoted string '${text}' has not been completed. ${at({ kind: 'string', text, pos: i }, jql)}`);
      tokens.push({ kind: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    const op = /^(!=|<=|>=|!~|=|<|>|~)/.exec(jql.slice(i));
    if (op) {
      tokens.push({ kind: 'op', text: op[0], pos: i });
      i += op[0].length;
      continue;
    }
    const word = /^[^\s=!<>~(),"']+/.exec(jql.slice(i));
    if (!word) throw jqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character. ${at({ kind: 'punct', text: c, pos: i }, jql)}`);
    tokens.push({ kind: 'word', text: word[0], pos: i });
    i += word[0].length;
  }
  return tokens;
}

const isWord = (t: Token | undefined, w: string): boolean => t?.kind === 'word' && t.text.toLowerCase() === w;

const PROPERTY_FIELD = /^issue\.property\[([^\]]+)\]\.(.+)$/i;

/** `aliasOf` names the issue property path behind a search alias an installed app declared. */
export function parseJql(jql: string, aliasOf: (name: string) => PropertyRef | undefined = () => undefined): JqlQuery {
  const tokens = tokenize(jql);
  let i = 0;
  const clauses: JqlClause[] = [];
  const orderBy: JqlOrder[] = [];
  const peek = (): Token | undefined => tokens[i];
  const value = (): string => {
    const t = tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
      throw jqlError(`Error in the JQL Query: Expecting either a value, list or function but got '${t?.text ?? '<EOF>'}'. ${at(t, jql)}`);
    }
    if (t.kind === 'word' && /\($/.test(t.text)) throw jqlError(`JQL functions are not supported by the local Jira site: '${t.text}'. ${at(t, jql)}`);
    i++;
    return t.text;
  };

  while (i < tokens.length && !isWord(peek(), 'order')) {
    if (clauses.length > 0) {
      const t = peek();
      if (isWord(t, 'or')) throw jqlError(`The local Jira site's JQL supports only clauses joined by AND; 'OR' is not supported. ${at(t, jql)}`);
      if (!isWord(t, 'and')) throw jqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${t?.text}'. ${at(t, jql)}`);
      i++;
    }
    const fieldTok = peek();
    if (fieldTok?.kind === 'punct' && fieldTok.text === '(') throw jqlError(`The local Jira site's JQL does not support parenthesised clauses. ${at(fieldTok, jql)}`);
    if (isWord(fieldTok, 'not')) throw jqlError(`The local Jira site's JQL does not support NOT before a clause. ${at(fieldTok, jql)}`);
    if (!fieldTok || (fieldTok.kind !== 'word' && fieldTok.kind !== 'string')) {
      throw jqlError(`Error in the JQL Query: Expecting a field name but got '${fieldTok?.text ?? '<EOF>'}'. ${at(fieldTok, jql)}`);
    }
    i++;
    const propertyMatch = PROPERTY_FIELD.exec(fieldTok.text);
    const property: PropertyRef | undefined = propertyMatch ? { propertyKey: propertyMatch[1] ?? '', path: propertyMatch[2] ?? '' } : aliasOf(fieldTok.text);
    const field = property ? 'property' : FIELDS[fieldTok.text.toLowerCase()];
    if (!field) throw jqlError(`Field '${fieldTok.text}' does not exist or you do not have permission to view it.`);

    const opTok = peek();
    let operator: JqlOperator;
    if (opTok?.kind === 'op' && (opTok.text === '=' || opTok.text === '!=')) {
      operator = opTok.text;
      i++;
    } else if (isWord(opTok, 'in')) {
      operator = 'in';
      i++;
    } else if (isWord(opTok, 'not') && isWord(tokens[i + 1], 'in')) {
      operator = 'not in';
      i += 2;
    } else if (opTok?.kind === 'op' || isWord(opTok, 'is') || isWord(opTok, 'was') || isWord(opTok, 'changed')) {
      throw jqlError(`The operator '${opTok?.text.toUpperCase()}' is not supported by the local Jira site's JQL (supported: '=', '!=', 'IN', 'NOT IN'). ${at(opTok, jql)}`);
    } else {
      throw jqlError(`Error in the JQL Query: Expecting operator but got '${opTok?.text ?? '<EOF>'}'. ${VALID_OPERATORS} ${at(opTok, jql)}`);
    }

    const values: string[] = [];
    if (operator === 'in' || operator === 'not in') {
      const open = peek();
      if (open?.kind !== 'punct' || open.text !== '(') throw jqlError(`Error in the JQL Query: Expecting '(' but got '${open?.text ?? '<EOF>'}'. ${at(open, jql)}`);
      i++;
      for (;;) {
        values.push(value());
        const sep = peek();
        if (sep?.kind === 'punct' && sep.text === ',') {
          i++;
          continue;
        }
        if (sep?.kind === 'punct' && sep.text === ')') {
          i++;
          break;
        }
        throw jqlError(`Error in the JQL Query: Expecting ',' or ')' but got '${sep?.text ?? '<EOF>'}'. ${at(sep, jql)}`);
      }
    } else {
      const v = peek();
      if (isWord(v, 'empty') || isWord(v, 'null')) throw jqlError(`EMPTY is not supported by the local Jira site's JQL. ${at(v, jql)}`);
      values.push(value());
    }
    clauses.push({ field, fieldText: fieldTok.text, operator, values, ...(property ? { property } : {}) });
  }

  if (i < tokens.length) {
    i++; // ORDER
    if (!isWord(peek(), 'by')) throw jqlError(`Error in the JQL Query: Expecting 'BY' but got '${peek()?.text ?? '<EOF>'}'. ${at(peek(), jql)}`);
    i++;
    for (;;) {
      const t = peek();
      if (!t || (t.kind !== 'word' && t.kind !== 'string')) throw jqlError(`Error in the JQL Query: Expecting a field name but got '${t?.text ?? '<EOF>'}'. ${at(t, jql)}`);
      const field = ORDER_FIELDS[t.text.toLowerCase()];
      if (!field) throw jqlError(`Ordering by '${t.text}' is not supported by the local Jira site (supported: created, key, id, summary).`);
      i++;
      let direction: 'ASC' | 'DESC' = field === 'created' ? 'DESC' : 'ASC';
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) {
        direction = peek()?.text.toUpperCase() as 'ASC' | 'DESC';
        i++;
      }
      orderBy.push({ field, direction });
      if (peek()?.kind === 'punct' && peek()?.text === ',') {
        i++;
        continue;
      }
      if (i < tokens.length) throw jqlError(`Error in the JQL Query: Expecting ',' but got '${peek()?.text}'. ${at(peek(), jql)}`);
      break;
    }
  }
  return { clauses, orderBy };
}

/** Values a clause is matched against, already resolved (names to ids) by the caller. */
export type IssueMatcher = (issue: IssueRow) => boolean;

export function compareIssues(orderBy: JqlOrder[]): (a: IssueRow, b: IssueRow) => number {
  const order = orderBy.length > 0 ? orderBy : [{ field: 'created', direction: 'DESC' } as JqlOrder];
  return (a, b) => {
    for (const { field, direction } of order) {
      const sign = direction === 'ASC' ? 1 : -1;
      let d: number;
      if (field === 'created') d = a.created.localeCompare(b.created) || a.id - b.id;
      else if (field === 'id') d = a.id - b.id;
      else if (field === 'key') d = a.project_id - b.project_id || a.number - b.number;
      else d = a.summary.localeCompare(b.summary);
      if (d !== 0) return d * sign;
    }
    return b.id - a.id;
  };
}
