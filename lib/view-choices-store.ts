import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_VIEW, parseViewChoices, VIEW_KEY, type ViewChoices } from './library-view';

let stored: Promise<ViewChoices> | null = null;
/** The choices once read: a page rendered after the read starts with them, without an empty first render. */
let read: ViewChoices | undefined;

/** Starts reading the stored choices; the page calls it before its first render, to overlap with the rest. */
export function preloadViewChoices(): Promise<ViewChoices> {
  stored ??= browser.storage.local
    .get(VIEW_KEY)
    .then((values) => parseViewChoices(values[VIEW_KEY]))
    .catch(() => DEFAULT_VIEW)
    .then((choices) => (read = choices));
  return stored;
}

/**
 * The filters and sort, persisted in `storage.local` between openings of the popup (issue #4) and shared
 * with the library page. undefined until read, so the first query already uses the stored sort.
 */
export function useViewChoices(): [ViewChoices | undefined, (next: ViewChoices) => void] {
  const [view, setView] = useState<ViewChoices | undefined>(read);

  useEffect(() => {
    let live = true;
    void preloadViewChoices().then((choices) => live && setView((current) => current ?? choices));
    return () => {
      live = false;
    };
  }, []);

  const update = useCallback((next: ViewChoices) => {
    setView(next);
    read = next;
    stored = Promise.resolve(next);
    browser.storage.local.set({ [VIEW_KEY]: next }).catch((error: unknown) => {
      // The choice still applies to this page; only its persistence failed.
      console.warn('PaperShelf: could not remember the view choices', error);
    });
  }, []);

  return [view, update];
}

/** Forgets the preloaded choices (tests start every page afresh). */
export function resetViewChoicesPreload(): void {
  stored = null;
  read = undefined;
}
