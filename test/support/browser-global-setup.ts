/**
 * Jest's global setup for the browser project (its teardown is re-exported by browser-global-teardown.ts): one
 * Chromium for the whole run, which every browser test file connects to (launchBrowser in browser.ts). Workers
 * inherit the endpoint through the environment, as they start after the global setup.
 */
import type { BrowserServer } from 'playwright-core';
import { launchBrowserServer, SHARED_BROWSER_ENV } from './browser';

const SERVER = Symbol.for('cs-handoff.browser-server');
type WithServer = typeof globalThis & { [SERVER]?: BrowserServer };

export default async function setup(): Promise<void> {
  const server = await launchBrowserServer();
  (globalThis as WithServer)[SERVER] = server;
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
}

export async function teardown(): Promise<void> {
  const server = (globalThis as WithServer)[SERVER];
  delete process.env[SHARED_BROWSER_ENV];
  await server?.close();
}
