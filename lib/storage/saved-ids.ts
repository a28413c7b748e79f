import { browser } from 'wxt/browser';

/**
 * Which papers are saved, in the form a content script needs before it mounts its first control (issue
 * #12): every saved id, sorted, in one `storage.local` value that the background rewrites after each change
 * (lib/background/saved-ids.ts). Reading it does not wake the worker, so a listing's controls show their
 * state the moment they appear. Like every extension storage area, page script cannot read it. Saves made
 * after the content script started reach it as announcements (saved-state-signal.ts), which win over this.
 * Plain `storage` calls and a check by hand: the content script carries no schema library.
 */
export const SAVED_IDS_KEY = 'papershelf:saved-ids';

export interface SavedIds {
  has(id: string): boolean;
  readonly size: number;
}

/** The stored form: the ids sorted and joined by spaces (100,000 ids are ~1.1 MB, split in a few ms). */
export const encodeSavedIds = (ids: readonly string[]): { ids: string } => ({ ids: [...ids].sort().join(' ') });

/** The stored value as a set of ids; undefined when it is none (never written, or another version's shape). */
export function readSavedIds(stored: unknown): SavedIds | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { ids } = stored as Record<string, unknown>;
  // Ids are arXiv ids: new style `2401.12345`, old style `hep-th/9901001`.
  if (typeof ids !== 'string' || !/^(?:[\w./-]+(?: [\w./-]+)*)?$/.test(ids)) return undefined;
  const sorted = ids === '' ? [] : ids.split(' ');
  for (let index = 1; index < sorted.length; index++) if (sorted[index - 1]! >= sorted[index]!) return undefined;
  return {
    size: sorted.length,
    has(id) {
      let low = 0;
      let high = sorted.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const here = sorted[middle]!;
        if (here === id) return true;
        if (here < id) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
  };
}

/** The saved ids as stored now; undefined when there are none to trust (the caller asks the worker instead). */
export async function loadSavedIds(): Promise<SavedIds | undefined> {
  try {
    return readSavedIds((await browser.storage.local.get(SAVED_IDS_KEY))[SAVED_IDS_KEY]);
  } catch {
    return undefined;
  }
}

export const storeSavedIds = (ids: readonly string[]): Promise<void> => browser.storage.local.set({ [SAVED_IDS_KEY]: encodeSavedIds(ids) });

/** Drops the stored ids, so that listings ask the background again rather than trust an old list. */
export const forgetSavedIds = (): Promise<void> => browser.storage.local.remove(SAVED_IDS_KEY);
