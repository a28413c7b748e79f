/**
 * The lookup queue's rows (`db.lookups`, one per paper and service): the only code that writes them.
 * Which rows a paper needs and what follows an answer are lib/lookup/queue.ts's decisions, handed in.
 */
import Dexie from 'dexie';
import { LookupService, LookupTask } from '@/lib/model/lookup';
import type { PaperShelfDb } from './database';

type Key = [string, LookupService];
export const keyOf = (task: Pick<LookupTask, 'id' | 'service'>): Key => [task.id, task.service];

/** The rows of these papers, for every service (what a removal deletes). */
const lookupKeysOf = (ids: readonly string[]): Key[] => ids.flatMap((id) => LookupService.options.map((service): Key => [id, service]));

/** From this many tasks on, `addLookupTasks` reads every key of the queue once instead of one get per task. */
export const READ_ALL_KEYS_FROM = 1000;

/** Adds the tasks whose paper has no row for the service yet (a pending task or a scheduled recheck stays). */
export async function addLookupTasks(db: PaperShelfDb, tasks: readonly LookupTask[]): Promise<number> {
  if (tasks.length === 0) return 0;
  return db.transaction('rw', db.lookups, async () => {
    let fresh: LookupTask[];
    if (tasks.length >= READ_ALL_KEYS_FROM) {
      // A restore or import of thousands of papers: one read of the queue's keys, not one get per task
      // (issue #12: 200,000 gets of absent keys were most of a 100,000-paper restore's time).
      const existing = new Set((await db.lookups.toCollection().primaryKeys()).map(([id, service]) => `${id} ${service}`));
      fresh = tasks.filter((task) => !existing.has(`${task.id} ${task.service}`));
    } else {
      const existing = await db.lookups.bulkGet(tasks.map(keyOf));
      fresh = tasks.filter((_, index) => existing[index] === undefined);
    }
    await db.lookups.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Puts the tasks in place of whatever rows their papers had for those services (the user's Refresh). */
export async function replaceLookupTasks(db: PaperShelfDb, tasks: readonly LookupTask[]): Promise<number> {
  await db.lookups.bulkPut([...tasks]);
  return tasks.length;
}

/** Forgets every row of these papers (they were removed). */
export async function dropLookupTasks(db: PaperShelfDb, ids: readonly string[]): Promise<void> {
  await db.lookups.bulkDelete(lookupKeysOf(ids));
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

/** The task's row replaced by `next`, or removed when there is none. */
export async function reschedule(db: PaperShelfDb, task: LookupTask, next: LookupTask | undefined): Promise<void> {
  if (next) await db.lookups.put(next);
  else await db.lookups.delete(keyOf(task));
}
