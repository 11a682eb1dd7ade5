// The functions manifest.yml names, and nothing else.
export { handler } from './resolvers';
