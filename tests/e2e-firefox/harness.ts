import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { PNG } from 'pngjs';
import { arxivAnswer, huggingFaceAnswer } from '../e2e/api-answers';
import { startApiProxy } from '../support/api-proxy.mjs';
import { launchFirefoxWithExtension } from '../support/firefox-browser.mjs';
import { fixture } from '../support/fixtures.mjs';
import { createZoteroDouble } from '../support/zotero-double.mjs';

/**
 * Firefox, driven over WebDriver BiDi by puppeteer-core, with the Firefox build installed (issue #11).
 * BiDi has no accessibility tree that sees into closed shadow roots, so a control is read as a sighted
 * person reads it: Saved is the filled pill (its pixels, from a screenshot); and pressed as a keyboard user
 * presses it: Tab until the control has focus, then Enter.
 */
export interface FirefoxHarness {
  browser: Browser;
  downloads: string;
  /** The API requests the background made, as the test's proxy answered them (arXiv and Hugging Face). */
  apiRequests: string[];
  openListing(name: string): Promise<Page>;
  /** Serves `html` at `url` (exact, no fragment) and opens it in a new tab. */
  openPage(url: string, html: string): Promise<Page>;
  /** An extension page (`popup.html`, `library.html`), opened at its moz-extension:// address. */
  openExtensionPage(path: string): Promise<Page>;
  /** Zotero on 127.0.0.1:23119, as the protocol double answers (the proxy hands it the background's requests, issue #13). */
  zotero: ReturnType<typeof createZoteroDouble>;
}

export const test = base.extend<{ ff: FirefoxHarness }>({
  // eslint-disable-next-line no-empty-pattern
  ff: async ({}, use) => {
    const zotero = createZoteroDouble();
    const apis = await startApiProxy(
      ['export.arxiv.org', 'huggingface.co'],
      (request, response) => {
        const url = `https://${request.headers.host}${request.url}`;
        const [type, body] = url.startsWith('https://export.arxiv.org/api/query')
          ? ['application/atom+xml', arxivAnswer(url)]
          : url.startsWith('https://huggingface.co/api/papers/')
            ? ['application/json', huggingFaceAnswer(url)]
            : ['text/plain', ''];
        response.writeHead(body ? 200 : 404, { 'content-type': type }).end(body);
      },
      { 'http://127.0.0.1:23119': (request, response) => zotero.serve(request, response) },
    );
    const { browser, pages, downloads, extensionErrors, newTab, extensionUrl } = await launchFirefoxWithExtension({ proxyPort: apis.port });
    await use({
      browser,
      downloads,
      apiRequests: apis.requests,
      zotero,
      async openListing(name) {
        const { url, html } = fixture(name);
        return this.openPage(url, html);
      },
      async openPage(url, html) {
        pages.set(url, html);
        const tab = await newTab();
        await tab.goto(url);
        return tab;
      },
      async openExtensionPage(path) {
        const tab = await newTab();
        // The navigation loads the page, but BiDi reports no load event for it: wait for the document instead.
        const frame = tab.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none'): Promise<void> } };
        await frame.browsingContext.navigate(extensionUrl(path), 'none');
        await tab.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { timeout: 15_000 });
        return tab;
      },
    });
    // Nothing PaperShelf ran in Firefox threw or was stopped during the test (closing the browser
    // interrupts its background page, which Firefox reports as a timeout: that comes after this check).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const errors = [...extensionErrors];
    await browser.close();
    await apis.close();
    expect(errors, 'errors from PaperShelf’s scripts in Firefox').toEqual([]);
  },
});

export { expect };

/** The ids of a listing's controls, in page order. */
export const idsOf = (tab: Page) =>
  tab.$$eval('[data-papershelf-id]', (hosts) => hosts.map((host) => host.getAttribute('data-papershelf-id')!));

/** Whether a control shows Saved: its box is mostly the pill's fill colour (#2b4cb8), not the light Save pill. */
export async function showsSaved(tab: Page, id: string): Promise<boolean> {
  const host = await tab.waitForSelector(`[data-papershelf-id="${id}"]`);
  const png = PNG.sync.read(Buffer.from((await host!.screenshot({ encoding: 'base64' })) as string, 'base64'));
  let filled = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const [r, g, b] = [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
    if (Math.abs(r - 0x2b) < 40 && Math.abs(g - 0x4c) < 40 && Math.abs(b - 0xb8) < 40) filled++;
  }
  return filled / (png.width * png.height) > 0.4;
}

/** A keyboard user's press of a control: Tab until it has focus (at most `limit` presses), then Enter. */
export async function pressWithKeyboard(tab: Page, id: string, limit = 400): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate((wanted) => document.activeElement?.getAttribute('data-papershelf-id') === wanted, id);
    if (focused) {
      await tab.keyboard.press('Enter');
      return presses;
    }
  }
  throw new Error(`Tab never reached the control of ${id}`);
}
