import { test as base, expect, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';
import { EXTENSION_PATH, launchWithExtension } from '../support/extension-browser.mjs';
import { stopServiceWorker } from '../support/service-worker.mjs';
import { fixture } from '../support/fixtures.mjs';
import { ListingPage } from './pages/listing';
import { LibraryPage, PopupPage } from './pages/paper-list';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** Serves a committed fixture (`huggingface/daily`) at its real URL and opens it in a new tab. */
  openListing(name: string): Promise<ListingPage>;
  /** Serves `html` at `url` (exact, no fragment) and opens it in a new tab; `beforeLoad` sees the tab first. */
  openPage(url: string, html: string, beforeLoad?: (page: Page) => void): Promise<ListingPage>;
  openPopup(): Promise<PopupPage>;
  openLibrary(): Promise<LibraryPage>;
  /** The toolbar badge's text, as the service worker set it. */
  badge(): Promise<string>;
  /** The extension's service worker. */
  worker(): Worker;
  /**
   * Answers the requests matching `pattern` (a glob: an API the extension asks, issue #6) with `handler`.
   * Routes registered later are asked first, so this wins over the catch-all that aborts everything else.
   */
  api(pattern: string, handler: (route: Route) => Promise<void> | void): Promise<void>;
  /** Stops the extension's service worker as Chrome does when it idles, through the DevTools protocol. */
  stopServiceWorker(): Promise<void>;
  /** Loads the build again, as an update does (the DevTools protocol's `Extensions.loadUnpacked`). */
  reloadExtension(): Promise<void>;
}

export const test = base.extend<{ ext: ExtensionHarness }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const { context, extensionId, pages } = await launchWithExtension();
    const harness: ExtensionHarness = {
      context,
      extensionId,
      async openListing(name) {
        const { url, html } = fixture(name);
        return harness.openPage(url, html);
      },
      async openPage(url, html, beforeLoad) {
        pages.set(url, html);
        const tab = await context.newPage();
        beforeLoad?.(tab);
        await tab.goto(url);
        return new ListingPage(tab);
      },
      async openPopup() {
        const tab = await context.newPage();
        await tab.goto(`chrome-extension://${extensionId}/popup.html`);
        return new PopupPage(tab);
      },
      async openLibrary() {
        const tab = await context.newPage();
        await tab.goto(`chrome-extension://${extensionId}/library.html`);
        return new LibraryPage(tab);
      },
      worker: () => context.serviceWorkers()[0]!,
      badge: () =>
        harness
          .worker()
          .evaluate(() =>
            (
              globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }
            ).chrome.action.getBadgeText({}),
          ),
      async api(pattern, handler) {
        await context.route(pattern, handler);
      },
      stopServiceWorker: () => stopServiceWorker(context, extensionId),
      async reloadExtension() {
        const cdp = await context.browser()!.newBrowserCDPSession();
        await cdp.send('Extensions.loadUnpacked', { path: EXTENSION_PATH });
        await cdp.detach();
      },
    };
    await use(harness);
    await context.close();
  },
});

export { expect };
