// Bundles the app's backend exactly as `forge deploy` (@forge/cli 13.3.0) does, offline.
// Run with the app directory as the working directory (the CLI resolves manifest.yml and src/ from
// process.cwd()): node bundle-app.cjs <outDir>
// The CLI's wiring (out/command-line/dependency-injection.js and out/deploy/packager/runtime-bundler.js):
//   getNodeBundler(ui, getWrapperProvider({ fileSystemReader, statsigService }), configFile, statsigService)
//   .bundle({ appDirectory: process.cwd(), entryPoints: getEntryPoints(await configFile.getAppHandlers()) })
// then the archive gets the bundler's outputDir plus its additionalOutputs. Two pieces would go online,
// and are replaced the way the CLI itself allows offline:
// - the runtime wrapper comes from FORGE_RUNTIME_PATH (LocalWrapperProvider), here a stand-in directory:
//   the wrapper is Forge's code, not the app's, and is not what this bundle measures;
// - feature gates answer null, which is what StatsigService answers when it cannot reach Statsig.
// Prints one JSON line: { files: [{ name, bytes }] } on success, { error } on failure (exit code 1).
'use strict';
const { mkdirSync, writeFileSync, cpSync, rmSync, readdirSync, statSync, mkdtempSync } = require('node:fs');
const { join, dirname, relative } = require('node:path');
const { tmpdir } = require('node:os');
const bundler = require('@forge/bundler');
const shared = require('@forge/cli-shared');

class OfflineStatsig extends shared.StatsigReader {
  async checkGate() {
    return null;
  }
  async getDynamicConfig() {
    return null;
  }
}

const quietLogger = {
  traceEnabled: false,
  debugEnabled: false,
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, base) : [{ name: relative(base, path), bytes: statSync(path).size }];
  });
}

async function main() {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: node bundle-app.cjs <outDir> (run in the app directory)');
  const runtimeDir = mkdtempSync(join(tmpdir(), 'cs-handoff-forge-runtime-'));
  let bundlerOutputDir;
  try {
    mkdirSync(join(runtimeDir, 'dist'));
    for (const script of ['wrapper', 'loader']) {
      writeFileSync(join(runtimeDir, 'dist', `${script}.js`), `// stand-in for Forge's node runtime ${script}\n`);
    }
    process.env.FORGE_RUNTIME_PATH = runtimeDir;
    const fileSystemReader = new shared.FileSystemReader();
    const configFile = new shared.ConfigFile(fileSystemReader, new shared.FileSystemWriter());
    const statsigService = new OfflineStatsig();
    const nodeBundler = bundler.getNodeBundler(
      quietLogger,
      bundler.getWrapperProvider({ fileSystemReader, statsigService }),
      configFile,
      statsigService,
    );
    const entryPoints = bundler.getEntryPoints(await configFile.getAppHandlers());
    const { outputDir, additionalOutputs } = await nodeBundler.bundle({ appDirectory: process.cwd(), entryPoints });
    bundlerOutputDir = outputDir;
    rmSync(outDir, { recursive: true, force: true });
    cpSync(outputDir, outDir, { recursive: true });
    for (const [name, content] of additionalOutputs ?? []) {
      mkdirSync(dirname(join(outDir, name)), { recursive: true });
      writeFileSync(join(outDir, name), content);
    }
    process.stdout.write(`${JSON.stringify({ files: listFiles(outDir) })}\n`);
  } finally {
    rmSync(runtimeDir, { recursive: true, force: true });
    if (bundlerOutputDir) rmSync(bundlerOutputDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n`);
  process.exitCode = 1;
});
