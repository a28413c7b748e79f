import Dexie, { type EntityTable, type Table } from 'dexie';
import type { LookupService, LookupTask } from '@/lib/model/lookup';
import type { Paper, Receipt, Tombstone, TrashedPaper } from '@/lib/model/paper';
import type { ZoteroRecord } from '@/lib/model/zotero';
import { DATABASE_NAME } from './name';
import { SCHEMA_VERSIONS } from './versions';

/**
 * The PaperShelf database. Only the background service worker writes to it (lib/db/papers.ts, and the
 * lookup queue, lib/db/lookup-queue.ts); extension pages may read it directly, and Dexie's live queries see the
 * worker's writes. A schema change is a new entry of lib/db/versions.ts, never an edit of an old one.
 */
export class PaperShelfDb extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  /** Lookups still to make (issue #6): one row per paper and service, so a stopped worker loses none. */
  lookups!: Table<LookupTask, [string, LookupService]>;
  /** Removed papers, whole, for `TRASH_DAYS` (issue #9): saving one again brings it back as it was. */
  trash!: EntityTable<TrashedPaper, 'id'>;
  /** Papers gone for good from the Trash, and when they were removed: a restore does not bring back what was removed since. */
  tombstones!: EntityTable<Tombstone, 'id'>;
  /** Finished writes and their answers, for a few minutes (lib/db/receipts.ts). */
  receipts!: EntityTable<Receipt, 'requestId'>;
  /** What PaperShelf knows of Zotero per arXiv id (issue #13): sends, and the local API's answers. */
  zotero!: EntityTable<ZoteroRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every version ever shipped, in order (lib/db/versions.ts): Dexie upgrades a database of any of them.
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

export const db = new PaperShelfDb();
