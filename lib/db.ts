import Dexie, { type EntityTable } from 'dexie';
import type { Paper } from './paper';
import { DATABASE_NAME } from './stored-papers';

/**
 * The PaperShelf database. Only the background service worker writes to it (lib/papers.ts);
 * extension pages may read it directly, and Dexie's live queries see the worker's writes.
 * A schema change is a new `version(n)` with an upgrade, never an edit of an old one.
 */
export class PaperShelfDb extends Dexie {
  papers!: EntityTable<Paper, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      // id is the canonical arXiv id; the rest are what the popup sorts and filters by.
      papers: 'id, savedAt, updatedAt, published, status, *tags',
    });
  }
}

export const db = new PaperShelfDb();
