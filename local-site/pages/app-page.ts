import type { UiContext } from '../forge-host';
import { html, jsonForScript, type SafeHtml } from './html';

export interface AppPageInput {
  title: string;
  resourceUrl: string;
  /** The URL of the page itself; everything after it is the app's own route (view.createHistory). */
  basePath: string;
  context: UiContext;
  invokePath: string;
  /** The person's Jira theme: what getContext answers as theme.colorMode. */
  colorMode: 'light' | 'dark';
  /** The app's project pages by module key, with `{projectKey}` left open: where router.navigate to a module goes. */
  pageBases: Record<string, string>;
  /** The frame's element id (its config's is `<frameId>-config`); default the project page's `forge-app-frame`. */
  frameId?: string;
  /** The frame's data-testid; default its id. */
  testId?: string;
}

const frameIdOf = (input: AppPageInput): string => input.frameId ?? 'forge-app-frame';
// The project page's config keeps its historical id; every other frame's is derived from the frame's.
const configIdOf = (input: AppPageInput): string => (input.frameId ? `${input.frameId}-config` : 'forge-app-config');

/** What the parent page's bridge needs to answer each of the page's app frames (see client/site/main.ts). */
export function appPageHead(inputs: AppPageInput[]): SafeHtml {
  return html`${inputs.map(
    (input) =>
      html`<script type="application/json" id="${configIdOf(input)}">${jsonForScript({ basePath: input.basePath, context: input.context, invokePath: input.invokePath, colorMode: input.colorMode, pageBases: input.pageBases })}</script>
`,
  )}<script src="/_site/site.js"></script>`;
}

/**
 * One app module's Custom UI iframe, loaded from the resources' own origin, in Jira's chrome.
 * The sandbox flags and feature policies are the ones Forge documents for Custom UI iframes
 * (developer.atlassian.com/platform/forge/custom-ui/iframe): no popups, and allow-same-origin keeps the
 * frame's own origin, which is not the site's. The frame grows to its content (the bridge script reports the height).
 */
export function appFrame(input: AppPageInput): SafeHtml {
  return html`<iframe id="${frameIdOf(input)}" class="app-frame" title="${input.title}" src="${input.resourceUrl}"
      sandbox="allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts"
      allow="camera; clipboard-write; display-capture; fullscreen; microphone"
      data-forge-config="${configIdOf(input)}" data-module-key="${input.context.moduleKey}"
      data-testid="${input.testId ?? frameIdOf(input)}"></iframe>`;
}

/** A jira:projectPage: the app's frame filling the page. */
export function appPageBody(input: AppPageInput): SafeHtml {
  return html`<div class="app-frame-wrap">
    ${appFrame(input)}
  </div>`;
}
