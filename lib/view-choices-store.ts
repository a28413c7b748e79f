import { useCallback, useState } from 'react';
import type { ViewChoices } from './library-view';
import { readViewChoices, storeViewChoices } from './view-choices';

/** The filters and sort (lib/view-choices.ts), and a setter that remembers them. */
export function useViewChoices(): [ViewChoices, (next: ViewChoices) => void] {
  const [view, setView] = useState<ViewChoices>(() => readViewChoices());

  const update = useCallback((next: ViewChoices) => {
    setView(next);
    try {
      storeViewChoices(next);
    } catch (error) {
      // The choice still applies to this page; only its persistence failed (storage full or disabled).
      console.warn('PaperShelf: could not remember the view choices', error);
    }
  }, []);

  return [view, update];
}
