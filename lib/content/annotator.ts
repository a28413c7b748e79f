import { ExtensionGoneError } from '@/lib/messaging/client';
import { MAX_ENTRIES_PER_PAGE } from '@/lib/model/limits';
import type { PaperMetadataInput, PaperSource, SavedState } from '@/lib/model/paper';
import type { adapterFor } from '@/lib/sites/registry';
import type { PaperEntry } from '@/lib/sites/types';
import type { SavedIds } from '@/lib/storage/saved-ids';
import { createSaveControl, type SaveControl } from './save-control';
import { recordSlice, recordTiming } from './timings';

export interface AnnotatorDeps {
  document: Document;
  currentUrl: () => URL;
  /** The site registry's lookup; a parameter so tests can hand in a toy site. */
  recognize: typeof adapterFor;
  requestFrame: (callback: () => void) => void;
  /** `setTimeout`, a parameter so tests can run the Undo window without waiting. */
  later: (callback: () => void, ms: number) => void;
  savedStateOf: (ids: string[]) => Promise<SavedState>;
  save: (paper: PaperMetadataInput, source: PaperSource) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  /**
   * Which of these papers are in the user's Zotero library (issue #13): the worker answers only when the user
   * turned the mark on, and the answer is drawn inside the closed controls, where the page cannot read it.
   */
  inZoteroOf?: (ids: string[]) => Promise<Record<string, boolean>>;
  warn: (message: string) => void;
}

/**
 * How many controls to mount in one go: all of an arXiv day (~2000 entries) at `DOMContentLoaded`, before
 * the page is first laid out, so that it is laid out once; a longer (hostile) page goes on in later frames.
 */
const MOUNT_BATCH = 2000;

/** How long Undo stays beside a control after its paper was removed there. */
export const UNDO_MS = 8000;

/** Up to this many new entries are mounted before their saved state is known (see `scan`). */
const MOUNT_BEFORE_STATE = 200;

/**
 * Finds the paper entries of the current page and keeps exactly one Save control on each:
 * new entries get one in the next animation frame, entries that leave the page release theirs,
 * and every control of an id shows that id's saved state.
 */
export class Annotator {
  private readonly controlsByAnchor = new Map<Element, SaveControl>();
  private readonly controlsById = new Map<string, Set<SaveControl>>();
  /** Saved states learnt while on this page (answers, announcements): they win over `savedIds`. */
  private readonly saved = new Map<string, boolean>();
  /** Papers Zotero's local API said are in the user's library (issue #13). */
  private readonly inZotero = new Set<string>();
  /** Every id saved when the page loaded (lib/storage/saved-ids.ts); without it, the background is asked. */
  private savedIds: SavedIds | undefined;
  private scanScheduled = false;
  private warnedFor = '';
  private cappedFor = '';
  private retiredWith: string | undefined;

  constructor(private readonly deps: AnnotatorDeps) {}

  /** Coalesces any number of DOM changes into one scan before the next paint. */
  scheduleScan(): void {
    if (this.scanScheduled) return;
    this.scanScheduled = true;
    this.deps.requestFrame(() => {
      this.scanScheduled = false;
      this.scan();
    });
  }

  /** The saved ids read as the page loaded, if they could be: with them, no entry waits for the background. */
  useSavedIds(ids: SavedIds | undefined): void {
    this.savedIds = ids;
  }

  /** Whether a mutation record is only PaperShelf's own controls coming and going. */
  isOwnMutation(record: MutationRecord): boolean {
    const ours = (nodes: NodeList) => {
      for (let index = 0; index < nodes.length; index++) {
        const node = nodes[index]!;
        if (!(node instanceof Element && node.hasAttribute('data-papershelf-id'))) return false;
      }
      return true;
    };
    return ours(record.addedNodes) && ours(record.removedNodes);
  }

  scan(): void {
    const startedAt = performance.now();
    try {
      this.scanNow();
    } finally {
      recordSlice(startedAt);
    }
  }

