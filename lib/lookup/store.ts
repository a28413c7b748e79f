/**
 * The lookup queue's rows in the database (`db.lookups`, one per paper and service). queue.ts decides
 * what a row should be; this reads and writes them. Background only.
 */
import Dexie from 'dexie';
import type { PaperShelfDb } from '../db';
import type { Paper } from '../paper';
import { LookupService, LookupTask, refreshTasks, tasksFor } from './queue';

type Key = [string, LookupService];
const keyOf = (task: Pick<LookupTask, 'id' | 'service'>): Key => [task.id, task.service];

/** The rows of these papers, for every service (what a removal deletes). */
export const lookupKeysOf = (ids: readonly string[]): Key[] =>
  ids.flatMap((id) => LookupService.options.map((service): Key => [id, service]));

/**
 * Queues what `tasksFor` says these papers need, except where the paper already has a row for the
 * service (a pending task or a scheduled recheck stays as it is). Returns how many rows were added.
 */
export async function enqueueLookups(db: PaperShelfDb, papers: readonly Paper[], now: number): Promise<number> {
  const tasks = papers.flatMap((paper) => tasksFor(paper, now));
  if (tasks.length === 0) return 0;
  return db.transaction('rw', db.lookups, async () => {
    const existing = await db.lookups.bulkGet(tasks.map(keyOf));
    const fresh = tasks.filter((_, index) => existing[index] === undefined);
    await db.lookups.bulkAdd(fresh);
    return fresh.length;
  });
}

/**
 * The same for the whole library: after an import, on install or update (papers saved before lookups
 * existed), and daily as a safety net (a task dropped after its attempts is tried again a day later).
 */
export async function enqueueMissingLookups(db: PaperShelfDb, now: number): Promise<number> {
  return db.transaction('rw', db.papers, db.lookups, async () => enqueueLookups(db, await db.papers.toArray(), now));
}

/** The user's "Refresh details": the paper's rows replaced by refresh tasks. Throws when it is not saved. */
export async function refreshLookup(db: PaperShelfDb, id: string, now: number): Promise<number> {
  return db.transaction('rw', db.papers, db.lookups, async () => {
    const paper = await db.papers.get(id);
    if (!paper) throw new Error(`paper ${id} is not saved`);
    const tasks = refreshTasks(paper, now);
    await db.lookups.bulkPut(tasks);
    return tasks.length;
  });
}

/**
 * A service's due rows, and its earliest row that is not due yet (enough for `nextBatch` to know how
 * long to wait), instead of the whole queue: after a large import it holds thousands. Rows that do not
 * parse are deleted and reported, like any stored input.
 */
export async function dueLookups(
  db: PaperShelfDb,
  service: LookupService,
  now: number,
  warn: (message: string) => void,
): Promise<LookupTask[]> {
  const index = db.lookups.where('[service+notBefore]');
  const [due, next] = await Promise.all([
    index.between([service, Dexie.minKey], [service, now], true, true).toArray(),
    index.between([service, now], [service, Dexie.maxKey], false, true).first(),
  ]);
  const tasks: LookupTask[] = [];
  const bad: unknown[] = [];
  for (const row of next ? [...due, next] : due) {
    const parsed = LookupTask.safeParse(row);
    if (parsed.success) tasks.push(parsed.data);
    else bad.push(row);
  }
  if (bad.length > 0) {
    warn(`PaperShelf: ${bad.length} malformed lookup rows dropped`);
    await db.lookups.bulkDelete(bad.map((row) => keyOf(row as LookupTask)));
  }
  return tasks;
}
