/**
 * Which issue type the app files as: L3 bugs as Bug, brief gaps as Task. Issue type ids differ from
 * site to site, so a type is found by name in the types Jira lets the person create in the project.
 */
import { z } from 'zod';
import { appError } from './errors';

/** An issue type as Jira's create metadata lists it (the fields the lookup needs). */
export interface IssueTypeRef {
  id: string;
  name: string;
  subtask: boolean;
}

/** What the app files as a type, in the words its errors use. */
export interface FiledAs {
  /** The issue type's name, e.g. "Bug". */
  type: string;
  /** What is filed, plural, e.g. "L3 bugs". */
  things: string;
  /** The act, e.g. "filing an L3 bug". */
  act: string;
}

export const L3_BUG: FiledAs = { type: 'Bug', things: 'L3 bugs', act: 'filing an L3 bug' };
export const BRIEF_GAP_TASK: FiledAs = { type: 'Task', things: 'brief gaps', act: 'filing a brief gap' };

/**
 * The creatable type named `filed.type`, ignoring case and surrounding spaces, never a sub-task type
 * (Jira's create dialog and the app's own filing create top-level issues). Jira lists no types at all
 * to someone who cannot create issues in the project: that is a missing permission (FORBIDDEN), not a
 * missing type (NOT_FOUND), and each error says what to do.
 */
export function issueTypeFor<T extends IssueTypeRef>(types: readonly T[], filed: FiledAs, projectKey: string): T {
  if (types.length === 0) {
    throw appError('FORBIDDEN', `You can read this handoff but cannot file issues in project ${projectKey}: ${filed.act} needs the Create issues permission there.`);
  }
  const wanted = filed.type.toLowerCase();
  const found = types.find((t) => !t.subtask && t.name.trim().toLowerCase() === wanted);
  if (found) return found;
  throw appError('NOT_FOUND', `Project ${projectKey} has no ${filed.type} issue type, so ${filed.things} cannot be filed here. Ask a Jira admin to add ${filed.type} to the project's issue types.`);
}

/**
 * A project's Bug type id, kept a day after Jira listed it: issue type ids belong to the project's
 * scheme, not to the person, and a scheme rarely changes, so filing asks Jira at most once a day per
 * project. Only a found type is kept; "no Bug type" and "no Create issues permission" are asked again
 * every time, so an admin's fix shows at once. A type removed within the day only makes Jira's own
 * Create issue dialog open on its default type.
 */
export const KEPT_TYPE_TTL_MS = 24 * 60 * 60 * 1000;

const KeptTypeSchema = z.object({ revision: z.number().int(), issueTypeId: z.string().min(1), readAt: z.string().datetime() });
export type KeptType = z.output<typeof KeptTypeSchema>;

/** The kept type id while it is younger than KEPT_TYPE_TTL_MS; null when none, unreadable or too old. */
export function keptTypeId(stored: unknown, now: Date): string | null {
  const parsed = KeptTypeSchema.safeParse(stored);
  if (!parsed.success) return null;
  const age = now.getTime() - Date.parse(parsed.data.readAt);
  return age >= 0 && age < KEPT_TYPE_TTL_MS ? parsed.data.issueTypeId : null;
}

export function keptType(issueTypeId: string, now: Date): KeptType {
  return { revision: 1, issueTypeId, readAt: now.toISOString() };
}
