import type { JiraVersion } from '../jira/types';
import { html, type SafeHtml } from './html';
import type { RelatedWorkJson } from './jira-client';
import { onThisSite } from './links';

export type VersionWithWork = JiraVersion & { relatedWork: RelatedWorkJson[] };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Jira's date style on the Releases page: "24 Nov 2025". */
export function jiraDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

function lozenge(v: JiraVersion): SafeHtml {
  if (v.archived) return html`<span class="lozenge lozenge-archived">Archived</span>`;
  if (v.released) return html`<span class="lozenge lozenge-released">Released</span>`;
  return html`<span class="lozenge lozenge-unreleased">Unreleased</span>`;
}

function relatedWork(v: VersionWithWork, siteUrl: string): SafeHtml {
  if (v.relatedWork.length === 0) return html``;
  return html`<ul class="related-work" aria-label="Related work for ${v.name}">
    ${v.relatedWork.map((w) =>
      w.url && /^(https?:\/\/|\/)/.test(w.url)
        ? html`<li><span class="related-category">${w.category}</span> <a href="${onThisSite(w.url, siteUrl)}">${w.title || w.url}</a></li>`
        : html`<li><span class="related-category">${w.category}</span> ${w.title ?? ''}</li>`,
    )}
  </ul>`;
}

export interface ReleasesPageInput {
  /** The site's own URL: related-work links to it become paths (see links.ts). */
  siteUrl: string;
  projectKey: string;
  projectName: string;
  versions: VersionWithWork[];
  appTitle: string;
  appVersionHref: (versionId: string) => string;
  notice?: { kind: 'success' | 'error'; text: string; link?: { href: string; text: string } };
}

/** Jira's "Releases" page for a project. */
export function releasesBody(input: ReleasesPageInput): SafeHtml {
  const { projectKey, projectName, versions } = input;
  const rows = versions.map((v) => {
    const overdue = !v.released && v.overdue;
    return html`<tr data-version-id="${v.id}">
      <th scope="row" class="col-name"><span class="version-name">${v.name}</span>${relatedWork(v, input.siteUrl)}</th>
      <td>${lozenge(v)}</td>
      <td class="col-date">${jiraDate(v.startDate)}</td>
      <td class="col-date${overdue ? ' is-overdue' : ''}">${jiraDate(v.releaseDate)}${overdue ? html`<span class="visually-hidden"> (overdue)</span>` : ''}</td>
      <td class="col-description">${v.description ?? ''}</td>
      <td class="col-actions">
        <a class="app-link" href="${input.appVersionHref(v.id)}" aria-label="${input.appTitle} for ${v.name}"><svg class="side-icon" viewBox="0 0 16 16" aria-hidden="true"><rect x="2" y="2" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="9" y="2" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="2" y="9" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="9" y="9" width="5" height="5" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>${input.appTitle}</a>
        ${
          !v.released && !v.archived
            ? html`<form method="post" action="/projects/${projectKey}/versions/${v.id}/release" class="inline-form">
                <button type="submit" class="button button-default" aria-label="Release ${v.name}">Release</button>
              </form>`
            : ''
        }
      </td>
    </tr>`;
  });
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/">Projects</a></li><li><a href="/projects/${projectKey}/versions">${projectName}</a></li></ol></nav>
  <h1 class="page-title">Releases</h1>
  ${input.notice ? html`<div class="notice notice-${input.notice.kind}" role="${input.notice.kind === 'error' ? 'alert' : 'status'}">${input.notice.text}${input.notice.link ? html` <a href="${input.notice.link.href}" target="_top">${input.notice.link.text}</a>` : ''}</div>` : ''}
  ${
    versions.length === 0
      ? html`<p class="empty">This project has no versions yet.</p>`
      : html`<table class="versions" data-testid="versions-table">
    <caption class="visually-hidden">Versions of ${projectName}</caption>
    <thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Start date</th><th scope="col">Release date</th><th scope="col">Description</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`
  }`;
}
