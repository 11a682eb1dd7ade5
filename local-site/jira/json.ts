import { userDate, jiraTimestamp } from './dates';
import type { JiraVersion } from './types';

/** Row shapes as stored in SQLite. */
export interface PersonRow {
  account_id: string;
  display_name: string;
  email: string | null;
  role: string;
  time_zone: string | null;
}
export interface ProjectRow {
  id: number;
  key: string;
  name: string;
  description: string;
  project_type_key: string;
  lead_account_id: string;
}
export interface IssueTypeRow {
  id: number;
  name: string;
  description: string;
}
export interface VersionRow {
  id: number;
  project_id: number;
  name: string;
  description: string | null;
  archived: number;
  released: number;
  release_date: string | null;
  start_date: string | null;
  sequence: number;
}
export interface RelatedWorkRow {
  related_work_id: string;
  version_id: number;
  category: string;
  title: string | null;
  url: string | null;
  issue_id: number | null;
  seq: number;
}
export interface IssueRow {
  id: number;
  project_id: number;
  number: number;
  key: string;
  issue_type_id: number;
  summary: string;
  description: string | null;
  labels: string;
  versions: string;
  fix_versions: string;
  priority_id: string;
  reporter: string | null;
  created: string;
}

export interface IssueLinkRow {
  id: number;
  link_type_id: string;
  outward_issue_id: number;
  inward_issue_id: number;
}

const avatarUrls = (base: string, kind: string, id: string | number): Record<string, string> => ({
  '48x48': `${base}/_local/avatar/${kind}/${id}?size=48`,
  '24x24': `${base}/_local/avatar/${kind}/${id}?size=24`,
  '16x16': `${base}/_local/avatar/${kind}/${id}?size=16`,
  '32x32': `${base}/_local/avatar/${kind}/${id}?size=32`,
});

export function userJson(base: string, p: PersonRow, siteTimeZone: string): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(p.account_id)}`,
    accountId: p.account_id,
    accountType: p.role === 'app' ? 'app' : 'atlassian',
    ...(p.email ? { emailAddress: p.email } : {}),
    avatarUrls: avatarUrls(base, 'user', p.account_id),
    displayName: p.display_name,
    active: true,
    timeZone: p.time_zone ?? siteTimeZone,
    locale: 'en_US',
  };
}

export function projectRefJson(base: string, p: ProjectRow): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${p.id}`,
    id: String(p.id),
    key: p.key,
    name: p.name,
    projectTypeKey: p.project_type_key,
    simplified: false,
    avatarUrls: avatarUrls(base, 'project', p.id),
  };
}

export function issueTypeJson(base: string, t: IssueTypeRow): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issuetype/${t.id}`,
    id: String(t.id),
    description: t.description,
    iconUrl: `${base}/_local/avatar/issuetype/${t.id}`,
    name: t.name,
    subtask: false,
    hierarchyLevel: 0,
  };
}

export function versionJson(base: string, v: VersionRow, today: string): JiraVersion {
  const json: JiraVersion = {
    self: `${base}/rest/api/3/version/${v.id}`,
    id: String(v.id),
    name: v.name,
    archived: v.archived === 1,
    released: v.released === 1,
    overdue: v.released === 0 && v.release_date !== null && v.release_date < today,
    projectId: v.project_id,
  };
  if (v.description !== null) json.description = v.description;
  if (v.start_date !== null) {
    json.startDate = v.start_date;
    json.userStartDate = userDate(v.start_date);
  }
  if (v.release_date !== null) {
    json.releaseDate = v.release_date;
    json.userReleaseDate = userDate(v.release_date);
  }
  return json;
}

export function relatedWorkJson(r: RelatedWorkRow): Record<string, unknown> {
  return {
    relatedWorkId: r.related_work_id,
    category: r.category,
    ...(r.title !== null ? { title: r.title } : {}),
    ...(r.url !== null ? { url: r.url } : {}),
    ...(r.issue_id !== null ? { issueId: r.issue_id } : {}),
  };
}

export const STATUS_TO_DO = {
  id: '10000',
  name: 'To Do',
  description: '',
  statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
};

export const PRIORITIES: Record<string, string> = { '1': 'Highest', '2': 'High', '3': 'Medium', '4': 'Low', '5': 'Lowest' };

export function timestampOf(iso: string): string {
  return jiraTimestamp(new Date(iso));
}
