// Type-aware lint for the app, its Custom UI, the local site, the tests and the benchmarks, and the
// import boundaries of the architecture (README "Layout"; ../shared/style.md 1). Formatting is Prettier's.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/**
 * A feature folder under src/resolvers imports core/ and the domain, never another feature folder: a helper
 * two features need moves to core/ or the domain. The folders are read from the tree, so a new feature is
 * covered without editing this file.
 */
function featureBoundaries() {
  const features = readdirSync(new URL('./src/resolvers/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'core')
    .map((entry) => entry.name);
  return features.map((feature) => ({
    target: `./src/resolvers/${feature}`,
    from: './src/resolvers',
    except: ['./core', `./${feature}`, './index.ts'],
    message: `A feature folder imports src/resolvers/core and src/domain, never another feature folder: move what both need to core/ or the domain.`,
  }));
}

const boundaries = [
  {
    target: './src/domain',
    from: ['./src/resolvers', './src/jira', './src/store', './src/triggers'],
    message: 'src/domain is the pure core: no Jira calls, storage, resolvers or triggers (pass what it needs as arguments).',
  },
  {
    target: './static',
    from: './src',
    except: ['./contract', './domain'],
    message: 'The Custom UI shares only the typed contract (src/contract) and the pure domain (src/domain) with the app.',
  },
  ...featureBoundaries(),
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'dist/', 'coverage/', '.data/', '.tmp/', 'static/*/build/', 'test/integration/host/fixtures/'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Each file is checked with the tsconfig that builds it (root, static/cs-handoff, static/issue-card).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@forge/*'], message: 'src/domain is pure: Forge is reached through src/jira, src/store and src/resolvers.' }] }],
    },
  },
  {
    // Tests and benchmarks read JSON answers (fetch, the emulator, Jira fakes) that are `any` by nature, and
    // `expect(x.method)` / `jest.spyOn` pass methods unbound on purpose; fakes are `async` to match the real
    // signatures without awaiting anything. Floating and misused promises stay errors here too.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      // The emulator harness types REST answer bodies as `any` for the same reason (8 uses).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The Custom UI's props interfaces declare callbacks as method signatures (`onConfirm(): void`) and the
    // components destructure them; none of them uses `this`, so every report here (61) is a false positive.
    files: ['static/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The local Jira emulator (and the bench's fake site) coerce JSON request fields with String() exactly as
    // Jira does, objects included ("[object Object]" is what Jira answers too): 12 deliberate uses.
    files: ['local-site/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // The local site's dependency and route types declare functions as method signatures (`settings():`,
    // `handle(req, res)`) that are implemented by closures, none using `this`: its 7 reports are false positives.
    files: ['local-site/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Plain JavaScript: config files, the local site's browser scripts and the Forge bundle runner; no tsconfig builds them.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        ResizeObserver: 'readonly',
      },
    },
  },
);
