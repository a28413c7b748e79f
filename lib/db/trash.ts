/**
 * The Trash (issue #9): a removed paper is kept whole (notes, tags, status, key, what lookups learned) for
 * `TRASH_DAYS`, so a removal is never the end of what the user wrote. Saving it again from any page, or
 * restoring it from the library, brings it back as it was. Written only here and by lib/db/papers.ts.
 */
import { Paper, TRASH_DAYS, TrashedPaper } from '@/lib/model/paper';
import type { PaperShelfDb } from './database';

const DAY = 86_400_000;

/** Puts removed papers in the Trash (inside the caller's transaction, which must include `trash`). */
export async function putInTrash(db: PaperShelfDb, papers: readonly Paper[], now: number): Promise<void> {
  await db.trash.bulkPut(papers.map((paper) => TrashedPaper.parse({ id: paper.id, removedAt: now, paper })));
}

/** The paper as it was when removed, if it is in the Trash; it leaves the Trash (inside the caller's transaction). */
export async function takeFromTrash(db: PaperShelfDb, id: string): Promise<Paper | undefined> {
  const trashed = await db.trash.get(id);
  if (!trashed) return undefined;
  await db.trash.delete(id);
  // Parsed as every stored row is read: a row an older version wrote may lack what today's schema defaults.
  return Paper.safeParse(trashed.paper).data;
}

/** The papers themselves back from the Trash, as they were; the ids not in it are left out. Returns them. */
export async function restoreFromTrash(db: PaperShelfDb, ids: readonly string[]): Promise<Paper[]> {
  return db.transaction('rw', db.papers, db.trash, async () => {
    const restored: Paper[] = [];
    for (const id of ids) {
      // A paper saved again meanwhile is the one the user has now: the trashed copy goes.
      const paper = await takeFromTrash(db, id);
      if (paper && !(await db.papers.get(id))) restored.push(paper);
    }
    await db.papers.bulkPut(restored);
    return restored;
  });
}

/** Papers gone for good from the Trash (the user's "Delete forever"); returns how many. Each leaves a tombstone. */
export async function deleteFromTrash(db: PaperShelfDb, ids?: readonly string[]): Promise<number> {
  return db.transaction('rw', db.trash, db.tombstones, async () => {
    const doomed = ids ? (await db.trash.bulkGet([...ids])).filter((row) => row !== undefined) : await db.trash.toArray();
    await bury(db, doomed);
    return doomed.length;
  });
}

/** Empties the Trash of what was removed `TRASH_DAYS` ago or earlier, leaving tombstones; returns how many went. */
export async function purgeTrash(db: PaperShelfDb, now: number): Promise<number> {
  return db.transaction('rw', db.trash, db.tombstones, async () => {
    const doomed = await db.trash
      .where('removedAt')
      .belowOrEqual(now - TRASH_DAYS * DAY)
      .toArray();
    await bury(db, doomed);
    return doomed.length;
  });
}

/** Trash rows gone, with their tombstones written (inside the caller's transaction). */
async function bury(db: PaperShelfDb, rows: readonly TrashedPaper[]): Promise<void> {
  await db.tombstones.bulkPut(rows.map(({ id, removedAt }) => ({ id, removedAt })));
  await db.trash.bulkDelete(rows.map((row) => row.id));
}

/**
 * When each paper was removed, for the ones removed and not saved again: in the Trash or gone for good
 * (inside the caller's transaction, which must include `trash` and `tombstones`).
 */
export async function removalTimes(db: PaperShelfDb): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const { id, removedAt } of await db.tombstones.toArray()) times.set(id, removedAt);
  // From the removedAt index, without reading the papers themselves.
  const byRemoval = db.trash.orderBy('removedAt');
  const [removedAt, ids] = await Promise.all([byRemoval.keys(), byRemoval.primaryKeys()]);
  ids.forEach((id, index) => times.set(id, Math.max(Number(removedAt[index]), times.get(id) ?? 0)));
  return times;
}
