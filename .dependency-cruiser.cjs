/**
 * Import cycles in the app, its Custom UI and the local site (`npm run cycles`). Type-only imports count:
 * a cycle through types still ties the modules' meaning together. Import boundaries are ESLint's
 * (eslint.config.mjs, import-x/no-restricted-paths), where an editor shows them.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others: move the shared part into a module both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'alias-resolves',
      severity: 'error',
      comment: 'A package.json "imports" alias (#domain/…, README "Layout") that names no file: an unresolved import would also drop out of the cycle check above.',
      from: {},
      to: { couldNotResolve: true, path: '^#' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '^static/[^/]+/build/', '^dist/', '^test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
