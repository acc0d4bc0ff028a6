// Test tiers: `server` (unit + integration on PGlite, and PostgreSQL when TEST_DATABASE_URL is set)
// and `e2e` (Playwright driving the system Chromium against a running app).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          globalSetup: ['server/src/test/global-setup.ts'],
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['server/src/test/global-setup.ts'],
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
