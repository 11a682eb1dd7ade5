/**
 * Jira project-property keys (max 255 characters). Jira has no version properties, so each
 * version's handoff is a property of its project, keyed by version id.
 */
export const HANDOFF_KEY_PREFIX = 'cs-handoff.version.';
export const INDEX_PROPERTY_KEY = 'cs-handoff.index';

export function handoffPropertyKey(versionId: string): string {
  return `${HANDOFF_KEY_PREFIX}${versionId}`;
}
