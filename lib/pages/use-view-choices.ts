import { useCallback, useState } from 'react';
import { parseViewChoices, type ViewChoices } from '@/lib/view/library-view';
import { storedViewChoices, storeViewChoices } from './stored-view-choices';

/** The stored filters and sort (stored-view-choices.ts), parsed: the defaults stand in for what is not ours. */
export const readViewChoices = (storage?: Storage): ViewChoices => parseViewChoices(storedViewChoices(storage));

/** The filters and sort, and a setter that remembers them. */
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
