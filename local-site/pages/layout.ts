import type { Person } from '../jira/types';
import type { ColorMode } from './person';
import { html, type SafeHtml } from './html';

export const SITE_NAME = 'Local Jira (development site)';

const ROLE_LABEL: Record<Person['role'], string> = {
  po: 'Product owner',
  'cs-lead': 'CS lead',
  'cs-agent': 'CS agent',
  'support-agent': 'Support agent',
  'release-manager': 'Release manager',
  outsider: 'Not in the project',
};

export const roleLabel = (role: Person['role']): string => ROLE_LABEL[role] ?? role;

export interface SidebarInfo {
  projectKey: string;
  projectName: string;
  /** Jira's projectTypeKey; a service_desk project is a "Service project" in Jira's sidebar. */
  projectType?: string;
  current: 'releases' | 'app' | 'none';
  appTitle: string;
  appHref: string;
}

export interface PageInfo {
  title: string;
  person: Person;
  /** Jira's colour mode for the page's chrome (and what the app's getContext answers); default light. */
  theme?: ColorMode;
  people: Person[];
  /** Where to come back to after switching person. */
  returnTo: string;
  sidebar?: SidebarInfo;
  body: SafeHtml;
  /** The app page fills the content area edge to edge. */
  bleed?: boolean;
  headExtra?: SafeHtml;
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

function personSwitcher(person: Person, people: Person[], returnTo: string): SafeHtml {
  return html`<form class="person-switcher" method="post" action="/_site/person">
    <input type="hidden" name="return" value="${returnTo}">
    <label for="person-select">Signed in as</label>
    <select id="person-select" name="accountId" data-testid="person-select">
      ${people.map((p) => html`<option value="${p.accountId}" ${p.accountId === person.accountId ? html`selected` : ''}>${p.displayName} (${roleLabel(p.role)})</option>`)}
    </select>
    <button type="submit" class="button button-subtle">Switch</button>
    <span class="avatar" aria-hidden="true" title="${person.displayName}">${initials(person.displayName)}</span>
    <span class="visually-hidden" data-testid="signed-in-as">Signed in as ${person.displayName}</span>
  </form>`;
}

/** Jira's theme choice, next to the person: a labelled select and a submit button, so it works without JS. */
function themeSwitcher(theme: ColorMode, returnTo: string): SafeHtml {
  const option = (mode: ColorMode, label: string): SafeHtml => html`<option value="${mode}" ${mode === theme ? html`selected` : ''}>${label}</option>`;
  return html`<form class="theme-switcher" method="post" action="/_site/theme" data-testid="theme-switcher">
    <input type="hidden" name="return" value="${returnTo}">
    <label for="theme-select">Theme</label>
    <select id="theme-select" name="colorMode" data-testid="theme-select">
      ${option('light', 'Light')}${option('dark', 'Dark')}
    </select>
    <button type="submit" class="button button-subtle">Apply</button>
  </form>`;
}

function sidebar(info: SidebarInfo): SafeHtml {
  const item = (key: Exclude<SidebarInfo['current'], 'none'>, href: string, label: string, icon: SafeHtml): SafeHtml =>
    html`<li><a class="side-link${info.current === key ? ' is-current' : ''}" href="${href}" ${info.current === key ? html`aria-current="page"` : ''}>${icon}<span>${label}</span></a></li>`;
  const releasesIcon = html`<svg class="side-icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h7l3 3v9H3z" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 9.5l1.8 1.8 3.2-3.6" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>`;
  const appIcon = html`<svg class="side-icon" viewBox="0 0 16 16" aria-hidden="true"><rect x="2" y="2" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="9" y="2" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="2" y="9" width="5" height="5" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><rect x="9" y="9" width="5" height="5" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>`;
  return html`<nav class="sidebar" aria-label="Project">
    <div class="project-header">
      <span class="project-avatar" aria-hidden="true">${info.projectName.slice(0, 1)}</span>
      <span class="project-text"><span class="project-name">${info.projectName}</span><span class="project-type">${info.projectType === 'service_desk' ? 'Service project' : 'Software project'}</span></span>
    </div>
    <p class="side-heading" id="side-planning">Planning</p>
    <ul class="side-list" aria-labelledby="side-planning">
      ${item('releases', `/projects/${encodeURIComponent(info.projectKey)}/versions`, 'Releases', releasesIcon)}
    </ul>
    <p class="side-heading" id="side-apps">Apps</p>
    <ul class="side-list" aria-labelledby="side-apps">
      ${item('app', info.appHref, info.appTitle, appIcon)}
    </ul>
  </nav>`;
}

/** Jira's chrome: the top bar with the site and the person switcher, the project sidebar, the content area. */
export function layout(page: PageInfo): string {
  return html`<!doctype html>
<html lang="en" data-color-mode="${page.theme ?? 'light'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} - ${SITE_NAME}</title>
<link rel="icon" href="/_site/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/_site/site.css">
<script src="/_site/chrome.js" defer></script>
${page.headExtra}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="/">
    <svg class="brand-logo" viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="5" fill="#1868DB"/><path d="M7 7h6.5a3.5 3.5 0 0 1 0 7H11v3H8.5" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>
    <span class="brand-name">${SITE_NAME}</span>
  </a>
  <nav class="topnav" aria-label="Site">
    <a href="/projects">Projects</a>
  </nav>
  ${themeSwitcher(page.theme ?? 'light', page.returnTo)}
  ${personSwitcher(page.person, page.people, page.returnTo)}
</header>
<div class="frame">
  ${page.sidebar ? sidebar(page.sidebar) : ''}
  <main id="main" class="content${page.bleed ? ' content-bleed' : ''}" tabindex="-1">
    ${page.body}
  </main>
</div>
<div class="flags" id="flags" aria-live="polite"></div>
</body>
</html>`.value;
}
