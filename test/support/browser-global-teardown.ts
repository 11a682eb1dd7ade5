export { teardown as default } from './browser-global-setup';
