export { startTestSite, personOf, attendeeOf, appPagePath, type TestSite } from './site';
export { launchBrowser, openAs, switchPerson, waitForApp, collectProblems, APP_ROOT_SELECTOR, type Opened, type PageProblems, type CspViolation } from './browser';
export { tid, GIFT_CARDS_CONTENT, seedHandoff, seedSupportSignals, SUPPORT_QUESTION, appAxeViolations, useAppSession, type AppSession, type OpenedApp } from './handoff-fixtures';
export { chooseOption, optionsOf, setDateAndTime } from './ds-controls';
