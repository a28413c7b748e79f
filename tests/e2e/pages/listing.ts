import { expect, type Locator, type Page } from '@playwright/test';
import { clickBox, readControl, readNames, type ControlState } from '../../support/closed-controls.mjs';

/**
 * One Save control. Its button is inside a closed shadow root (issue #10), out of reach of locators: it is
 * read as a screen reader reads it (tests/support/closed-controls.mjs) and pressed with a person's click at
 * its place, which is the host's.
 */
export class SaveControlHandle {
  constructor(
    private readonly page: Page,
    readonly host: Locator,
    private readonly id: string,
    private readonly nth: number,
  ) {}

  /** A person's click on the button (the host's box is the button's). */
  click(): Promise<void> {
    return this.host.click();
  }

  state(): Promise<ControlState | null> {
    return readControl(this.page, this.id, this.nth);
  }

  /** Waits until a screen reader would read the button as `name` (`Save` or `Saved`), pressed accordingly. */
  async expectName(name: 'Save' | 'Saved', timeout?: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const state = await this.state();
          return state && { name: state.name, pressed: state.pressed };
        },
        timeout === undefined ? {} : { timeout },
      )
      .toEqual({ name, pressed: name === 'Saved' });
  }

  async expectDisabled(): Promise<void> {
    await expect.poll(async () => (await this.state())?.disabled).toBe(true);
  }

  /** What the control says beside its button (an error, "reload the page"). */
  async status(): Promise<string> {
    return (await this.state())?.status ?? '';
  }

  /** Whether Undo is offered beside it. */
  async undoShown(): Promise<boolean> {
    return (await this.state())?.undo != null;
  }

  /** A person's click on the Undo beside the button. */
  async clickUndo(): Promise<void> {
    await this.host.scrollIntoViewIfNeeded();
    const undo = (await this.state())?.undo;
    if (!undo) throw new Error(`no Undo beside ${this.id}`);
    expect(undo.name).toBe(`Undo removing ${this.id} from PaperShelf`);
    await clickBox(this.page, undo.box);
  }
}

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

  /** The control of the entry with this id (its `nth` occurrence: a paper may be listed twice). */
  control(id: string, nth = 0): SaveControlHandle {
    return new SaveControlHandle(this.page, this.page.locator(`[data-papershelf-id="${id}"]`).nth(nth), id, nth);
  }

  /** The ids of the controls, in page order. */
  ids(): Promise<string[]> {
    return this.controls.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-id')!));
  }

  /** The name of every control's button, in page order, as a screen reader reads them. */
  names(): Promise<string[]> {
    return readNames(this.page);
  }

  /** Clicks Save on each paper and waits until its control says Saved. */
  async save(...ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.control(id).click();
      await this.control(id).expectName('Saved');
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
