export { startTestSite, personOf, appPagePath, type TestSite } from './site';
export { launchBrowser, openAs, waitForApp, collectProblems, APP_ROOT_SELECTOR, type Opened, type PageProblems, type CspViolation } from './browser';
