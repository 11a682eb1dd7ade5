/** router.navigate / getUrl: where a location of @forge/bridge's router goes on the local site. */
import type { Slot } from './slots';

/** The locations the local site knows (a URL, or a Jira target). */
export type NavigationLocation =
  | string
  | {
      url?: string;
      target?: string;
      projectKey?: string;
      moduleKey?: string;
      path?: string;
      issueKey?: string;
      type?: string;
    };

// The site answers on 127.0.0.1 and localhost alike, but the person is a cookie of one host name: a link
// to this same site under its other name goes to the name the person came in on.
const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;
function onThisHost(href: string): string {
  const u = new URL(href, window.location.href);
  if (LOOPBACK.test(u.hostname) && LOOPBACK.test(window.location.hostname) && u.port === window.location.port) {
    return window.location.origin + u.pathname + u.search + u.hash;
  }
  return u.href;
}

export function urlFor(slot: Slot, location: NavigationLocation | null | undefined): string {
  const origin = window.location.origin;
  const config = slot.config;
  if (typeof location === 'string') return onThisHost(location);
  if (location?.url) return onThisHost(location.url);
  switch (location?.target) {
    case 'module': {
      const projectKey = location.projectKey || config.context.extension.project.key;
      // The app's project pages, by module key, with the project left open (an issue's module may open them too).
      const moduleKey = location.moduleKey || config.context.moduleKey;
      const template = (config.pageBases || {})[moduleKey];
      if (!template) throw new Error(`Module '${moduleKey}' is not a page on the local site`);
      const base = template.replace('{projectKey}', encodeURIComponent(projectKey));
      const path = location.path ? (location.path.charAt(0) === '/' ? location.path : `/${location.path}`) : '';
      return origin + base + (path === '/' ? '' : path);
    }
    case 'issue':
      return `${origin}/browse/${encodeURIComponent(location.issueKey ?? '')}`;
    case 'projectSettingsDetails':
      return `${origin}/projects/${encodeURIComponent(location.projectKey ?? '')}/versions`;
    default:
      throw new Error(`Navigation target '${location?.target}' is not supported by the local site`);
  }
}
