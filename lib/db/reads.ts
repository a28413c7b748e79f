/**
 * What the pages read for the files they make (issue #12): read-only transactions, so they may run in an
 * extension page as well as in the worker. A 100,000-paper backup is ~140 MB of JSON, over Chrome's 64 MiB
 * limit for one runtime message: the page that downloads the file builds it from its own read.
 */
import { createBackup } from '@/lib/formats/backup';
import type { PaperShelfDb } from './database';

/** Every saved paper, oldest first: the order citation keys are handed out in. */
export const allPapers = (db: PaperShelfDb) => db.papers.orderBy('savedAt').toArray();

/** Every saved paper, in id order: one read of the store itself, not of an index (an export sorts its own way). */
export const everyPaper = (db: PaperShelfDb) => db.papers.toArray();

/** The whole library as one backup file, the Trash included. `count` is the papers' (the Trash's not counted). */
export async function readBackup(db: PaperShelfDb): Promise<{ text: string; count: number }> {
  const { papers, trash } = await db.transaction('r', db.papers, db.trash, async () => ({
    // createBackup sorts by id, which is the store's own order.
    papers: await everyPaper(db),
    trash: await db.trash.toArray(),
  }));
  return { text: createBackup(papers, trash), count: papers.length };
}
