import { defineConfig } from 'vitest/config';

// Three levels of tests (ARCHITECTURE.md): unit = pure domain, api = HTTP against a real database
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), e2e = the built web app in system Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // property tests run hundreds of cases; on a busy 2-core machine (the whole suite at once) 5 s is not enough
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // upper bounds for a whole journey on a loaded machine, not speed checks
          testTimeout: 600_000,
          hookTimeout: 300_000,
          // expect.poll waits for the page, like every other wait (vitest's default gives up after 1 s)
          expect: { poll: { timeout: 120_000 } },
          fileParallelism: false,
          setupFiles: ['tests/e2e/support/on-failure.ts'],
        },
      },
    ],
  },
});
