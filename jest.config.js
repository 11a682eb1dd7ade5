// One runner, three projects: pure domain units, integration against the local Jira site,
// and browser tests driving the built UI in real Chromium.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] };

module.exports = {
  testTimeout: 30000,
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'], transform, testEnvironment: 'node', setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.ts'] },
  ],
};
