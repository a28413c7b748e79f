import { defineConfig } from '@playwright/test';

// Paths are relative to this file (tests/), which keeps the project's top level as it is.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Each test starts its own Chromium with the extension; two cores take one at a time comfortably.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  outputDir: '../test-results/e2e',
});
