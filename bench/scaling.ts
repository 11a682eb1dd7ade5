/** How the overview's cost grows with the number of versions in the project. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roundsOf } from '../local-site/jira';
import { startLocalSite } from '../local-site/site';
import { invoker, person, unwrap } from './fixtures';
import { isPropertyRead, isVersionPage, measured } from './rounds';

export interface ScalingRow {
  versions: number;
  calls: number;
  /** Forge storage calls (the handoffs' by-project queries). */
  storageCalls: number;
  propertyReads: number;
  versionPages: number;
  rounds: number;
  wallMs: number;
}

export async function measureScaling(counts: number[], latencyMs: number): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const n of counts) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-bench-scale-'));
    const site = await startLocalSite({ dataDir, port: 0, quiet: true });
    try {
      const rita = { kind: 'user' as const, accountId: person(site, 'release-manager').accountId };
      const shop = site.jira.store.findProject('SHOP');
      if (!shop) throw new Error('no SHOP project');
      const existing = site.jira.store.versionRows(shop.id).length;
      // Fast path: straight into the emulator's store, as the release manager (no HTTP per version).
      for (let i = existing; i < n; i += 1) site.jira.store.createVersion(rita, { projectId: String(shop.id), name: `Bench ${i + 1}`, releaseDate: '2099-06-01' });
      const invoke = invoker(site);
      unwrap(await invoke('po', 'listReleases', {}), 'warm-up');
      site.jira.settings.latencyMs = latencyMs;
      site.host.storageSettings.latencyMs = latencyMs;
      const m = await measured(site.jira.requestLog, () => invoke('po', 'listReleases', {}).then((r) => unwrap(r, 'listReleases')), site.host.storageLog);
      // One page is shown; the page says how many versions there are in all.
      const { releases, page } = m.value as { releases: unknown[]; page: { total: number; size: number } };
      const total = Math.max(n, existing);
      if (page.total !== total || releases.length !== Math.min(total, page.size)) throw new Error(`overview shows ${releases.length} of ${page.total} versions, expected a page of ${total}`);
      rows.push({
        versions: total,
        calls: m.calls.length,
        storageCalls: m.storage.length,
        propertyReads: m.calls.filter(isPropertyRead).length,
        versionPages: m.calls.filter(isVersionPage).length,
        rounds: roundsOf([...m.calls, ...m.storage]),
        wallMs: m.wallMs,
      });
    } finally {
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
