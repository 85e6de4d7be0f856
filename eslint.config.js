// ESLint for every script of the repository (`npm run lint`). The typescript-eslint set is the one without type
// information, so a run parses files instead of building programs and stays a few seconds long; the compiler
// (`npm run typecheck`) is what checks types. Formatting is Prettier's alone: eslint-config-prettier goes last.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
    'bench/tmp/',
    'bench/.out/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore says "left out on purpose": `const { text: _text, ...logged } = document` drops a
      // field from a copy, and a stand-in keeps the signature of what it replaces.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript here is Node: the start script, the CLI launcher, the benchmark and lint helpers.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // Only the two classic hook rules: the plugin's recommended set now also carries the React Compiler's
    // rules, which judge code written for a compiler this project does not use.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  prettier,
);
