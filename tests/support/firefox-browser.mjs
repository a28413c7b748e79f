// Starts Debian's firefox-esr with the Firefox build installed, over WebDriver BiDi (puppeteer-core), serving
// pages at their real addresses and nothing else (issue #11).
import puppeteer from 'puppeteer-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX_EXTENSION_PATH = resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv2');
const ADDON_ID = 'papershelf@papershelf.dev';
/** Pinned, so the test knows the extension's pages' address: `moz-extension://<uuid>/popup.html`. */
export const EXTENSION_UUID = '5e1f0c4a-9d3b-4e7a-8c2f-6b1d0a9e7f31';

export const FIREFOX_HELP = [
  'The Firefox end-to-end tests need Debian’s firefox-esr:',
  '  sudo apt-get update && sudo apt-get install -y firefox-esr',
  'or point PAPERSHELF_FIREFOX at a Firefox binary. PaperShelf never downloads a browser by itself.',
].join('\n');

export function findFirefox() {
  return [process.env.PAPERSHELF_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));
}

/**
 * `proxyPort`: where the browser sends what no test intercepts (tests/support/api-proxy.mjs answers the
 * APIs); a closed port when absent, so that nothing leaves the machine.
 * @param {{ proxyPort?: number }} [options]
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, pages: Map<string, string>, downloads: string,
 *   extensionErrors: string[], newTab(): Promise<import('puppeteer-core').Page>, extensionUrl(path: string): string }>}
 */
export async function launchFirefoxWithExtension({ proxyPort = 9 } = {}) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_HELP);
  const downloads = mkdtempSync(join(tmpdir(), 'papershelf-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // BiDi may not navigate to moz-extension:// pages; with system access it may (the test's own session only).
    args: ['--remote-allow-system-access'],
    // The test's API proxy answers with a certificate of its own (tests/support/api-proxy.mjs).
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Nothing leaves the machine: what no test answers goes to a closed port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      // Downloads (the exported .bib) go to a folder of the test's, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // The extension's own errors (its background page, its pages) reach the browser's output, where
      // `extensionErrors` collects them.
      'devtools.console.stdout.chrome': true,
    },
  });
  /** @type {string[]} */
  const extensionErrors = [];
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (/** @type {string} */ text) => {
      for (const line of text.split('\n'))
        if (line.includes(`moz-extension://${EXTENSION_UUID}`) && /error|terminated/i.test(line)) extensionErrors.push(line.trim());
    });
  }
  await browser.installExtension(FIREFOX_EXTENSION_PATH);
  /** @type {Map<string, string>} */
  const pages = new Map();
  async function newTab() {
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const url = request.url().replace(/#.*$/, '');
      if (!/^https?:/.test(url)) return request.continue();
      const body = pages.get(url);
      if (body !== undefined) return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return request.abort();
    });
    return tab;
  }
  return {
    browser,
    pages,
    downloads,
    extensionErrors,
    newTab,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`,
  };
}
