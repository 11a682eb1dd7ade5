import type { z } from 'zod';
import { appError } from './errors';

/** "content.questions.0.answer"; issues about the object itself (e.g. unknown keys) have an empty path. */
function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

/**
 * Parses with a zod schema or throws INVALID_INPUT. `fields` maps every bad path to its message
 * (first message wins per path), and the message names the first bad field so a person can act on it
 * even where the UI cannot point at a field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'The request'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = pathOf(issue);
    if (!(path in fields)) fields[path] = describe(issue);
  }
  const first = parsed.error.issues[0];
  const firstPath = first ? pathOf(first) : '';
  const detail = first ? describe(first) : 'it is not valid';
  const message = firstPath === '' ? `${what} is not valid: ${detail}.` : `${what} is not valid: ${firstPath}: ${detail}.`;
  throw appError('INVALID_INPUT', message, { fields });
}
