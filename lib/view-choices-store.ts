import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_VIEW, parseViewChoices, VIEW_KEY, type ViewChoices } from './library-view';

/**
 * The filters and sort, persisted in `storage.local` between openings of the popup (issue #4) and shared
 * with the library page. undefined until read, so the first query already uses the stored sort.
 */
export function useViewChoices(): [ViewChoices | undefined, (next: ViewChoices) => void] {
  const [view, setView] = useState<ViewChoices>();

  useEffect(() => {
    let live = true;
    browser.storage.local
      .get(VIEW_KEY)
      .then((stored) => parseViewChoices(stored[VIEW_KEY]))
      .catch(() => DEFAULT_VIEW)
      .then((choices) => live && setView((current) => current ?? choices));
    return () => {
      live = false;
    };
  }, []);

  const update = useCallback((next: ViewChoices) => {
    setView(next);
    browser.storage.local.set({ [VIEW_KEY]: next }).catch((error: unknown) => {
      // The choice still applies to this page; only its persistence failed.
      console.warn('PaperShelf: could not remember the view choices', error);
    });
  }, []);

  return [view, update];
}
