import { DEFAULT_VIEW, parseViewChoices, VIEW_KEY, type ViewChoices } from './library-view';

// The filters and sort, persisted between openings of the popup (issue #4) and shared with the library page.
// In the extension's localStorage, not `storage.local`: only extension pages use them, and the popup's first
// paint needs them synchronously (an async `storage.local` read costs it ~10–30 ms). Kept apart from the
// React hook in view-choices-store.ts, which the first paint must not load.

/** The stored choices, or the defaults when there are none or they are not ours. */
export function readViewChoices(storage: Storage = localStorage): ViewChoices {
  try {
    return parseViewChoices(JSON.parse(storage.getItem(VIEW_KEY) ?? 'null'));
  } catch {
    return DEFAULT_VIEW;
  }
}

export function storeViewChoices(next: ViewChoices, storage: Storage = localStorage): void {
  storage.setItem(VIEW_KEY, JSON.stringify(next));
}
