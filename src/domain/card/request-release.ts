/**
 * The release a service request is about: the issue entity property the "link to release" action writes
 * (src/domain/request-link.ts; Jira indexes it for JQL). Anyone who may edit the request can rewrite an issue property, so the card
 * treats it as a claim: it is parsed here and checked against Jira's own version before anything is shown.
 */
import { z } from 'zod';
import { RolloutStageSchema } from '../living/rollout';

// One key for the writer (linkRequestToRelease) and this reader: the value is a RequestReleaseLink.
export { REQUEST_RELEASE_PROPERTY_KEY } from '../request-link';

const JiraId = z.string().regex(/^[1-9][0-9]{0,17}$/);

export const RequestReleaseSchema = z.object({
  versionId: JiraId,
  projectId: JiraId,
  /** The rollout stage when the request was linked. */
  stage: RolloutStageSchema,
  /** ISO instant of the link. */
  linkedAt: z.string(),
});
export type RequestRelease = z.output<typeof RequestReleaseSchema>;

/** The property's value when it is one; anything else (absent, hand-edited into another shape) is no link. */
export function parseRequestRelease(value: unknown): RequestRelease | null {
  const parsed = RequestReleaseSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
