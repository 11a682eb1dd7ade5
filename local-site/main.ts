import { resolve } from 'node:path';
import { roleLabel } from './pages/layout';
import { startLocalSite } from './site';

/** `npm start`: the local Jira site with the app installed, until Ctrl-C. */
async function main(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${process.env['PORT']}'`);
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data');
  const site = await startLocalSite({ port, dataDir, appDir: resolve(__dirname, '..') });

  const people = site.jira.people.map((p) => `${p.displayName} (${roleLabel(p.role)}, ${p.emailAddress})`).join('; ');
  // The README's address: the site listens on 127.0.0.1, which localhost names; the person picked is a cookie
  // of the host name, so one name is printed (and every link the site renders keeps the one in use).
  const url = new URL(site.url);
  url.hostname = 'localhost';
  console.log(`Local Jira (development site) with CS Handoff: ${url.origin}/  data: ${dataDir}  sign in as: ${people}`);

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

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
