import type { IncomingMessage, ServerResponse } from 'node:http';
import { INVOKE_PATH, type ForgeHost, type InvokeOptions, type UiModule } from '../forge-host';
import type { Person } from '../jira/types';
import { appFrame, appPageBody, appPageHead, type AppPageInput } from './app-page';
import { loadAssets } from './assets';
import { readForm, redirect, safeReturn, send } from './respond';
import { issueBody } from './issue';
import { JiraClient, JiraRequestError } from './jira-client';
import { layout, type SidebarInfo } from './layout';
import { errorPage, issueSearchPage, projectsPage, type PageEnv } from './plain-pages';
import { parseColorMode, setPersonCookie, setThemeCookie, signedInPerson, signedInTheme, type ColorMode } from './person';
import { releasesBody, type VersionWithWork } from './releases';

export interface PagesOptions {
  host: ForgeHost;
  people: Person[];
  baseUrl: string;
  defaultProjectKey?: string;
  /** Where the app's Custom UI is served from, as the asking browser reaches it: another origin than the site. */
  resourceOriginOf: (req: IncomingMessage) => string;
}

export interface Pages {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The app page's URL for a project, optionally with the app's own sub-path. */
  appPageUrl(projectKey: string, subPath?: string): string;
}

/** How long a Release click waits for the app's trigger, so the page shows the outcome (an app may undo it). */
const RELEASE_SETTLE_MS = 5000;

