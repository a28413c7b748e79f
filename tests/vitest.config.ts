import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The project's root, where WXT finds its config: this file lives in tests/ to keep the top level as it is.
  root: here('..'),
  plugins: [WxtVitest()],
  resolve: {
    // WXT's mock of `wxt/browser` imports `wxt/testing`, which cannot load under jsdom: see the module for why.
    alias: [{ find: /^wxt\/testing$/, replacement: here('unit/support/fake-browser-module.ts') }],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/support/setup.ts'],
    // Two cores here: one worker per core, no isolation overhead beyond what the suites need.
    pool: 'threads',
    maxWorkers: 2,
  },
});