  private scanNow(): void {
    if (this.retiredWith !== undefined) return;
    recordTiming('scan-start');
    const url = this.deps.currentUrl();
    const match = this.deps.recognize(url);
    let entries: PaperEntry[] = [];
    if (match) {
      try {
        entries = match.adapter.extract(url, this.deps.document, MAX_ENTRIES_PER_PAGE + 1);
      } catch (error) {
        // An adapter must not throw, but if a site change makes one do so, the page stays as it is.
        this.deps.warn(`PaperShelf: reading the ${match.adapter.site} ${match.pageType} page failed: ${String(error)}`);
      }
      if (entries.length > MAX_ENTRIES_PER_PAGE) {
        entries = entries.slice(0, MAX_ENTRIES_PER_PAGE);
        if (this.cappedFor !== url.href) {
          this.cappedFor = url.href;
          this.deps.warn(
            `PaperShelf: this page lists more than ${MAX_ENTRIES_PER_PAGE} papers; only the first ${MAX_ENTRIES_PER_PAGE} have a Save control.`,
          );
        }
      }
      if (entries.length === 0 && this.warnedFor !== url.href) {
        this.warnedFor = url.href;
        this.deps.warn(
          `PaperShelf: no papers recognized on this ${match.adapter.site} ${match.pageType} page (${url.href}); the site's markup may have changed.`,
        );
      }
    }
    this.releaseDetached(new Set(entries.map((entry) => entry.anchor)));
    const fresh = entries.filter((entry) => !this.controlsByAnchor.has(entry.anchor));
    if (!match || fresh.length === 0) return;
    recordTiming('extracted');
    const source = { site: match.adapter.site, url: url.href };
    const freshIds = [...new Set(fresh.map((entry) => entry.id))];
    // Not awaited: the Save controls do not wait for Zotero; the marks are drawn when its answer comes.
    void this.loadInZotero(freshIds);
    // One saved-state request for the whole page.
    const unknownIds = this.savedIds ? [] : freshIds.filter((id) => !this.saved.has(id));
    if (unknownIds.length === 0) return this.mount(fresh, source);
    const answered = this.loadSavedState(unknownIds);
    // A page, or entries the page just added, get their controls in this frame; the state follows.
    if (fresh.length <= MOUNT_BEFORE_STATE) return this.mount(fresh, source);
    // A long listing waits for the answer first: measured on a 2000-entry arXiv page, a reply sent
    // while controls were being laid out came back 500 ms late, and applying it restyled every one.
    void answered.then(() =>
      this.mount(
        fresh.filter((entry) => entry.anchor.isConnected),
        source,
      ),
    );
  }

  /** Applies saved states announced by the background (from this tab or any other). */
  applySavedState(states: SavedState): void {
    for (const [id, isSaved] of Object.entries(states)) {
      this.saved.set(id, isSaved);
      for (const control of this.controlsById.get(id) ?? []) control.setSaved(isSaved);
    }
  }

  /** Asks again for the saved state of every paper with a control (many changed at once elsewhere). */
  reloadSavedState(): void {
    // The ids read at load are out of date too: entries the page adds from now on ask the background.
    this.savedIds = undefined;
    const ids = [...this.controlsById.keys()];
    if (ids.length > 0) void this.loadSavedState(ids);
  }

  /** Removes every control, as when a newer content script takes over the page. */
  destroy(): void {
    this.releaseDetached(new Set());
  }

  /**
   * The extension behind this page was updated, reloaded or removed: this script can no longer reach it,
   * so every control stops and says to reload the page (a newer script does not start here in Chrome).
   */
  retire(message = new ExtensionGoneError().message): void {
    this.retiredWith = message;
    for (const control of this.controlsByAnchor.values()) control.retire(message);
  }

  get controlCount(): number {
    return this.controlsByAnchor.size;
  }

