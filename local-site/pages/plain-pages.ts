/**
 * The site's plain pages: errors, the projects list and Jira's issue search ("View in Jira"), each as the
 * signed-in person may see it.
 */
import type { ServerResponse } from 'node:http';
import type { Person } from '../jira/types';
import { html } from './html';
import { JiraClient, JiraRequestError } from './jira-client';
import { layout } from './layout';
import type { ColorMode } from './person';
import { send } from './respond';

/** What every page is rendered with: the site's own address (for its REST calls) and who can sign in. */
export interface PageEnv {
  baseUrl: string;
  people: Person[];
}

export function errorPage(env: PageEnv, res: ServerResponse, person: Person, theme: ColorMode, returnTo: string, status: number, title: string, text: string): void {
  send(res, status, layout({ title, person, theme, people: env.people, returnTo, body: html`<h1 class="page-title">${title}</h1><p>${text}</p><p><a href="/projects">Go to your projects</a></p>` }));
}

/** Every project the person can browse (Otto, who cannot see SHOP, finds OPS here). */
export async function projectsPage(env: PageEnv, res: ServerResponse, person: Person, theme: ColorMode, url: URL): Promise<void> {
  const { values } = await new JiraClient(env.baseUrl, person.emailAddress).projects();
  const body = html`<h1 class="page-title">Projects</h1>
    ${
      values.length === 0
        ? html`<p>${person.displayName} cannot browse any project on this site.</p>`
        : html`<ul class="project-list" data-testid="project-list">${values.map((p) => html`<li><a href="/projects/${encodeURIComponent(p.key)}/versions">${p.name} (${p.key})</a></li>`)}</ul>`
    }`;
  send(res, 200, layout({ title: 'Projects', person, theme, people: env.people, returnTo: url.pathname, body }));
}

/** Jira's issue search (what "View in Jira" opens): the issues the JQL finds, as the person may see them. */
export async function issueSearchPage(env: PageEnv, res: ServerResponse, person: Person, theme: ColorMode, url: URL): Promise<void> {
  const jql = url.searchParams.get('jql') ?? '';
  const returnTo = url.pathname + url.search;
  let issues;
  try {
    issues = jql ? (await new JiraClient(env.baseUrl, person.emailAddress).search(jql)).issues : [];
  } catch (e) {
    if (e instanceof JiraRequestError) return errorPage(env, res, person, theme, returnTo, e.status, 'Search failed', `Jira could not run ${jql}: ${e.message}`);
    throw e;
  }
  const body = html`<h1 class="page-title">Search work items</h1>
    <p><code class="jql" data-testid="issue-search-jql">${jql}</code></p>
    ${
      issues.length === 0
        ? html`<p data-testid="issue-search-empty">No work items match.</p>`
        : html`<ul class="issue-results" data-testid="issue-search-results">${issues.map((i) => html`<li><a href="/browse/${encodeURIComponent(i.key)}">${i.key}</a> ${i.fields.summary ?? ''} <span class="muted">${i.fields.status?.name ?? ''}</span></li>`)}</ul>`
    }`;
  send(res, 200, layout({ title: 'Search work items', person, theme, people: env.people, returnTo, body }));
}
