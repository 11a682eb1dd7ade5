// Longest suites first, so that on 2 workers no minute-long suite starts last and runs alone at the end.
// Jest already does this when its cache holds last run's durations; a clean CI clone has no cache, and
// Jest's fallback (file size) puts the Forge bundle test, a small file that runs for minutes, near the end.
// Without a duration the estimate is the suite's own declared room, `jest.setTimeout(N)` (its author's
// word that it runs long), else its project's default; ties go to browser suites, then the larger file.
'use strict';
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const PROJECT_RANK = { browser: 0, integration: 1, unit: 2 };
/** browser-timeout.ts gives every browser suite 120 s; the others' default (jest.config's 30 s) is below any declared room. */
const BROWSER_TIMEOUT_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 30_000;

function declaredTimeoutMs(test) {
  let source = '';
  try {
    source = readFileSync(test.path, 'utf8');
  } catch {
    // A file that cannot be read fails when it runs; the order does not matter for it.
  }
  const declared = /jest\.setTimeout\(\s*([\d_]+)\s*\)/.exec(source);
  if (declared) return Number(declared[1].replace(/_/g, ''));
  return test.context.config.displayName?.name === 'browser' ? BROWSER_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
}

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const estimates = new Map(
      tests.map((test) => [test.path, { timeout: declaredTimeoutMs(test), rank: PROJECT_RANK[test.context.config.displayName?.name] ?? 3, size: test.context.hasteFS.getSize(test.path) ?? 0 }]),
    );
    for (const test of tests) test.duration = this.time(test);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      const timedA = a.duration != null;
      // As Jest does: a suite with no recorded duration (a new one) goes before the timed ones.
      if (timedA !== (b.duration != null)) return timedA ? 1 : -1;
      if (timedA) return b.duration - a.duration;
      const ea = estimates.get(a.path);
      const eb = estimates.get(b.path);
      return eb.timeout - ea.timeout || ea.rank - eb.rank || eb.size - ea.size;
    });
  }
}

module.exports = LongestFirstSequencer;
