/**
 * The lookup services' answers written down (issue #6): merged into the paper and the queue's row
 * rescheduled or removed, in one transaction. lib/lookup/processor.ts asks and decides; this writes.
 */
import type { LookupFound, LookupTask } from '@/lib/model/lookup';
import { Paper } from '@/lib/model/paper';
import type { PaperShelfDb } from './database';
import { keyOf, reschedule } from './lookup-queue';
import { mergeLookup } from './merge';

/**
 * What the lookup services said, merged into the stored paper (lib/db/merge.ts): gaps filled, what
 * the user wrote untouched, and `updatedAt` left alone, since it means the user's last save or edit.
 * Merged inside the transaction, so an edit made while the request was under way is kept. Returns the
 * stored paper afterwards, or undefined when it is no longer saved.
 */
export async function applyLookup(db: PaperShelfDb, id: string, found: LookupFound, now: number): Promise<Paper | undefined> {
  return db.transaction('rw', db.papers, async () => {
    const stored = await db.papers.get(id);
    if (!stored) return undefined;
    const merged = mergeLookup(stored, found, now);
    if (merged === stored) return stored;
    const valid = Paper.parse(merged);
    await db.papers.put(valid);
    return valid;
  });
}

/** What comes after an answer or a failure: the task rescheduled, or undefined to drop its row. */
export type NextTask<T extends unknown[]> = (task: LookupTask, ...context: T) => LookupTask | undefined;

/**
 * A service's answer for one paper: merged into the paper (lib/db/merge.ts) and its row rescheduled or
 * removed, in one transaction. The row is read again inside it: the paper may have been removed, or the
 * user may have asked for a refresh, while the request was under way. No row, nothing to do.
 */
export async function settleAnswer(
  db: PaperShelfDb,
  key: Pick<LookupTask, 'id' | 'service'>,
  found: LookupFound,
  now: number,
  next: NextTask<[paper: Paper]>,
): Promise<void> {
  await db.transaction('rw', db.papers, db.lookups, async () => {
    const task = await db.lookups.get(keyOf(key));
    if (!task) return;
    const paper = await applyLookup(db, key.id, found, now);
    await reschedule(db, task, paper && next(task, paper));
  });
}

/** A failed call for one paper: its row rescheduled (backoff) or dropped (given up), as `next` says. */
export async function settleFailure(
  db: PaperShelfDb,
  key: Pick<LookupTask, 'id' | 'service'>,
  next: NextTask<[]>,
): Promise<LookupTask | undefined> {
  return db.transaction('rw', db.lookups, async () => {
    const task = await db.lookups.get(keyOf(key));
    if (!task) return undefined;
    await reschedule(db, task, next(task));
    return task;
  });
}
