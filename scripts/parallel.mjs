// Runs shell commands side by side, one per core (at least 2), each started in the order given: `npm test`'s
// checks (type-aware ESLint, the three type checks, the cycle check, Prettier, the UI build) are each a
// single-threaded process, so on 2 cores two lanes halve their time. Each command's output is printed
// whole when it ends, under its name and time, so lanes never interleave. Every command runs to the end,
// so one run reports every failure; the exit code is the first failing command's.
//   node scripts/parallel.mjs 'npm run lint' 'npm run typecheck' ...
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { availableParallelism } from 'node:os';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs <command> [<command> ...]');
  process.exit(2);
}
const lanes = Math.min(commands.length, Math.max(2, availableParallelism()));

function run(command) {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') } });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (e) => output.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${command} (${seconds} s${status === 0 ? '' : `, FAILED with exit code ${status}`})\n`);
      process.stdout.write(Buffer.concat(output));
      resolveRun(status);
    });
  });
}

const queue = [...commands];
let exitCode = 0;
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
      const status = await run(command);
      if (status !== 0 && exitCode === 0) exitCode = status;
    }
  }),
);
process.exitCode = exitCode;
