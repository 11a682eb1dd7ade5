// `npm start` runs this first: build the Custom UI when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ui = join(root, 'static', 'cs-handoff');
const builtIndex = join(ui, 'build', 'index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

// The UI's inputs: its sources plus the files that decide how they are built.
const inputs = [join(ui, 'src'), join(ui, 'index.html'), join(ui, 'vite.config.mts'), join(ui, 'tsconfig.json')];
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...inputs.map(newestMtime));

if (builtAt === 0 || changedAt > builtAt) {
  console.log(builtAt === 0 ? 'Building the CS Handoff UI (first start)…' : 'The UI sources changed since the last build; rebuilding…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:ui'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm run build:ui failed; fix the UI build and run npm start again.');
    process.exit(result.status ?? 1);
  }
}
