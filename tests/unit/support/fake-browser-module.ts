// `wxt/testing` as unit tests import it (through WXT's mock of `wxt/browser`). Its real index also loads WXT's
// Vitest plugin and with it esbuild, which refuses to load under jsdom ("TextEncoder ... instanceof Uint8Array is
// incorrectly false"). The fake browser is all the tests need from it.
export { fakeBrowser } from 'wxt/testing/fake-browser';
