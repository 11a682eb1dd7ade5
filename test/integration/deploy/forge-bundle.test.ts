/**
 * The backend as `forge deploy` ships it: @forge/bundler (the version @forge/cli pins) bundles the app with
 * the root tsconfig.json, and Forge's runtime requires the bundle and calls the handlers manifest.yml names.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleAsForgeDeploys, ForgeBundleError, type ForgeBundle } from '../../../local-site/forge-bundle';
import { loadManifest } from '../../../local-site/forge-host/manifest';

const APP_DIR = resolve(__dirname, '../../..');
// One webpack + ts-loader run of the whole backend (about a minute on 2 cores, longer under load) and one of
// a one-file app.
jest.setTimeout(600_000);

/**
 * A one-handler app whose tsconfig.json is this repository's plus noEmit, as the repository's was before Forge
 * could bundle it. The bundler refuses at the first file either way; a tiny app keeps that run short.
 */
function appWithNoEmit(dir: string): string {
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'index.ts'), "export const handler = async (): Promise<string> => 'ok';\n");
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'no-emit-app', version: '1.0.0', private: true }));
  writeFileSync(
    join(dir, 'manifest.yml'),
    [
      'app:',
      '  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
      '  runtime:',
      '    name: nodejs22.x',
      'modules:',
      '  function:',
      '    - key: main',
      '      handler: index.handler',
      '',
    ].join('\n'),
  );
  symlinkSync(join(APP_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // tsconfig.json may carry comments: rewrite the one option rather than parsing the file.
  const tsconfig = readFileSync(join(APP_DIR, 'tsconfig.json'), 'utf8').replace('"compilerOptions": {', '"compilerOptions": {\n    "noEmit": true,');
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig.replace(/"include":\s*\[[^\]]*\]/, '"include": ["src"]'));
  return dir;
}

/** What Forge's runtime sees: each handler's export, required from the bundle in a fresh Node process. */
function handlerTypes(bundleDir: string, handlers: string[]): Record<string, string> {
  const script = `
    const [dir, ...handlers] = process.argv.slice(1);
    const types = {};
    for (const handler of handlers) {
      const dot = handler.lastIndexOf('.');
      const mod = require(require('node:path').join(dir, handler.slice(0, dot) + '.cjs'));
      types[handler] = typeof mod[handler.slice(dot + 1)];
    }
    process.stdout.write(JSON.stringify(types));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, bundleDir, ...handlers], { cwd: tmpdir(), encoding: 'utf8' })) as Record<string, string>;
}

describe('the Forge deploy bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'cs-handoff-forge-bundle-'));
  let bundle: ForgeBundle;
  let noEmitFailure: Promise<unknown>;

  beforeAll(async () => {
    // Both bundles at once: each is mostly waiting on one core.
    noEmitFailure = bundleAsForgeDeploys(appWithNoEmit(mkdtempSync(join(work, 'app-'))), join(work, 'no-emit')).then(
      () => undefined,
      (e: unknown) => e,
    );
    bundle = await bundleAsForgeDeploys(APP_DIR, join(work, 'bundle'));
    await noEmitFailure;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exports every handler manifest.yml names as a function', () => {
    const handlers = [...loadManifest(APP_DIR).functions.values()].map((f) => f.handler);
    expect(handlers.length).toBeGreaterThan(0);
    const types = handlerTypes(bundle.dir, handlers);
    expect(types).toEqual(Object.fromEntries(handlers.map((h) => [h, 'function'])));
  });

  it('ships the app as Forge runs it: entry points, source maps and the runtime wrapper', () => {
    const names = bundle.files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['index.cjs', 'index.cjs.map', '__forge__.cjs', 'runtime.json']));
    expect(bundle.codeBytes).toBe(bundle.files.find((f) => f.name === 'index.cjs')?.bytes);
    expect(bundle.codeGzipBytes).toBeGreaterThan(0);
    expect(bundle.codeGzipBytes).toBeLessThan(bundle.codeBytes);
  });

  it("leaves zod's locales out: only English, the one the app's messages come from", () => {
    const map = JSON.parse(readFileSync(join(bundle.dir, 'index.cjs.map'), 'utf8')) as { sources: string[] };
    const zod = map.sources.filter((s) => s.includes('node_modules/zod/'));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((s) => s.includes('/locales/')).map((s) => s.replace(/.*\/locales\//, ''))).toEqual(['en.js']);
  });

  it("answers bad input with the same words as the source: the app's own messages and zod's English ones", async () => {
    const calls = [
      ['saveHandoff', { versionId: 42, baseRevision: 'x', content: { whatsNew: 5 } }],
      ['saveSettings', { leadTimeDays: 'ten' }],
    ] as const;
    const context = { accountId: 'acc-po', cloudId: 'local', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SHOP', type: 'software' } } };
    const script = `
      const { handler } = require(process.argv[1]);
      const [context, calls] = JSON.parse(process.argv[2]);
      Promise.all(calls.map(([functionKey, payload]) => handler({ call: { functionKey, payload }, context }, { principal: { accountId: context.accountId } })))
        .then((answers) => process.stdout.write(JSON.stringify(answers)));`;
    const bundled = JSON.parse(execFileSync(process.execPath, ['-e', script, join(bundle.dir, 'index.cjs'), JSON.stringify([context, calls])], { cwd: tmpdir(), encoding: 'utf8' })) as unknown[];
    const { handler } = await import('#resolvers');
    const invoke = handler as unknown as (request: unknown, options: unknown) => Promise<unknown>;
    const source = await Promise.all(calls.map(([functionKey, payload]) => invoke({ call: { functionKey, payload }, context }, { principal: { accountId: context.accountId } })));
    expect(bundled).toEqual(JSON.parse(JSON.stringify(source)));
    // One of them is zod's own English (a missing object), the rest the app's words.
    expect(JSON.stringify(bundled)).toContain('Invalid input: expected object, received undefined');
    expect(JSON.stringify(bundled)).toContain('Lead time must be a number of days');
  });

  it("fails with the bundler's own message when tsconfig.json says noEmit", async () => {
    const failure = await noEmitFailure;
    expect(failure).toBeInstanceOf(ForgeBundleError);
    expect((failure as Error).message).toMatch(/TypeScript emitted no output for .*src\/index\.ts/);
  });
});
