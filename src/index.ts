// The functions manifest.yml names, and nothing else.
export { handler } from './resolvers';
export { onVersionReleased } from './triggers/release-gate';
export { riskScan } from './triggers/risk-scan';
export { validateHandoff } from './triggers/workflow-validator';
