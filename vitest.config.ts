import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // WXT's mock of `wxt/browser` imports `wxt/testing`, which cannot load under jsdom: see the module for why.
    alias: [{ find: /^wxt\/testing$/, replacement: fileURLToPath(new URL('tests/unit/fake-browser-module.ts', import.meta.url)) }],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    // Two cores here: one worker per core, no isolation overhead beyond what the suites need.
    pool: 'threads',
    maxWorkers: 2,
  },
});
