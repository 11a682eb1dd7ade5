// The functions manifest.yml names, and nothing else.
export { handler } from './resolvers';
export { onVersionReleased } from './triggers/release-gate';
export { recheckReleases } from './triggers/release-recheck';
export { retryRelease } from './triggers/release-retry';
export { riskScan } from './triggers/risk-scan';
export { validateHandoff } from './triggers/workflow-validator';
