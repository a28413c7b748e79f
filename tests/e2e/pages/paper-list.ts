import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** A file the page downloaded: the name it gave it, the day it was asked for, and its text. */
export interface DownloadedFile {
  name: string;
  /** The local date when the download was asked for and when it ended (a download may cross midnight). */
  days: string[];
  text: string;
}

const localDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** What the popup and the library page share: the list of saved papers, the search, downloads. */
export class PaperListPage {
  constructor(readonly page: Page) {}

  /** The rows of the list (only those near the view: the list is virtualized). */
  get rows(): Locator {
    return this.page.locator('li[data-papershelf-id]');
  }

  /** One paper's row. */
  row(id: string): Locator {
    return this.page.locator(`li[data-papershelf-id="${id}"]`);
  }

  /** The ids of the rows in the page, in order. */
  ids(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-papershelf-id')!));
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  /** The "N papers" line of the header. */
  get count(): Locator {
    return this.page.locator('.count');
  }

  /** A paper's row, scrolled into view first: a row below the fold is not in the page until the list is scrolled to it. */
  async revealedRow(id: string): Promise<Locator> {
    const row = this.row(id);
    const scroller = this.page.locator('.paper-scroller');
    await scroller.evaluate((element) => element.scrollTo(0, 0));
    for (let step = 0; step < 200 && (await row.count()) === 0; step++) {
      const atEnd = await scroller.evaluate((element) => {
        const before = element.scrollTop;
        element.scrollBy(0, element.clientHeight / 2);
        return element.scrollTop === before;
      });
      if (atEnd) break;
      // One frame for the virtualizer to render the rows now in view.
      await this.page.evaluate(() => new Promise(requestAnimationFrame));
    }
    // The virtualizer may render the row again while it scrolls (a live update): then try once more.
    for (let attempt = 0; ; attempt++) {
      try {
        await row.scrollIntoViewIfNeeded({ timeout: 2000 });
        return row;
      } catch (error) {
        if (attempt === 2) throw error;
        await this.page.evaluate(() => new Promise(requestAnimationFrame));
      }
    }
  }

  /** The row's notes editor, opened with its Notes button unless it is open already. */
  async notesOf(id: string): Promise<Locator> {
    const button = this.row(id).getByRole('button', { name: 'Notes' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.row(id).getByRole('textbox', { name: /^Notes for / });
  }

  /** Types a tag into the row's tag editor and adds it. */
  async addTag(id: string, tag: string): Promise<void> {
    const input = this.row(id).getByRole('combobox', { name: /^Add tag to/ });
    await input.fill(tag);
    await input.press('Enter');
    await expect(this.row(id).getByRole('button', { name: `Remove tag ${tag}`, exact: true })).toBeVisible();
  }

  /** Sets the row's read status with its button, and waits for the button to show it. */
  async setStatus(id: string, status: 'Unread' | 'Reading' | 'Read'): Promise<void> {
    const button = this.row(id).getByRole('button', { name: status, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Runs `action` and returns the file it downloads. */
  async download(action: () => Promise<void>): Promise<DownloadedFile> {
    const before = localDate(new Date());
    const event = this.page.waitForEvent('download');
    await action();
    const file: Download = await event;
    return { name: file.suggestedFilename(), days: [before, localDate(new Date())], text: readFileSync(await file.path(), 'utf8') };
  }

  /**
   * Turns a setting (the popup's footer, the library's header) on or off. The checkboxes show unchecked (and disabled) until the settings are
   * read, so the change waits for that: unchecking before would do nothing, and say so to nobody.
   */
  async setSetting(name: string, on: boolean): Promise<void> {
    const checkbox = this.page.getByRole('checkbox', { name });
    await expect(checkbox).toBeEnabled();
    await checkbox.setChecked(on);
  }

  /** The button that exports every paper (or what the popup shows) as BibTeX. */
  protected exportButtonName = 'Export BibTeX';

  /** Clicks the page's export button and returns the .bib. */
  exportBibtex(): Promise<DownloadedFile> {
    return this.download(() => this.page.getByRole('button', { name: this.exportButtonName, exact: true }).click());
  }
}

/** The toolbar popup. */
export class PopupPage extends PaperListPage {}

/** The full-tab library page: the list, a detail pane, bulk actions and the files. */
export class LibraryPage extends PaperListPage {
  protected override exportButtonName = 'Export all';

  get detail(): Locator {
    return this.page.getByRole('region', { name: 'Paper details' });
  }

  /** What the last restore or import did, beside its buttons. */
  get importOutcome(): Locator {
    return this.page.locator('.import-outcome');
  }

  select(id: string): Promise<void> {
    return this.row(id)
      .getByRole('checkbox', { name: /^Select / })
      .check();
  }

  /** Selects every paper shown and removes them with the bulk action. */
  async removeAllShown(): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await this.page.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Remove' }).click();
  }

  backUp(): Promise<DownloadedFile> {
    return this.download(() => this.page.getByRole('button', { name: 'Back up library' }).click());
  }

  /** Hands a file to "Restore backup…", as if chosen in the file dialog. */
  restore(name: string, text: string): Promise<void> {
    return this.page.getByLabel('Backup file to restore').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** The file input behind "Import BibTeX…". */
  get bibtexInput(): Locator {
    return this.page.getByLabel('BibTeX file to import');
  }

  /** Hands a file to "Import BibTeX…", as if chosen in the file dialog. */
  importBibtex(name: string, text: string): Promise<void> {
    return this.bibtexInput.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  }
}
