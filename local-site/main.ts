import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleAsForgeDeploys } from './forge-bundle';
import { eventDeliveryFromEnv } from './forge-host';
import { roleLabel } from './pages/layout';
import { startLocalSite } from './site';

/** `npm start`: the local Jira site with the app installed, until Ctrl-C. */
async function main(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${process.env['PORT']}'`);
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data');
  const eventDelivery = eventDeliveryFromEnv(process.env);
  const site = await startLocalSite({ port, dataDir, appDir: resolve(__dirname, '..'), eventDelivery });

  const people = site.jira.people.map((p) => `${p.displayName} (${roleLabel(p.role)}, ${p.emailAddress})`).join('; ');
  console.log(`Local Jira (development site) with CS Handoff: ${site.url}/  data: ${dataDir}  sign in as: ${people}`);
  console.log(`The app's Custom UI is served from its own origin, as on Forge: ${site.resourceUrl}`);
  if (eventDelivery.delayMs || eventDelivery.duplicates) {
    console.log(`Product events: delivered ${eventDelivery.delayMs} ms late${eventDelivery.duplicates ? ', every one twice' : ''} (EVENT_DELAY_MS, EVENT_DUPLICATES)`);
  }
  void reportDeployBundle(resolve(__dirname, '..'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local site`);
    site.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * What `forge deploy` would ship, built by Forge's own bundler in the background: the size, or the bundler's
 * own error (the app runs here from source, so only this shows a backend Forge cannot bundle).
 */
async function reportDeployBundle(appDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-handoff-deploy-bundle-'));
  try {
    const bundle = await bundleAsForgeDeploys(appDir, join(dir, 'bundle'));
    const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
    console.log(`forge deploy bundle (@forge/bundler): ${kb(bundle.codeBytes)} (${kb(bundle.codeGzipBytes)} gzip -9)`);
  } catch (e) {
    console.error(`forge deploy would fail to bundle the backend: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
