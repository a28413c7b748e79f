/**
 * Queuing lookups: which rows a paper needs (queue.ts decides) written through lib/db/lookup-queue.ts.
 * Called by the background's handlers (save, restore, import, Refresh) and the worker's daily sweep.
 */
import type { PaperShelfDb } from '@/lib/db/database';
import { addLookupTasks, replaceLookupTasks } from '@/lib/db/lookup-queue';
import type { Paper } from '@/lib/model/paper';
import { refreshTasks, tasksFor } from './queue';

/** Queues what `tasksFor` says these papers need, where the paper has no row for the service yet. Returns how many rows were added. */
export const enqueueLookups = (db: PaperShelfDb, papers: readonly Paper[], now: number): Promise<number> =>
  addLookupTasks(
    db,
    papers.flatMap((paper) => tasksFor(paper, now)),
  );

/**
 * The same for the whole library: on install or update (papers saved before lookups existed), and daily as
 * a safety net (a task dropped after its attempts is tried again a day later). An import queues only what it wrote.
 */
export async function enqueueMissingLookups(db: PaperShelfDb, now: number): Promise<number> {
  return db.transaction('rw', db.papers, db.lookups, async () => enqueueLookups(db, await db.papers.toArray(), now));
}

/** The user's "Refresh details": the paper's rows replaced by refresh tasks. Throws when it is not saved. */
export async function refreshLookup(db: PaperShelfDb, id: string, now: number): Promise<number> {
  return db.transaction('rw', db.papers, db.lookups, async () => {
    const paper = await db.papers.get(id);
    if (!paper) throw new Error(`paper ${id} is not saved`);
    return replaceLookupTasks(db, refreshTasks(paper, now));
  });
}
