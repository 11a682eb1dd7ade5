import { defineConfig } from 'vite';
import { forgeResourceConfig } from '../cs-handoff/build-support/resource-config';

/**
 * The "Release handoff" card (jira:issueContext): its own small resource, because Jira loads it on every
 * issue it is shown on. It shares the contract, a few components and the build setup with static/cs-handoff,
 * never its entry.
 */
export default defineConfig(forgeResourceConfig(import.meta.url));
