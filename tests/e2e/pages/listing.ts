import { expect, type Locator, type Page } from '@playwright/test';

/** A Hugging Face or arXiv page as PaperShelf annotates it: one control per paper entry. */
export class ListingPage {
  constructor(readonly page: Page) {}

  /** Every PaperShelf control on the page, in page order (the host element carrying the paper's id). */
  get controls(): Locator {
    return this.page.locator('[data-papershelf-id]');
  }

  /** The controls inside the page's own elements matching `selector` (`article`, `li.arxiv-result`). */
  controlsAt(selector: string): Locator {
    return this.page.locator(`${selector} [data-papershelf-id]`);
  }

  /** The Save/Saved button of the entry with this id (its `nth` occurrence: a paper may be listed twice). */
  control(id: string, nth = 0): Locator {
    return this.page
      .locator(`[data-papershelf-id="${id}"]`)
      .nth(nth)
      .getByRole('button', { name: /^Saved?$/ });
  }

  /** The Undo offered beside the control for a moment after the paper was removed there. */
  undo(id: string): Locator {
    return this.page.getByRole('button', { name: `Undo removing ${id} from PaperShelf`, exact: true });
  }

  /** The ids of the controls, in page order. */
  ids(): Promise<string[]> {
    return this.controls.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-id')!));
  }

  /** Clicks Save on each paper and waits until its control says Saved. */
  async save(...ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.control(id).click();
      await expect(this.control(id)).toHaveAccessibleName('Saved');
    }
  }

  /** Saves the first `count` papers of the page; returns their ids. */
  async saveFirst(count: number): Promise<string[]> {
    await expect(this.controls.first()).toBeVisible();
    const ids = (await this.ids()).slice(0, count);
    await this.save(...ids);
    return ids;
  }
}