  private mount(entries: PaperEntry[], source: PaperSource): void {
    const startedAt = performance.now();
    for (const entry of entries.slice(0, MOUNT_BATCH)) {
      const saved = this.isSaved(entry.id);
      const control = createSaveControl(this.deps.document, entry, saved, {
        toggle: (clicked) => void this.toggle(clicked, source),
        undo: (clicked) => void this.undo(clicked, source),
      });
      if (this.retiredWith !== undefined) control.retire(this.retiredWith);
      if (this.inZotero.has(entry.id)) control.setInZotero(true);
      entry.anchor.insertAdjacentElement(entry.placement, control.host);
      this.controlsByAnchor.set(entry.anchor, control);
      const siblings = this.controlsById.get(entry.id) ?? new Set();
      siblings.add(control);
      this.controlsById.set(entry.id, siblings);
    }
    recordSlice(startedAt);
    const rest = entries.slice(MOUNT_BATCH);
    if (rest.length === 0) {
      recordTiming('mounted');
      // With the stored saved ids, every control showed its state as it was mounted.
      if (this.savedIds) recordTiming('saved-state');
    }
    if (rest.length > 0)
      this.deps.requestFrame(() =>
        this.mount(
          rest.filter((entry) => entry.anchor.isConnected),
          source,
        ),
      );
  }

  private isSaved(id: string): boolean {
    return this.saved.get(id) ?? this.savedIds?.has(id) ?? false;
  }

  private async loadSavedState(ids: string[]): Promise<void> {
    try {
      this.applySavedState(await this.deps.savedStateOf(ids));
      recordTiming('saved-state');
    } catch (error) {
      this.deps.warn(`PaperShelf: could not read which papers are saved: ${errorText(error)}`);
    }
  }

  private async loadInZotero(ids: string[]): Promise<void> {
    if (!this.deps.inZoteroOf) return;
    try {
      for (const [id, found] of Object.entries(await this.deps.inZoteroOf(ids))) {
        if (found) this.inZotero.add(id);
        else this.inZotero.delete(id);
        for (const control of this.controlsById.get(id) ?? []) control.setInZotero(found);
      }
    } catch (error) {
      this.deps.warn(`PaperShelf: could not read which papers are in Zotero: ${errorText(error)}`);
    }
  }

  private releaseDetached(keep: Set<Element>): void {
    for (const [anchor, control] of this.controlsByAnchor) {
      if (keep.has(anchor) && anchor.isConnected && control.host.isConnected) continue;
      control.host.remove();
      this.controlsByAnchor.delete(anchor);
      const siblings = this.controlsById.get(control.entry.id);
      siblings?.delete(control);
      if (siblings?.size === 0) this.controlsById.delete(control.entry.id);
    }
  }

  private async toggle(control: SaveControl, source: PaperSource): Promise<void> {
    if (this.retiredWith !== undefined) return;
    const { id } = control.entry;
    const wasSaved = this.isSaved(id);
    control.setBusy(true);
    control.showError(null);
    try {
      // The page is read at the moment of saving, so the record gets what the reader sees now.
      if (wasSaved) await this.deps.remove(id);
      else await this.deps.save(control.entry.read(), source);
      this.done(control, !wasSaved);
    } catch (error) {
      if (error instanceof ExtensionGoneError) return this.retire(error.message);
      // No answer is not a failure if the work was done (the worker stopped after writing it): ask.
      if (await this.isNow(id, !wasSaved)) return this.done(control, !wasSaved);
      control.showError(`${wasSaved ? 'Could not remove' : 'Could not save'}: ${errorText(error)}`);
    } finally {
      control.setBusy(false);
    }
  }

  private done(control: SaveControl, saved: boolean): void {
    // The background also announces the change to every tab; applying it here makes this tab instant.
    this.applySavedState({ [control.entry.id]: saved });
    if (!saved) this.offerUndo(control);
  }

  private async isNow(id: string, saved: boolean): Promise<boolean> {
    try {
      return (await this.deps.savedStateOf([id]))[id] === saved;
    } catch {
      return false;
    }
  }

  /**
   * Removing sends the paper to the Trash, and saving it again brings it back whole (notes, tags,
   * read status), so Undo is a save, from this page, of the paper as it is on it.
   */
  private async undo(control: SaveControl, source: PaperSource): Promise<void> {
    control.offerUndo(false);
    if (this.isSaved(control.entry.id)) return;
    await this.toggle(control, source);
  }

  private offerUndo(control: SaveControl): void {
    control.offerUndo(true);
    this.deps.later(() => control.offerUndo(false), UNDO_MS);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
