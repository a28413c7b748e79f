// The filters and sort persisted between openings of the popup (issue #4) and shared with the library page,
// and their names. In the extension's localStorage, not `storage.local`: only extension pages use them, and
// the popup's first paint needs them synchronously (an async `storage.local` read costs it ~10–30 ms).
// Free of zod and React on purpose: the first paint loads this before either (the stored value is parsed
// with the ViewChoices schema of library-view.ts by view-choices-store.ts).
import type { ReadStatus } from './paper';
import type { SortOrder, ViewChoices } from './library-view';
import type { FirstRowsIndex } from './stored-papers';

export const VIEW_KEY = 'papershelf:view';

export const SORT_LABELS: Record<SortOrder, string> = { saved: 'Newest saved', published: 'Newest published', title: 'Title A–Z' };
export const STATUS_LABELS: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

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

/**
 * The newest papers can be shown before the whole library has loaded when the order is one an index
 * gives (time saved, publication date): the first rows of the index, filtered, are the first rows of the
 * full answer (for publication dates, up to the order of papers published the same day). A title order
 * needs every paper first.
 */
export function firstRowsIndex(sort: SortOrder): FirstRowsIndex | null {
  return sort === 'saved' ? 'savedAt' : sort === 'published' ? 'published' : null;
}

/**
 * The first paint's question about stored choices, answered without the schema: the index order of an
 * unfiltered view (nothing stored means the default, newest saved first), or null for anything else (a
 * filter, the title order, a value it does not recognize), which the live popup then draws from the parse.
 */
export function unfilteredIndexOrder(stored: unknown): { index: FirstRowsIndex; sort: SortOrder } | null {
  if (stored === undefined) return { index: 'savedAt', sort: 'saved' };
  if (typeof stored !== 'object' || stored === null) return null;
  const { status, tag, hasCode, sort } = stored as Partial<Record<keyof ViewChoices, unknown>>;
  if (status !== 'all' || tag !== null || hasCode !== false || (sort !== 'saved' && sort !== 'published')) return null;
  return { index: firstRowsIndex(sort)!, sort };
}
