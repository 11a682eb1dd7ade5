import type { UiContext } from '../forge-host';
import { html, jsonForScript, type SafeHtml } from './html';

export interface AppPageInput {
  title: string;
  resourceUrl: string;
  /** The URL of the app page itself; everything after it is the app's own route (view.createHistory). */
  basePath: string;
  context: UiContext;
  invokePath: string;
  /** The person's Jira theme: what getContext answers as theme.colorMode. */
  colorMode: 'light' | 'dark';
}

/** What the parent page's bridge needs to answer the iframe (see client/site.js). */
export function appPageHead(input: AppPageInput): SafeHtml {
  return html`<script type="application/json" id="forge-app-config">${jsonForScript({ basePath: input.basePath, context: input.context, invokePath: input.invokePath, colorMode: input.colorMode })}</script>
<script src="/_site/site.js"></script>`;
}

/**
 * A jira:projectPage: Jira's chrome around the app's Custom UI iframe, loaded from the resources' own origin.
 * The sandbox flags and feature policies are the ones Forge documents for Custom UI iframes
 * (developer.atlassian.com/platform/forge/custom-ui/iframe): no popups, and allow-same-origin keeps the
 * frame's own origin, which is not the site's. The frame grows to its content (the bridge script reports the height).
 */
export function appPageBody(input: AppPageInput): SafeHtml {
  return html`<div class="app-frame-wrap">
    <iframe id="forge-app-frame" class="app-frame" title="${input.title}" src="${input.resourceUrl}"
      sandbox="allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts"
      allow="camera; clipboard-write; display-capture; fullscreen; microphone"
      data-testid="forge-app-frame"></iframe>
  </div>`;
}
