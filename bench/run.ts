/**
 * `npm run bench`: what the app costs. Starts the local Jira site in this process (temp data folder,
 * random port), seeds what it needs, and prints plain-text tables:
 *   1. Jira REST calls and sequential rounds per user action (every Jira call takes 150 ms), wall time
 *   2. the overview's cost with 10 / 100 / 1,000 / 5,000 versions (one page of 25 each time)
 *   3. the Custom UI: start-up bytes per screen as Chromium loads them, time to interactive at 4× CPU
 *   4. the backend bundle as `forge deploy` builds it (@forge/bundler) and its cold require time
 *   5. 50 concurrent saves: applied, conflicts, lost updates (at 0 ms and 150 ms per Jira call)
 *   6. the daily risk scan at 100 / 400 projects and 1,000 / 5,000 versions (simulated time)
 *   7. the issue card: calls and rounds to open it, Find an answer over 200 live handoffs
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalSite, type LocalSite } from '../local-site/site';
import { extraVersions, measureActions, TARGET } from './actions';
import { measureBackend } from './backend';
import { concurrentSaves } from './concurrency';
import { measureScaling } from './scaling';
import { measureScan } from './scan';
import { measureIssueCard } from './issue-card';
import { kb, ms } from './table';
import { Report, withBenchBlock } from './report';
import { UI_BUILD } from './ui';
import { measureUi } from './startup';

const LATENCY_MS = 150;

async function withSite<T>(fn: (site: LocalSite) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-handoff-bench-'));
  const site = await startLocalSite({ dataDir, port: 0, quiet: true });
  try {
    return await fn(site);
  } finally {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --only=1,3` runs those sections only (all of them by default). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map(Number);
const wanted = (n: number): boolean => !only || only.includes(n);

/** `--readme` writes the run's tables into README.md's Performance section (whole runs only). */
const writeReadme = process.argv.includes('--readme');

