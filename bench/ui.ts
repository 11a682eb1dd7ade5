/** Where the built Custom UI is (the bench builds it first when it is missing). */
import { resolve } from 'node:path';

export const UI_BUILD = resolve(__dirname, '..', 'static', 'cs-handoff', 'build');
