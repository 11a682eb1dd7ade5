// One runner, three projects: pure domain units, integration against the local Jira site,
// and browser tests driving the built UI in real Chromium.
const { availableParallelism } = require('node:os');

const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] };

module.exports = {
  testTimeout: 30000,
  // Jest's default (cores - 1) is one worker on a 2-core machine, and a browser suite's worker spends most of
  // its time waiting on Chromium: two workers keep both cores busy.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testSequencer: '<rootDir>/test/support/sequencer.cjs',
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], transform, testEnvironment: 'node' },
    {
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.ts'],
      // One Chromium for the run, shared by every browser test file (test/support/browser.ts, launchBrowser).
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/browser-global-teardown.ts',
    },
  ],
};
