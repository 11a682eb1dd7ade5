import { adfToHtml, type AdfNode } from './adf-html';
import { html, type SafeHtml } from './html';

export interface IssueJson {
  id: string;
  key: string;
  fields: {
    summary?: string;
    description?: AdfNode | null;
    issuetype?: { name?: string };
    status?: { name?: string };
    labels?: string[];
    versions?: { name?: string }[];
    fixVersions?: { name?: string }[];
    reporter?: { displayName?: string } | null;
    project?: { key?: string; name?: string };
  };
}

/** A minimal Jira issue view, where router.navigate({ target: 'issue' }) lands. */
export function issueBody(issue: IssueJson): SafeHtml {
  const f = issue.fields;
  const names = (list: { name?: string }[] | undefined): string => (list ?? []).map((v) => v.name ?? '').join(', ') || 'None';
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/">Projects</a></li><li><a href="/projects/${f.project?.key ?? ''}/versions">${f.project?.name ?? ''}</a></li><li>${issue.key}</li></ol></nav>
  <h1 class="issue-summary">${f.summary ?? ''}</h1>
  <dl class="issue-meta">
    <dt>Type</dt><dd>${f.issuetype?.name ?? ''}</dd>
    <dt>Status</dt><dd><span class="lozenge lozenge-unreleased">${f.status?.name ?? ''}</span></dd>
    <dt>Labels</dt><dd>${(f.labels ?? []).join(', ') || 'None'}</dd>
    <dt>Affects versions</dt><dd>${names(f.versions)}</dd>
    <dt>Fix versions</dt><dd>${names(f.fixVersions)}</dd>
    <dt>Reporter</dt><dd>${f.reporter?.displayName ?? ''}</dd>
  </dl>
  <h2 class="side-heading">Description</h2>
  <div class="issue-description" data-testid="issue-description">${adfToHtml(f.description)}</div>`;
}
