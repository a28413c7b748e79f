import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from './db';
import { firstRowsIndex, type SortOrder } from './library-view';
import type { Paper } from './paper';

/** How many rows the first, quick query fetches: more than a popup shows, few enough to arrive at once. */
export const FIRST_ROWS = 60;

export interface SavedPapers {
  /** undefined until something has loaded. */
  papers: Paper[] | undefined;
  /** false while only the first rows are there (search, filters and counts need every paper). */
  complete: boolean;
}

/**
 * Every saved paper, live: Dexie re-runs the query when the background writes. With 10,000 papers the
 * whole table takes a while to read, so the newest rows of the chosen order come first (issue #4: first rows
 * within 150 ms), and the full read starts only once those are on screen, so the two do not compete.
 * `sort` is undefined until the persisted view choices are known.
 */
export function useSavedPapers(sort: SortOrder | undefined): SavedPapers {
  const [firstRowsShown, setFirstRowsShown] = useState(false);
  const index = sort === undefined ? undefined : firstRowsIndex(sort);
  const wantAll = firstRowsShown || index === null;

  const all = useLiveQuery(async () => (wantAll ? keepDisplayable(await db.papers.toArray()) : undefined), [wantAll]);
  const first = useLiveQuery(
    async () => (index && all === undefined ? keepDisplayable(await db.papers.orderBy(index).reverse().limit(FIRST_ROWS).toArray()) : undefined),
    [index, all === undefined],
  );

  useEffect(() => {
    if (first !== undefined && !firstRowsShown) {
      // After this commit the first rows are in the DOM; a frame later they are painted and the full read may start.
      const frame = requestAnimationFrame(() => setFirstRowsShown(true));
      return () => cancelAnimationFrame(frame);
    }
  }, [first, firstRowsShown]);

  if (all) return { papers: all, complete: true };
  return { papers: first, complete: false };
}

/**
 * Rows are parsed with the `Paper` schema by the background, the only writer, before they are stored.
 * Parsing 10,000 of them again on every read would cost a noticeable pause each time a note is saved,
 * so the pages only check the shape they rely on and leave out (and report) anything else.
 */
export function keepDisplayable(rows: unknown[]): Paper[] {
  const kept = rows.filter(isDisplayable);
  if (kept.length < rows.length) console.warn(`PaperShelf: ${rows.length - kept.length} stored papers are malformed and not shown`);
  return kept;
}

function isDisplayable(row: unknown): row is Paper {
  if (typeof row !== 'object' || row === null) return false;
  const paper = row as Partial<Record<keyof Paper, unknown>>;
  const links = paper.links as { code?: unknown } | undefined;
  return (
    typeof paper.id === 'string' &&
    typeof paper.title === 'string' &&
    Array.isArray(paper.authors) &&
    Array.isArray(paper.tags) &&
    typeof paper.notes === 'string' &&
    typeof paper.status === 'string' &&
    typeof paper.savedAt === 'number' &&
    typeof paper.updatedAt === 'number' &&
    typeof links === 'object' &&
    links !== null &&
    Array.isArray(links.code)
  );
}
