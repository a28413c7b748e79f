// Reading stored papers in extension pages without Dexie: the popup's first rows are read and painted before
// Dexie, React and the rest of the page's code have loaded (issue #4: first rows within 150 ms). No imports
// beyond types, so this stays in the popup's small first chunk.
import type { Paper } from '@/lib/model/paper';
import type { FirstRowsIndex } from '@/lib/view/index-orders';

/** How many rows the first, quick read fetches: more than a popup shows, few enough to arrive at once. */
export const FIRST_ROWS = 60;

/**
 * The `count` papers with the greatest values of `index`, greatest first; [] when the database does not
 * exist yet. Opens its own short-lived connection to `databaseName` and never creates or upgrades it:
 * that is Dexie's job (lib/db/database.ts), and a database created here would lack its schema.
 */
export async function readNewestPapers(databaseName: string, index: FirstRowsIndex, count = FIRST_ROWS): Promise<Paper[]> {
  const database = await openExisting(databaseName);
  if (!database) return [];
  try {
    if (!database.objectStoreNames.contains('papers')) return [];
    const rows = await newestValues(database.transaction('papers', 'readonly').objectStore('papers').index(index), count);
    return keepDisplayable(rows);
  } finally {
    database.close();
  }
}

function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let absent = false;
    request.onupgradeneeded = () => {
      // Opening without a version creates a missing database: abort that, so Dexie creates it properly.
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const database = request.result;
      // Never hold up Dexie's upgrade to a new schema version.
      database.onversionchange = () => database.close();
      resolve(database);
    };
    request.onerror = (event) => {
      if (!absent) return reject(request.error ?? new Error(`could not open ${name}`));
      event.preventDefault();
      resolve(null);
    };
  });
}

/** `getAllRecords` (Chromium 141+) reads the newest rows in one request. */
interface IndexWithRecords {
  getAllRecords(options: { count: number; direction: IDBCursorDirection }): IDBRequest<{ value: unknown }[]>;
}

function newestValues(index: IDBIndex, count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const fail = (request: IDBRequest) => () => reject(request.error ?? new Error('could not read the papers'));
    if ('getAllRecords' in index) {
      const request = (index as unknown as IndexWithRecords).getAllRecords({ count, direction: 'prev' });
      request.onsuccess = () => resolve(request.result.map((record) => record.value));
      request.onerror = fail(request);
      return;
    }
    // Elsewhere a reverse cursor would take one round trip per row; instead one cursor jump finds the
    // count-th greatest key and one `getAll` reads everything from there up.
    const cursorRequest = index.openKeyCursor(null, 'prev');
    let skipped = false;
    cursorRequest.onerror = fail(cursorRequest);
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor && !skipped && count > 1) {
        skipped = true;
        cursor.advance(count - 1);
        return;
      }
      const request = index.getAll(cursor ? IDBKeyRange.lowerBound(cursor.key) : null);
      request.onerror = fail(request);
      request.onsuccess = () => resolve(request.result.reverse().slice(0, count));
    };
  });
}

/**
 * Rows are parsed with the `Paper` schema by the background, the only writer, before they are stored.
 * Parsing 10,000 of them again on every read would cost a noticeable pause, so the pages only check the
 * shape they rely on and leave out (and report) anything else.
 */
export function keepDisplayable(rows: readonly unknown[]): Paper[] {
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
