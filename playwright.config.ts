import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer against the real handlers and a real SQLite file. By default
 * through the browser host in Debian's Chromium; with SPANLIGHT_E2E_ELECTRON=1 through Electron itself
 * (see e2e/support/app.ts and the README).
 */
export default defineConfig({
  testDir: 'e2e',
  // The browser host's own session has no counterpart in Electron, which talks over IPC.
  testIgnore: process.env.SPANLIGHT_E2E_ELECTRON === '1' ? ['**/session.spec.ts'] : [],
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    // The interface follows the system's language: pinned, so the suite finds its English names anywhere.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
