import { defineConfig } from '@playwright/test';

// The Firefox end-to-end tests (issue #11): Playwright runs them, puppeteer-core drives Firefox over BiDi.
export default defineConfig({
  testDir: 'e2e-firefox',
  globalSetup: './e2e-firefox/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e-firefox.json' }]],
  outputDir: '../test-results/e2e-firefox',
});
