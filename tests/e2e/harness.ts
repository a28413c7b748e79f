import { test as base, expect, type BrowserContext, type Locator, type Page, type Route } from '@playwright/test';
import { launchWithExtension } from '../support/extension-browser.mjs';
import { fixture } from '../support/fixtures.mjs';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** Serves a committed fixture at its real URL and opens it in a new tab. */
  openFixture(name: string, url?: string): Promise<Page>;
  /** Serves `html` at `url` (exact, no fragment). */
  serve(url: string, html: string): void;
  openPopup(): Promise<Page>;
  /**
   * Answers the requests matching `pattern` (a glob: an API the extension asks, issue #6) with `handler`.
   * Routes registered later are asked first, so this wins over the catch-all that aborts everything else.
   */
  api(pattern: string, handler: (route: Route) => Promise<void> | void): Promise<void>;
  /** Stops the extension's service worker as Chrome does when it idles, through the DevTools protocol. */
  stopServiceWorker(): Promise<void>;
}

export const test = base.extend<{ ext: ExtensionHarness }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const { context, extensionId, pages } = await launchWithExtension();
    const harness: ExtensionHarness = {
      context,
      extensionId,
      serve: (url, html) => void pages.set(url, html),
      async openFixture(name, url) {
        const page = fixture(name);
        pages.set(url ?? page.url, page.html);
        const tab = await context.newPage();
        await tab.goto(url ?? page.url);
        return tab;
      },
      async openPopup() {
        const tab = await context.newPage();
        await tab.goto(`chrome-extension://${extensionId}/popup.html`);
        return tab;
      },
      async api(pattern, handler) {
        await context.route(pattern, handler);
      },
      async stopServiceWorker() {
        // A session of one of the extension's own pages sees its service worker (about:blank's does not).
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        const cdp = await context.newCDPSession(page);
        const ours = (version: { scriptURL: string }) => version.scriptURL.startsWith(`chrome-extension://${extensionId}/`);
        const status = (wanted: string) =>
          new Promise<string>((resolve) =>
            cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
              const version = versions.find((v) => ours(v) && v.runningStatus === wanted);
              if (version) resolve(version.versionId);
            }),
          );
        const running = status('running');
        await cdp.send('ServiceWorker.enable');
        const versionId = await running;
        // Playwright reports the worker's end late; the protocol says when it has stopped.
        const stopped = status('stopped');
        await cdp.send('ServiceWorker.stopWorker', { versionId });
        await stopped;
        await cdp.detach();
        await page.close();
      },
    };
    await use(harness);
    await context.close();
  },
});

export { expect };

/** The PaperShelf control of the entry with this id (the n-th occurrence on the page). */
export const saveControl = (page: Page, id: string, nth = 0): Locator =>
  page.locator(`[data-papershelf-id="${id}"]`).nth(nth).getByRole('button');

/** The rows of the popup's or library's list, and one paper's row (rendered only while near the view). */
export const paperRows = (page: Page): Locator => page.locator('li[data-papershelf-id]');
export const paperRow = (page: Page, id: string): Locator => page.locator(`li[data-papershelf-id="${id}"]`);

/**
 * A paper's row in the popup or library list, scrolled into view first: the list is virtualized, so a row
 * below the fold is not in the page until the list is scrolled to it.
 */
export async function revealedRow(page: Page, id: string): Promise<Locator> {
  const row = paperRow(page, id);
  const scroller = page.locator('.paper-scroller');
  await scroller.evaluate((element) => element.scrollTo(0, 0));
  for (let step = 0; step < 200 && (await row.count()) === 0; step++) {
    const atEnd = await scroller.evaluate((element) => {
      const before = element.scrollTop;
      element.scrollBy(0, element.clientHeight / 2);
      return element.scrollTop === before;
    });
    if (atEnd) break;
    // One frame for the virtualizer to render the rows now in view.
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}
