// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import local from './scripts/eslint-rules.mjs';
import { webBoundaries } from './eslint-rules/web-boundaries.js';

/** Import boundaries: web and server never import each other; shared imports neither and stays platform-free. */
const noServer = { group: ['**/server/**', 'server/**'], message: 'web/ and shared/ must not import server code (use shared/contracts).' };
const noWeb = { group: ['**/web/**', 'web/**'], message: 'server/ and shared/ must not import web code.' };
const noPlatform = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'react', 'react-dom', 'antd', 'pg', 'fastify', 'drizzle-orm', 'drizzle-orm/*'],
  message: 'shared/ holds contracts and pure helpers only: no Node, DOM, UI or database imports.',
};

const noEnum = { selector: 'TSEnumDeclaration', message: 'Use a const array or string union instead of enum.' };
/**
 * A spread in a call's arguments passes every element as one argument on the stack: with a data-sized
 * array (Math.min(...years), issues.push(...rows)) a large import threw "Maximum call stack size
 * exceeded" (issue 9). Use a loop, reduce or concat. Drizzle's and()/or() take a handful of filter
 * conditions and stay allowed; any other small fixed array needs an
 * `eslint-disable-next-line no-restricted-syntax -- <why it is small>` comment.
 */
const noCallSpread = {
  selector: ':matches(CallExpression:not([callee.name=/^(and|or)$/]), NewExpression) > SpreadElement',
  message: 'No spread in call arguments: a data-sized array overflows the call stack. Loop, reduce or concat instead.',
};

/**
 * Server layers (issue 10), kept in its own block: lib imports no module; a module's queries are
 * private to it; a type assertion says why it holds. The rules live in scripts/eslint-rules.mjs and
 * server/test/lint-rules.test.ts proves each fires.
 */
const serverLayers = [
  {
    files: ['server/**/*.ts', 'shared/**/*.ts'],
    plugins: { local },
    rules: {
      'local/lib-imports-no-module': 'error',
      'local/queries-private-to-module': 'error',
      'local/assertion-needs-comment': 'error',
    },
  },
  // Tests and their helpers build rows directly and assert freely.
  {
    files: ['**/*.test.ts', 'server/test/**/*.ts'],
    rules: { 'local/lib-imports-no-module': 'off', 'local/queries-private-to-module': 'off', 'local/assertion-needs-comment': 'off' },
  },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'drizzle/', 'data/', 'scratch/', 'test-results/', 'playwright-report/', 'ci-results/', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': ['error', noEnum],
    },
  },
  { files: ['server/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts'], languageOptions: { globals: globals.node } },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noWeb] }] } },
  { files: ['server/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-restricted-syntax': ['error', noEnum, noCallSpread] } },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noServer, noWeb, noPlatform] }] } },
  { files: ['**/*.test.ts', 'server/test/**/*.ts', 'e2e/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  ...serverLayers,

  // --- Web layers (issue 10, web side) ---------------------------------------------------------
  // Features import only web/lib, web/components, web/hooks, web/config and their own folder; the
  // shared layers import no feature (eslint-rules/web-boundaries.js, proven by
  // eslint-rules/web-boundaries.test.ts on the fixtures in eslint-rules/fixtures/, which normal lint skips).
  { ignores: ['eslint-rules/fixtures/'] },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'web-boundaries': webBoundaries },
    rules: { 'web-boundaries/no-cross-layer-import': 'error' },
  },
  // --- end of web layers -----------------------------------------------------------------------
);
