/**
 * Jira project-property keys (max 255 characters). Jira has no version properties, so each
 * version's handoff is a property of its project, keyed by version id.
 */
export const HANDOFF_KEY_PREFIX = 'cs-handoff.version.';
export const INDEX_PROPERTY_KEY = 'cs-handoff.index';

export function handoffPropertyKey(versionId: string): string {
  return `${HANDOFF_KEY_PREFIX}${versionId}`;
}

/** The release gate's per-version record (block entries, override): separate from the handoff, see domain/gate. */
export const GATE_KEY_PREFIX = 'cs-handoff.gate.';
export const GATE_INDEX_PROPERTY_KEY = 'cs-handoff.gate-index';
export const SETTINGS_PROPERTY_KEY = 'cs-handoff.settings';

export function gatePropertyKey(versionId: string): string {
  return `${GATE_KEY_PREFIX}${versionId}`;
}
