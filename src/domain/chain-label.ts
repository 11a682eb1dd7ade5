/**
 * The chain-aware label: what lets the support-to-bug pipeline trace an L3 bug back to the release
 * and handoff it came from.
 *
 * Format (documented in the README):
 *   chain-<project key, lower case>-v<version id>-l3                  the release's L3 label
 *   chain-<project key, lower case>-v<version id>-<item>-<n>           the handoff item it was filed from
 *                                                                      (<item> = step | limitation | question)
 *   chain-<project key, lower case>-v<version id>-brief-gap            a walkthrough question filed as a gap in the release brief
 * It uses the version *id*, never its name, so renaming a release keeps every label valid.
 * Jira project keys are upper-case letters, digits and underscores starting with a letter, so the
 * key never contains '-' and a label names one release unambiguously. The app only writes labels and
 * finds issues by them with JQL (l3BugsJql, briefGapFilingJql); nothing parses one back, so there is
 * no parser to keep in step with this format.
 */

export const JIRA_LABEL_MAX = 255;

export type HandoffItemKind = 'step' | 'limitation' | 'question';

export interface ChainLink {
  projectKey: string;
  versionId: string;
}

export interface ItemRef {
  kind: HandoffItemKind;
  /** 1-based position in its section at the moment of filing. */
  position: number;
}

export class ChainLabelError extends Error {}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
const VERSION_ID = /^\d{1,18}$/;

function checkLink({ projectKey, versionId }: ChainLink): void {
  if (!PROJECT_KEY.test(projectKey)) {
    throw new ChainLabelError(`Project key "${projectKey}" is not a Jira project key (A-Z, 0-9, _; starts with a letter)`);
  }
  if (!VERSION_ID.test(versionId)) {
    throw new ChainLabelError(`Version id "${versionId}" is not a Jira version id (digits only)`);
  }
}

function bounded(label: string): string {
  if (label.length > JIRA_LABEL_MAX) {
    throw new ChainLabelError(`Label would be ${label.length} characters; Jira allows at most ${JIRA_LABEL_MAX}`);
  }
  return label;
}

const prefix = (link: ChainLink) => `chain-${link.projectKey.toLowerCase()}-v${link.versionId}`;

export function releaseLabel(link: ChainLink): string {
  checkLink(link);
  return bounded(`${prefix(link)}-l3`);
}

/** The label of a Jira task filed for a gap in the release brief (from the CS walkthrough). */
export function briefGapLabel(link: ChainLink): string {
  checkLink(link);
  return bounded(`${prefix(link)}-brief-gap`);
}

export function itemLabel(link: ChainLink, item: ItemRef): string {
  checkLink(link);
  if (!Number.isInteger(item.position) || item.position < 1 || item.position > 9999) {
    throw new ChainLabelError(`Item position ${item.position} must be a whole number from 1 to 9999`);
  }
  return bounded(`${prefix(link)}-${item.kind}-${item.position}`);
}

/** All labels an L3 bug carries: the release's label, plus the item's when filed from one. */
export function l3Labels(link: ChainLink, item?: ItemRef): string[] {
  return item ? [releaseLabel(link), itemLabel(link, item)] : [releaseLabel(link)];
}

const FILING_TOKEN = /^[0-9a-f]{12}$/;

/**
 * The label of one filing of a brief gap: the token its reservation carries, so the task a create
 * made (even when Jira's answer was lost) can be found again with JQL before anything is filed twice.
 */
export function briefGapFilingLabel(token: string): string {
  if (!FILING_TOKEN.test(token)) throw new ChainLabelError(`Filing token "${token}" is not 12 lower-case hex digits`);
  return `cs-handoff-filing-${token}`;
}

/** JQL for the task(s) a brief gap's filing created in the project, by its filing label. */
export function briefGapFilingJql(projectKey: string, token: string): string {
  return `project = ${projectKey} AND labels = "${briefGapFilingLabel(token)}" ORDER BY created ASC`;
}

/** JQL for every L3 bug of a release; the label is quoted so no character can change the query. */
export function l3BugsJql(link: ChainLink): string {
  return `project = ${link.projectKey} AND labels = "${releaseLabel(link)}" ORDER BY created DESC`;
}