export function createPages(options: PagesOptions): Pages {
  const { host, people, baseUrl } = options;
  const env: PageEnv = { baseUrl, people };
  const defaultProject = options.defaultProjectKey ?? 'SHOP';
  const assets = loadAssets();
  const appBase = (projectKey: string): string => `/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${host.appId}/${host.environmentId}`;
  const appPageUrl = (projectKey: string, subPath = ''): string => appBase(projectKey) + subPath;
  const appTitle = (): string => {
    try {
      return host.projectPage().title || 'App';
    } catch {
      return 'App';
    }
  };
  const sidebarFor = (projectKey: string, projectName: string, current: SidebarInfo['current'], projectType?: string): SidebarInfo => ({
    projectKey,
    projectName,
    ...(projectType ? { projectType } : {}),
    current,
    appTitle: appTitle(),
    appHref: appPageUrl(projectKey),
  });

  async function releasesPage(res: ServerResponse, person: Person, theme: ColorMode, url: URL, projectKey: string, status = 200, notice?: { kind: 'success' | 'error'; text: string }): Promise<void> {
    const client = new JiraClient(baseUrl, person.emailAddress);
    const returnTo = url.pathname;
    let project;
    try {
      project = await client.project(projectKey);
    } catch (e) {
      if (e instanceof JiraRequestError) return errorPage(env, res, person, theme, returnTo, e.status, 'Project not available', `${person.displayName} cannot see project ${projectKey}: ${e.message}`);
      throw e;
    }
    const versions = await client.versions(projectKey);
    const withWork: VersionWithWork[] = await Promise.all(versions.map(async (v) => ({ ...v, relatedWork: await client.relatedWork(v.id).catch(() => []) })));
    const released = url.searchParams.get('released');
    const releasedVersion = released ? withWork.find((v) => v.id === released) : undefined;
    const shown =
      notice ?? (releasedVersion ? (releasedVersion.released ? { kind: 'success' as const, text: `${releasedVersion.name} is released.` } : putBackNotice(releasedVersion, project.key)) : undefined);
    const body = releasesBody({
      siteUrl: baseUrl,
      projectKey: project.key,
      projectName: project.name,
      versions: withWork,
      appTitle: appTitle(),
      appVersionHref: (id) => appPageUrl(project.key, `/version/${encodeURIComponent(id)}`),
      ...(shown ? { notice: shown } : {}),
    });
    send(res, status, layout({ title: `Releases - ${project.name}`, person, theme, people, returnTo: returnTo + url.search, sidebar: sidebarFor(project.key, project.name, 'releases'), body }));
  }

  /**
   * Who put a just-released version back: the app, named, with a link to its page for the version when its
   * trigger did it; otherwise only what the site knows (and the related work, only if there is some).
   */
  function putBackNotice(version: VersionWithWork, projectKey: string): { kind: 'error'; text: string; link?: { href: string; text: string } } {
    const byApp = options.host.deliveries.some((d) => d.kind === 'trigger' && d.versionId === version.id && (d.result as { action?: string } | undefined)?.action === 'blocked');
    if (byApp) {
      return {
        kind: 'error',
        text: `${version.name} was released, and then ${appTitle()} put it back to unreleased: its release gate is closed.`,
        link: { href: appPageUrl(projectKey, `/version/${encodeURIComponent(version.id)}`), text: `See why in ${appTitle()}` },
      };
    }
    const why = version.relatedWork.length > 0 ? ' Its related work may say why.' : '';
    return { kind: 'error', text: `${version.name} was released, and then put back to unreleased.${why}` };
  }

  async function release(req: IncomingMessage, res: ServerResponse, person: Person, theme: ColorMode, url: URL, projectKey: string, versionId: string): Promise<void> {
    await readForm(req);
    const client = new JiraClient(baseUrl, person.emailAddress);
    try {
      await client.release(versionId);
    } catch (e) {
      if (e instanceof JiraRequestError) {
        return releasesPage(res, person, theme, url, projectKey, e.status, { kind: 'error', text: `Jira refused the release: ${e.message}` });
      }
      throw e;
    }
    await Promise.race([host.idle(), new Promise((resolve) => setTimeout(resolve, RELEASE_SETTLE_MS).unref())]).catch(() => undefined);
    redirect(res, 303, `/projects/${encodeURIComponent(projectKey)}/versions?released=${encodeURIComponent(versionId)}`);
  }

  async function appPage(res: ServerResponse, person: Person, theme: ColorMode, url: URL, projectKey: string, resourceOrigin: string): Promise<void> {
    const client = new JiraClient(baseUrl, person.emailAddress);
    let project;
    try {
      project = await client.project(projectKey);
    } catch (e) {
      if (e instanceof JiraRequestError)
        return errorPage(env, res, person, theme, url.pathname, e.status, 'Project not available', `${person.displayName} cannot see project ${projectKey}: ${e.message}`);
      throw e;
    }
    const page = host.projectPage();
    const input = await frameInput(person, theme, resourceOrigin, page, { projectKey: project.key, moduleKey: page.key }, appBase(project.key));
    send(
      res,
      200,
      layout({
        title: `${page.title} - ${project.name}`,
        person,
        theme,
        people,
        returnTo: url.pathname + url.search,
        sidebar: sidebarFor(project.key, project.name, 'app'),
        body: appPageBody(input),
        headExtra: appPageHead([input]),
        bleed: true,
      }),
    );
  }

  /** What one of the app's UI modules needs to render in its frame, where Jira would render it. */
  async function frameInput(person: Person, theme: ColorMode, resourceOrigin: string, module: UiModule, opts: InvokeOptions, basePath: string, frameId?: string): Promise<AppPageInput> {
    const context = await host.uiContext(person.accountId, opts);
    const pageBases = Object.fromEntries(host.manifest.projectPages.map((p) => [p.key, appBase('{projectKey}').replace(encodeURIComponent('{projectKey}'), '{projectKey}')]));
    return {
      title: module.title,
      resourceUrl: `${resourceOrigin}/forge/resources/${encodeURIComponent(module.resource)}/index.html`,
      basePath,
      context,
      invokePath: INVOKE_PATH,
      colorMode: theme,
      pageBases,
      ...(frameId ? { frameId, testId: `issue-context-frame-${module.key}` } : {}),
    };
  }

  /**
   * Jira's issue view: the issue as the person may see it, its links, and every jira:issueContext module of
   * the app in the context column, each in its own frame with the issue in its context.
   */
  async function issuePage(res: ServerResponse, person: Person, theme: ColorMode, url: URL, key: string, resourceOrigin: string): Promise<void> {
    const client = new JiraClient(baseUrl, person.emailAddress);
    let issue;
    try {
      issue = await client.issue(key);
    } catch (e) {
      if (e instanceof JiraRequestError) return errorPage(env, res, person, theme, url.pathname, e.status, 'Issue not available', `${person.displayName} cannot see ${key}: ${e.message}`);
      throw e;
    }
    const projectKey = issue.fields.project?.key ?? key.split('-')[0] ?? defaultProject;
    const projectName = issue.fields.project?.name ?? projectKey;
    const contexts = await Promise.all(
      host.manifest.issueContexts.map((m) => frameInput(person, theme, resourceOrigin, m, { projectKey, moduleKey: m.key, issueKey: issue.key }, url.pathname, `forge-issue-context-${m.key}`)),
    );
    send(
      res,
      200,
      layout({
        title: `[${issue.key}] ${issue.fields.summary ?? ''}`,
        person,
        theme,
        people,
        returnTo: url.pathname,
        sidebar: sidebarFor(projectKey, projectName, 'none', issue.fields.project?.projectTypeKey),
        body: issueBody(
          issue,
          contexts.map((input) => ({ title: input.title, frame: appFrame(input) })),
        ),
        ...(contexts.length > 0 ? { headExtra: appPageHead(contexts) } : {}),
      }),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const asset = assets.get(path);
    if (asset && method === 'GET') {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(asset.body);
      return true;
    }

    const { person, fromCookie } = signedInPerson(req, people);
    // Pin the default person in the cookie, so the browser's own REST calls and invokes agree with the page.
    if (!fromCookie) setPersonCookie(res, person.accountId);
    const theme = signedInTheme(req);

    if (method === 'POST' && path === '/_site/theme') {
      const form = await readForm(req);
      const chosen = parseColorMode(form.get('colorMode'));
      if (chosen) setThemeCookie(res, chosen);
      redirect(res, 303, safeReturn(form.get('return')));
      return true;
    }

    if (method === 'POST' && path === '/_site/person') {
      const form = await readForm(req);
      const chosen = people.find((p) => p.accountId === form.get('accountId'));
      if (chosen) setPersonCookie(res, chosen.accountId);
      redirect(res, 303, safeReturn(form.get('return')));
      return true;
    }
    if (method === 'GET' && path === '/') {
      redirect(res, 302, `/projects/${defaultProject}/versions`);
      return true;
    }
    let m = /^\/projects\/([A-Za-z][A-Za-z0-9_]*)\/versions\/?$/.exec(path);
    if (m && method === 'GET') {
      await releasesPage(res, person, theme, url, m[1] ?? '');
      return true;
    }
    m = /^\/projects\/([A-Za-z][A-Za-z0-9_]*)\/versions\/(\d+)\/release$/.exec(path);
    if (m && method === 'POST') {
      await release(req, res, person, theme, url, m[1] ?? '', m[2] ?? '');
      return true;
    }
    m = /^\/jira\/software\/projects\/([A-Za-z][A-Za-z0-9_]*)\/apps\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (m && method === 'GET') {
      if (m[2] !== host.appId || m[3] !== host.environmentId) {
        errorPage(env, res, person, theme, path, 404, 'App not installed', `No app ${m[2] ?? ''} (environment ${m[3] ?? ''}) is installed on this site.`);
        return true;
      }
      await appPage(res, person, theme, url, m[1] ?? '', options.resourceOriginOf(req));
      return true;
    }
    if (method === 'GET' && /^\/projects\/?$/.test(path)) {
      await projectsPage(env, res, person, theme, url);
      return true;
    }
    if (method === 'GET' && /^\/issues\/?$/.test(path)) {
      await issueSearchPage(env, res, person, theme, url);
      return true;
    }
    m = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/.exec(path);
    if (m && method === 'GET') {
      await issuePage(res, person, theme, url, m[1] ?? '', options.resourceOriginOf(req));
      return true;
    }
    if (method === 'GET') {
      errorPage(env, res, person, theme, '/', 404, "We can't find that page", `Nothing lives at ${path} on this site.`);
      return true;
    }
    return false;
  }

  return { handle, appPageUrl };
}
