// ESLint 9 flat config: eslint recommended + typescript-eslint recommended, plus the one type-aware rule that guards
// the services' lives: no floating promises (a rejected promise nobody awaits ends a Node process). Formatting is Prettier's job (`prettier --check .`); layering is dependency-cruiser's.
const { defineConfig, globalIgnores } = require('eslint/config');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = defineConfig([
  globalIgnores([
    'dist/',
    'coverage/',
    '.wiredesk/',
    'bench/results/',
    // mutation testing's sandboxes and reports (npm run test:mutation)
    '.stryker-tmp/',
    'reports/',
    // data, not code
    'test/fixtures/',
    'libs/enrich/data/',
    'libs/ninjs/schema/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: { ecmaVersion: 2023, globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Services log through the structured (JSON) logger so every line carries the ingest id; console is for CLIs.
      'no-console': 'error',
      // Wire formats frame copy with control characters (ANPA 1312 / IPTC 7901 SOH, STX, ETX) and parsers must
      // find and strip them: regexes with control characters are intended here.
      'no-control-regex': 'off',
    },
  },

  // Type-aware: a promise that is neither awaited, returned, caught nor explicitly `void`ed is an error. `void` is
  // allowed only where a rejection is handled inside (the rule then trusts the author: keep a .catch before it).
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }] },
  },

  // Plain CommonJS config and helper files (jest configs, this file, .dependency-cruiser.cjs).
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Tests: jest globals; printing diagnostics is fine.
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { 'no-console': 'off' },
  },

  // Command-line programs write to the terminal by design (libs/infra is the engine of `wiredesk infra`, never
  // part of a service).
  {
    files: ['apps/cli/**', 'libs/infra/**', 'bench/**', 'scripts/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
]);