async function main(): Promise<void> {
  const started = performance.now();
  if (writeReadme && only) throw new Error('--readme writes the whole Performance section: run it without --only.');
  const report = new Report();
  if (!existsSync(join(UI_BUILD, 'index.html'))) {
    console.log('Building the Custom UI first (static/cs-handoff/build is missing)…');
    execFileSync(process.execPath, [resolve(__dirname, '..', 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  }
  console.log(`CS Handoff benchmarks — node ${process.version}, local Jira site in-process, ${new Date().toISOString()}`);

  if (wanted(1)) {
    report.section(`1. Remote calls per user action, Jira and Forge storage counted apart (each call takes ${LATENCY_MS} ms)`);
    const actions = await withSite((site) => measureActions(site, LATENCY_MS));
    report.table(
      ['action', 'resolver', 'Jira calls', 'storage calls', 'writes', 'rounds', `target ≤${TARGET.calls} calls / ≤${TARGET.rounds} rounds`, 'wall', 'expected (rounds×150)'],
      actions.map((r) => [
        r.action,
        r.resolver,
        r.calls ?? 'n/a',
        r.storageCalls ?? 'n/a',
        r.writes ?? 'n/a',
        r.rounds ?? 'n/a',
        r.calls === null ? (r.note ?? 'n/a') : r.overTarget ? 'OVER' : 'ok',
        ms(r.wallMs),
        ms(r.expectedMs),
      ]),
    );
    for (const r of actions.filter((a) => a.note && a.calls !== null)) report.note(`Note (${r.action}): ${r.note}.`);
  }
  if (wanted(2)) {
    report.section('2. Overview (listReleases) cost vs number of versions');
    const scaling = await measureScaling([10, 100, 1000, 5000], LATENCY_MS);
    report.table(
      ['versions', 'Jira calls', 'storage calls', 'property reads', 'version pages', 'rounds', 'wall'],
      scaling.map((r) => [r.versions, r.calls, r.storageCalls, r.propertyReads, r.versionPages, r.rounds, ms(r.wallMs)]),
    );
    report.note("One page of 25 versions per answer: one version-page call whatever the size, the page's records by key (batch gets of 25).");
  }
  if (wanted(3)) {
    report.section("3. Custom UI: start-up bytes per screen (Chromium: the app's JS/CSS responses before the screen's first render, gzip -9) and time to interactive");
    const ui = await withSite((site) => measureUi(site, { versions: 5000, runs: 5, cpuSlowdown: 4 }));
    report.table(
      ['screen', 'JS', 'CSS', 'total', 'budget', 'files'],
      ui.bytes.map((b) => [b.screen, kb(b.jsGzipBytes), kb(b.cssGzipBytes), kb(b.totalGzipBytes), `${kb(b.budgetBytes)} ${b.totalGzipBytes <= b.budgetBytes ? 'ok' : 'OVER'}`, b.files.length]),
    );
    for (const b of ui.bytes) console.log(`  ${b.screen}: ${b.files.map((f) => `${f.url} ${kb(f.gzipBytes)}`).join(', ')}`);
    report.table(
      [`time to interactive, ${ui.versions.toLocaleString('en-US')} versions, 4× CPU (cold context)`, 'median of 5', 'runs'],
      ui.interactive.map((r) => [r.screen, ms(r.medianMs), r.runsMs.map((x) => Math.round(x)).join(', ')]),
    );
  }
  if (wanted(4)) {
    report.section('4. Backend bundle (@forge/bundler as forge deploy runs it: webpack + ts-loader, not minified)');
    const backend = await measureBackend(5);
    report.table(
      ['bundle', 'gzip -9', 'cold require (median of 5, timed inside a fresh node)', 'require runs'],
      [[kb(backend.bundleBytes), kb(backend.bundleGzipBytes), ms(backend.coldRequireMs), backend.requireRunsMs.map(Math.round).join(', ')]],
    );
  }
  if (wanted(5)) {
    report.section('5. 50 concurrent saves, same base revision (PO + release manager, 3 versions)');
    const reports = await withSite(async (site) => {
      const versions = ['10003', ...(await extraVersions(site, 2, 'Bench concurrency'))];
      return [await concurrentSaves(site, versions, { saves: 50, latencyMs: 0, tag: 'L0' }), await concurrentSaves(site, versions, { saves: 50, latencyMs: LATENCY_MS, tag: 'L150' })];
    });
    report.table(
      ['Jira latency', 'saves', 'applied', 'CONFLICT', 'other errors', 'lost updates (applied, then overwritten)', 'stored = last applied', 'history has stored revision', 'wall'],
      reports.map((r) => [
        `${r.latencyMs} ms`,
        r.saves,
        r.applied,
        r.conflicts,
        r.other,
        r.lostUpdates,
        r.versions.every((v) => v.storedIsLastAccepted) ? 'yes' : 'NO',
        r.versions.every((v) => v.historyHasStored) ? 'yes' : 'NO',
        ms(r.wallMs),
      ]),
    );
    report.note(`Every CONFLICT answer returned the caller's own text: ${reports.every((r) => r.conflictsReturningYours === r.conflicts) ? 'yes' : 'NO'}.`);
    report.note('Every save commits with compare-and-set on the revision it started from (src/resolvers/core/handoff-store.ts): no window for a lost update.');
  }
  if (wanted(6)) {
    report.section(`6. Daily risk scan at site scale (simulated: every Jira and storage call ${LATENCY_MS} ms, stopped at its function's limit)`);
    const scans = [];
    for (const [projects, versions] of [
      [100, 1000],
      [400, 1000],
      [100, 5000],
      [400, 5000],
    ] as const)
      scans.push(await measureScan(projects, versions, LATENCY_MS));
    report.table(
      ['projects', 'versions', 'Jira calls', 'storage calls', 'rounds', 'simulated time', 'limit', 'finished', 'projects checked (run 1)', 'days to every project', 'days to every handoff verified'],
      scans.map((r) => [
        r.projects,
        r.versions,
        r.jiraCalls,
        r.storageCalls,
        r.rounds,
        `${(r.simulatedMs / 1000).toFixed(1)} s`,
        `${r.limitMs / 1000} s`,
        r.finished ? 'yes' : 'NO (killed)',
        `${r.checkedFirstRun} / ${r.projects}`,
        r.daysToEveryProject ?? 'never (14 days)',
        r.daysToEveryHandoff ?? 'never (14 days)',
      ]),
    );
    report.note(
      'One run a day; each run resumes from the cursor the last one stored. Every handoff is seeded (so every project uses the app); "verified" = its gate record read against Jira and its published properties checked (a bounded slice per run).',
    );
  }
  if (wanted(7)) {
    report.section(`7. The issue card (jira:issueContext) and Find an answer (each call takes ${LATENCY_MS} ms)`);
    const card = await withSite((site) => measureIssueCard(site, 200, LATENCY_MS));
    report.table(
      ['action', 'Jira calls', 'storage calls', 'rounds', 'wall'],
      card.rows.map((r) => [r.action, r.calls, r.storageCalls, r.rounds, ms(r.wallMs)]),
    );
    report.table(
      ['Find an answer over live handoffs', 'median', 'runs'],
      [
        [`findAnswers end to end, ${card.live} live handoffs, Jira and storage at 0 ms (${card.matches} matches)`, ms(card.searchMs), card.searchRunsMs.map(Math.round).join(', ')],
        [`rankAnswers alone over ${card.entries} entries (median of 20)`, ms(card.rankMs), ''],
      ],
    );
    report.table(
      ['card start-up (Chromium, gzip -9, before it shows the release)', 'JS', 'CSS', 'total', 'files'],
      [[card.startup.screen, kb(card.startup.jsGzipBytes), kb(card.startup.cssGzipBytes), kb(card.startup.totalGzipBytes), card.startup.files.length]],
    );
    console.log(`  ${card.startup.files.map((f) => `${f.url} ${kb(f.gzipBytes)}`).join(', ')}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nDone in ${seconds} s.`);
  if (writeReadme) {
    const readmePath = resolve(__dirname, '..', 'README.md');
    const heading = `Run of ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} cores, the whole bench in ${seconds} s.`;
    writeFileSync(readmePath, withBenchBlock(readFileSync(readmePath, 'utf8'), `${heading}\n\n${report.markdown()}`));
    console.log("README.md: the Performance section's figures are rewritten from this run.");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
