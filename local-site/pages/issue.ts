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
    project?: { key?: string; name?: string; projectTypeKey?: string };
    issuelinks?: IssueLinkJson[];
  };
}

interface LinkedIssueJson {
  key: string;
  fields?: { summary?: string; status?: { name?: string } };
}
export interface IssueLinkJson {
  id: string;
  type: { inward: string; outward: string };
  inwardIssue?: LinkedIssueJson;
  outwardIssue?: LinkedIssueJson;
}

/** An issue-context module as the issue view shows it: its title over the app's frame. */
export interface IssueContextPanel {
  title: string;
  frame: SafeHtml;
}

/** Jira's "Linked work items", grouped by how each reads from this issue ("relates to", "is blocked by"). */
function linksSection(links: IssueLinkJson[]): SafeHtml {
  if (links.length === 0) return html``;
  const rows = links.flatMap((l) => {
    const other = l.outwardIssue ?? l.inwardIssue;
    if (!other) return [];
    const label = l.outwardIssue ? l.type.outward : l.type.inward;
    return [html`<li data-testid="issue-link"><span class="muted">${label}</span> <a href="/browse/${encodeURIComponent(other.key)}">${other.key}</a> ${other.fields?.summary ?? ''}</li>`];
  });
  return html`<h2 class="side-heading">Linked work items</h2><ul class="issue-links" data-testid="issue-links">${rows}</ul>`;
}

/** A minimal Jira issue view, where router.navigate({ target: 'issue' }) lands. */
export function issueBody(issue: IssueJson, contexts: IssueContextPanel[] = []): SafeHtml {
  const f = issue.fields;
  const names = (list: { name?: string }[] | undefined): string => (list ?? []).map((v) => v.name ?? '').join(', ') || 'None';
  const main = html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/">Projects</a></li><li><a href="/projects/${f.project?.key ?? ''}/versions">${f.project?.name ?? ''}</a></li><li>${issue.key}</li></ol></nav>
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
  <div class="issue-description" data-testid="issue-description">${adfToHtml(f.description)}</div>
  ${linksSection(f.issuelinks ?? [])}`;
  if (contexts.length === 0) return main;
  return html`<div class="issue-view"><div class="issue-main">${main}</div>
  <aside class="issue-context" aria-label="Apps">${contexts.map((c) => html`<section class="issue-context-panel"><h2 class="issue-context-title">${c.title}</h2>${c.frame}</section>`)}</aside></div>`;
}
