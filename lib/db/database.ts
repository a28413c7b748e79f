import Dexie, { type EntityTable, type Table } from 'dexie';
import type { LookupService, LookupTask } from '@/lib/model/lookup';
import type { Paper } from '@/lib/model/paper';
import { DATABASE_NAME } from './name';

/**
 * The PaperShelf database. Only the background service worker writes to it (lib/db/papers.ts, and the
 * lookup queue, lib/db/lookup-queue.ts); extension pages may read it directly, and Dexie's live queries see the
 * worker's writes. A schema change is a new `version(n)` with an upgrade, never an edit of an old one.
 */
export class PaperShelfDb extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  /** Lookups still to make (issue #6): one row per paper and service, so a stopped worker loses none. */
  lookups!: Table<LookupTask, [string, LookupService]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      // id is the canonical arXiv id; the rest are what the popup sorts and filters by.
      papers: 'id, savedAt, updatedAt, published, status, *tags',
    });
    // No upgrade of existing rows: the worker's sweep (lib/lookup/enqueue.ts) queues lookups for papers
    // saved before, and doing it here would bring the lookup code into every page that opens the database.
    this.version(2).stores({
      // `[service+notBefore]` finds a service's due tasks; `[reason+attempts]` the ones a page shows as "looking up…".
      lookups: '[id+service], [service+notBefore], [reason+attempts]',
    });
    // The papers whose code appeared since they were saved (issue #8), which the badge may count. No rows to
    // upgrade: IndexedDB builds the index from what is stored, and a paper without the mark is not in it.
    this.version(3).stores({
      papers: 'id, savedAt, updatedAt, published, status, *tags, lookup.codeAppearedAt',
    });
  }
}

export const db = new PaperShelfDb();
