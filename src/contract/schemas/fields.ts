/**
 * The payload fields more than one resolver takes, defined once: the same field is validated, and
 * refused with the same words, wherever it is sent.
 */
import { z } from 'zod';

/** Jira's numeric ids (versions, projects, issues) as strings, written one way only: no leading zero. */
const JIRA_ID = /^[1-9][0-9]{0,17}$/;

/**
 * Jira version ids are numeric strings, written one way only: "010002" would otherwise name version 10002
 * a second time (a second handoff of the same release), so leading zeros are refused.
 */
export const VersionIdSchema = z.string({ error: 'versionId must be a string' }).regex(JIRA_ID, { error: 'versionId must be a Jira version id (digits only, no leading zero)' });

/** A Jira project id ("10000"). */
export const ProjectIdSchema = z.string().regex(JIRA_ID, { error: 'project.id must be a Jira project id' });

/** A Jira issue id ("10042"), as the CreateIssueModal answers it. */
export const IssueIdSchema = z.string().regex(JIRA_ID, { error: 'bugIssueId must be a Jira issue id' });

/** The revision of its own record a change was planned on (0 when there was none yet). */
export const BaseRevisionSchema = z.number({ error: 'baseRevision must be a number' }).int().nonnegative();

/** The payload of a call about one release and nothing else. */
export const VersionPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();

/** The payload of a call that takes nothing. */
export const EmptyPayloadSchema = z.object({}).strict();

/**
 * Free text, trimmed before its length is checked (so "   " is empty), refused in words naming the field:
 * `min: 1` reads "must not be empty", a longer minimum "must be at least N characters".
 */
export function trimmedText(name: string, { min, max }: { min?: number; max: number }) {
  const atLeast = min === undefined ? z.string() : z.string().min(min, { error: min === 1 ? `${name} must not be empty` : `${name} must be at least ${min} characters` });
  return z
    .string({ error: `${name} must be text` })
    .transform((s) => s.trim())
    .pipe(atLeast.max(max, { error: `${name} must be at most ${max} characters` }));
}

/** The handoff item an L3 bug is filed from: its section and 1-based position there. */
export const L3ItemSchema = z
  .object({
    kind: z.enum(['step', 'limitation', 'question'], { error: "item.kind must be 'step', 'limitation' or 'question'" }),
    position: z
      .number({ error: 'item.position must be a number' })
      .int({ error: 'item.position must be a whole number' })
      .min(1, { error: 'item.position must be at least 1' })
      .max(9999, { error: 'item.position must be at most 9999' }),
  })
  .strict();

/** A Jira issue key as Jira writes it ("HELP-12"). */
export const IssueKeySchema = z.string({ error: 'requestKey must be a string' }).regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, { error: 'requestKey must be a Jira issue key, e.g. HELP-12' });

/** The release a request is about: the version and its project (checked against Jira before use). */
export const ReleaseRefSchema = z
  .object({
    versionId: VersionIdSchema,
    project: z.object({ id: ProjectIdSchema, key: z.string().min(1).max(255) }).strict(),
  })
  .strict();
