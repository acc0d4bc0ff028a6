// Lint rules. Beyond the recommended sets, this enforces the architecture: engines stay pure
// (no database, HTTP or environment), and the web app never reaches into the server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'var/', 'bench/results/', 'server/src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web app talks to the server through the API and contracts/ only.' }] }],
    },
  },
  {
    files: ['server/src/engines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/db/**', 'drizzle-orm*', 'pg', '@electric-sql/*'], message: 'Engines are pure: no database.' },
          { group: ['fastify*', '@fastify/*', '**/modules/**', '**/http/**'], message: 'Engines are pure: no HTTP or domain shell.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Engines take config as arguments.' }],
    },
  },
);
