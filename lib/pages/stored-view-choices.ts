// The filters and sort persisted between openings of the popup (issue #4) and shared with the library page.
// In the extension's localStorage, not `storage.local`: only extension pages use them, and the popup's first
// paint needs them synchronously (an async `storage.local` read costs it ~10–30 ms). Free of zod and React on
// purpose: the first paint reads them before either has loaded; use-view-choices.ts parses them.
import type { ViewChoices } from '@/lib/view/library-view';

export const VIEW_KEY = 'papershelf:view';

/** The stored choices as stored (unparsed); undefined when there are none or they are not JSON. */
export function storedViewChoices(storage: Storage = localStorage): unknown {
  try {
    return JSON.parse(storage.getItem(VIEW_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeViewChoices(next: ViewChoices, storage: Storage = localStorage): void {
  storage.setItem(VIEW_KEY, JSON.stringify(next));
}
