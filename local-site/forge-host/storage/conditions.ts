import { badRequest, KvsCode } from './errors';

/** One clause as @forge/kvs sends it (out/conditions.js, out/entity-query.js). */
export interface Clause {
  property?: string;
  condition: string;
  values: unknown[];
}

/** `{ and: [...] }` or `{ or: [...] }`: query filters and transaction conditions share this shape. */
export interface ClauseGroup {
  and?: Clause[];
  or?: Clause[];
}

const ONE_VALUE = new Set(['BEGINS_WITH', 'CONTAINS', 'NOT_CONTAINS', 'EQUAL_TO', 'NOT_EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);
const NO_VALUE = new Set(['EXISTS', 'NOT_EXISTS']);
export const RANGE_CONDITIONS = new Set(['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);

export function checkClause(clause: unknown, needsProperty: boolean): Clause {
  const c = clause as Partial<Clause> | null;
  if (!c || typeof c !== 'object' || typeof c.condition !== 'string' || !Array.isArray(c.values)) {
    throw badRequest(KvsCode.INVALID_REQUEST, `A condition must look like { condition, values }; got ${JSON.stringify(clause)}.`);
  }
  if (needsProperty && typeof c.property !== 'string') throw badRequest(KvsCode.INVALID_REQUEST, `The condition ${c.condition} names no property.`);
  if (c.condition === 'BETWEEN') {
    if (c.values.length < 2) throw badRequest(KvsCode.INSUFFICIENT_FILTER_VALUES, 'The specified condition BETWEEN needs at least two values.');
  } else if (ONE_VALUE.has(c.condition)) {
    if (c.values.length < 1) throw badRequest(KvsCode.INSUFFICIENT_FILTER_VALUES, `The specified condition ${c.condition} needs a value.`);
  } else if (!NO_VALUE.has(c.condition)) {
    throw badRequest(KvsCode.INVALID_REQUEST, `Unknown condition '${c.condition}'.`);
  }
  return c as Clause;
}

/** Validates a group and answers its operator and clauses. */
export function checkGroup(group: unknown): { op: 'and' | 'or'; clauses: Clause[] } {
  const g = (group ?? {}) as ClauseGroup;
  if (g.and !== undefined && g.or !== undefined) throw badRequest(KvsCode.INVALID_FILTER_OPERATORS_COMBINATION, 'Filter operators "and" and "or" cannot be present at the same level.');
  const op = g.and !== undefined ? 'and' : g.or !== undefined ? 'or' : undefined;
  const clauses = op ? g[op] : undefined;
  if (!op || !Array.isArray(clauses) || clauses.length === 0) throw badRequest(KvsCode.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty.');
  return { op, clauses: clauses.map((c) => checkClause(c, true)) };
}

/** Sign of a - b when both are numbers or both strings; undefined (never matches) across types. */
function compare(a: unknown, b: unknown): number | undefined {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/**
 * Whether one attribute value meets a clause. A missing attribute meets only NOT_EXISTS, as a comparison
 * against an absent attribute is false in DynamoDB-style condition expressions, which Forge's store follows.
 */
export function meets(actual: unknown, clause: Pick<Clause, 'condition' | 'values'>): boolean {
  const [first, second] = clause.values;
  if (clause.condition === 'NOT_EXISTS') return actual === undefined;
  if (actual === undefined) return false;
  switch (clause.condition) {
    case 'EXISTS':
      return true;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return (typeof actual === 'string' && typeof first === 'string' && actual.includes(first)) || (Array.isArray(actual) && actual.includes(first));
    case 'NOT_CONTAINS':
      return (typeof actual === 'string' && typeof first === 'string' && !actual.includes(first)) || (Array.isArray(actual) && !actual.includes(first));
    case 'GREATER_THAN':
      return (compare(actual, first) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (compare(actual, first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (compare(actual, first) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (compare(actual, first) ?? 1) <= 0;
    case 'BETWEEN':
      return (compare(actual, first) ?? -1) >= 0 && (compare(actual, second) ?? 1) <= 0;
    default:
      return false;
  }
}

/** Whether a stored entity value (undefined when the key is absent) meets a checked group. */
export function groupHolds(value: unknown, group: { op: 'and' | 'or'; clauses: Clause[] }): boolean {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const test = (c: Clause): boolean => meets(record[c.property as string], c);
  return group.op === 'and' ? group.clauses.every(test) : group.clauses.some(test);
}
