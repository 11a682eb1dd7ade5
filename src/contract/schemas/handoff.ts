/** Payloads of the overview, one handoff (read, save, status, its page, its L3 bugs) and the release gate. */
import { z } from 'zod';
import { HandoffContentSchema } from '#domain/handoff';
import { CONTENT_SECTIONS } from '#domain/merge';
import { LeadTimeDaysSchema } from '#domain/gate/rules';
import { RELEASE_FILTERS } from '../overview';
import { BaseRevisionSchema, EmptyPayloadSchema, L3ItemSchema, trimmedText, VersionIdSchema, VersionPayloadSchema } from './fields';

export const ListReleasesPayloadSchema = z
  .object({
    /** 1-based; past the last page the answer has no releases and says how many pages there are. */
    page: z.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').max(100_000, 'page must be at most 100000').optional(),
    /** Part of a version's name (or description, as Jira's own search matches). */
    search: z.string({ error: 'search must be text' }).trim().max(100, 'search must be at most 100 characters').optional(),
    status: z.enum(RELEASE_FILTERS, { error: `status must be one of ${RELEASE_FILTERS.join(', ')}` }).optional(),
  })
  .strict();
export const GetHandoffPayloadSchema = VersionPayloadSchema;
export const SaveHandoffPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    /** The revision the editor started from (0 when there was no handoff yet). */
    baseRevision: BaseRevisionSchema,
    content: HandoffContentSchema,
    /**
     * The sections this person changed. Only they are applied on top of what others saved since
     * `baseRevision`; absent: every section that differs from `baseRevision`.
     */
    sections: z
      .array(z.enum(CONTENT_SECTIONS, { error: `sections must name content sections (${CONTENT_SECTIONS.join(', ')})` }))
      .max(CONTENT_SECTIONS.length)
      .optional(),
  })
  .strict();
export const SetStatusPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    baseRevision: BaseRevisionSchema,
    status: z.enum(['draft', 'ready'], { error: "status must be 'draft' or 'ready'" }),
  })
  .strict();

export const GetL3PrefillPayloadSchema = z.object({ versionId: VersionIdSchema, item: L3ItemSchema.optional() }).strict();
export const GetL3SummaryPayloadSchema = VersionPayloadSchema;
/** The project's Bug issue type for the L3 dialog (the project is the page's). */
export const GetL3BugTypePayloadSchema = EmptyPayloadSchema;
/** The handoff page's one call: the handoff (with its gate and permissions) and the L3 count together. */
export const GetHandoffPagePayloadSchema = VersionPayloadSchema;

// ---- release gate (overrides, settings) ----------------------------------------------------
export const OverrideGatePayloadSchema = z.object({ versionId: VersionIdSchema, reason: trimmedText('reason', { min: 10, max: 500 }) }).strict();
export const WithdrawOverridePayloadSchema = VersionPayloadSchema;
export const GetSettingsPayloadSchema = EmptyPayloadSchema;
/** Either setting may be sent alone; what is not sent keeps its stored value. */
export const SaveSettingsPayloadSchema = z
  .object({ leadTimeDays: LeadTimeDaysSchema.optional(), walkthroughGate: z.boolean({ error: 'Walkthrough gate must be true or false' }).optional() })
  .strict()
  .refine((p) => p.leadTimeDays !== undefined || p.walkthroughGate !== undefined, { error: 'Send leadTimeDays or walkthroughGate' });
