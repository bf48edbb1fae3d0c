// One lint configuration for the whole repository. Typed rules (typescript-eslint with the project service) read
// each file through the tsconfig of its package. The rules that matter most here guard what TypeScript cannot:
// dropped promises (a lost side effect), workflow determinism (what workflow code may import), configuration read
// in one place per process, and packages that reach into each other's sources.
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TYPESCRIPT = ['**/*.ts', '**/*.tsx'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/.turbo/**', '**/dist/**', 'bench/results/**', '**/next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TYPESCRIPT })),
  {
    files: TYPESCRIPT,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits is a side effect nobody knows failed. Deliberate ones say so with `void`.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A server's callbacks name the object built around them, so it is declared before the one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-console': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+(apps|packages|activities|workflows|test|bench)/`,
              message: 'Import another package by its name (@firebreak/...), not by a path into its sources.',
            },
            {
              regex: String.raw`^(\.\./)+([\w-]+/)?src/`,
              message: 'Import another package by its name (@firebreak/...), not by a path into its src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read and validated once per process, in its env.ts: everything else takes it from there.
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.ts', 'activities/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/env.ts', '**/*.test.ts', 'workflows/src/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: "Read configuration from the package's env.ts, which validates it." },
      ],
    },
  },
  {
    // Workflow code is replayed: it may import only the workflow SDK, the domain package and activity types.
    files: ['workflows/src/**/*.ts'],
    // Tests and their test bed run in Node.js beside the workflows, not inside them.
    ignores: ['workflows/src/**/*.test.ts', 'workflows/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!@temporalio/workflow$|@firebreak/domain$|@firebreak/activities$|\.\.?/)`,
              message: 'Workflow code imports only @temporalio/workflow, @firebreak/domain and activity types.',
            },
            {
              group: ['@firebreak/activities'],
              allowTypeImports: true,
              message: 'Workflows take only the types of activities; the activities run in the worker.',
            },
          ],
        },
      ],
    },
  },
  {
    files: TYPESCRIPT,
    rules: { 'simple-import-sort/imports': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
