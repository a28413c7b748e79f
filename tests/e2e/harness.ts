import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
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
    };
    await use(harness);
    await context.close();
  },
});

export { expect };

/** The PaperShelf control of the entry with this id (the n-th occurrence on the page). */
export const saveControl = (page: Page, id: string, nth = 0): Locator =>
  page.locator(`[data-papershelf-id="${id}"]`).nth(nth).getByRole('button');
