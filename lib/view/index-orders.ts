// Which orders an index of the database gives, so that the newest rows can be shown before the whole
// library is read (issue #4). No zod, no React: the popup's first paint decides with this before either loads.
import type { SortOrder, ViewChoices } from './library-view';

/** The indexes a first read can follow (the sorts by title or a filter need every paper). */
export type FirstRowsIndex = 'savedAt' | 'published';

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
  const { status, tag, hasCode, newCode, sort } = stored as Partial<Record<keyof ViewChoices, unknown>>;
  // `newCode` came later (issue #8): choices stored before it have none, which is no filter.
  const filtered = status !== 'all' || tag !== null || hasCode !== false || (newCode !== undefined && newCode !== false);
  if (filtered || (sort !== 'saved' && sort !== 'published')) return null;
  return { index: firstRowsIndex(sort)!, sort };
}
