/**
 * What PaperShelf keeps of Zotero (issue #13), written by the worker after Zotero answered (never inside a
 * request's own transaction: a send waits on the network). Pages read it for the "Sent to Zotero" and
 * "In Zotero" marks.
 */
import type { ZoteroRecord } from '@/lib/model/zotero';
import type { PaperShelfDb } from './database';

/** Each record of `ids` as `change` makes it from the stored one (undefined when there is none), in one transaction. */
async function updateRecords(
  db: PaperShelfDb,
  ids: readonly string[],
  change: (record: ZoteroRecord | undefined, id: string) => ZoteroRecord,
): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.zotero, async () => {
    const records = await db.zotero.bulkGet([...ids]);
    await db.zotero.bulkPut(ids.map((id, index) => change(records[index], id)));
  });
}

/**
 * Papers sent at `at`, with Zotero's answer. `confirmed` (the default): Zotero accepted them, so they are in its
 * library now, as far as PaperShelf can tell; unconfirmed (no answer in time), they only count as sent before.
 */
export function recordSent(db: PaperShelfDb, ids: readonly string[], at: number, answer: string, { confirmed = true } = {}): Promise<void> {
  return updateRecords(db, ids, (record, id) => ({
    ...record,
    id,
    sent: { at, answer },
    ...(confirmed && { inLibrary: { found: true, at } }),
  }));
}

/** The local API's answers: each id found (with its item's key) or not. */
export function recordFound(db: PaperShelfDb, found: ReadonlyMap<string, string | undefined>, at: number): Promise<void> {
  return updateRecords(db, [...found.keys()], (record, id) => {
    const key = found.get(id);
    return { ...record, id, inLibrary: { found: key !== undefined, at, ...(key && { key }) } };
  });
}

/** The records of `ids` that exist, by id. */
export async function zoteroRecords(db: PaperShelfDb, ids: readonly string[]): Promise<Map<string, ZoteroRecord>> {
  const records = await db.zotero.bulkGet([...ids]);
  return new Map(records.filter((record): record is ZoteroRecord => record !== undefined).map((record) => [record.id, record]));
}
