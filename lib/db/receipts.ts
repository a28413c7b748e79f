import Dexie, { RangeSet } from 'dexie';
import type { PaperShelfDb } from './database';

/**
 * How long a receipt is kept, and how many at most: a request is sent again within seconds of losing its
 * reply, and an answer can be a whole paper with a megabyte of notes (a notes editor saves every 400 ms).
 */
export const RECEIPT_MS = 60_000;
export const MAX_RECEIPTS = 50;

/**
 * Runs a write once per request id (issue #9). A worker stopped after a write committed but before its
 * reply went out leaves the sender with an error; it sends the same request again, and this answers it
 * from the receipt the write left in its own transaction instead of doing it twice (a second import
 * would say "0 added", a second note edit would see its own text as a change made elsewhere). A write
 * that did not commit left no receipt either, so the request runs again in full.
 *
 * Without a request id (a sender that never retries) the write still runs in one transaction, with no
 * receipt. `write` must await nothing but this database: the transaction spans every table, so any write nests.
 */
export async function writeOnce<T>(db: PaperShelfDb, requestId: string | undefined, now: number, write: () => Promise<T>): Promise<T> {
  const answer = await db.transaction('rw', db.tables, async () => {
    const receipt = requestId === undefined ? undefined : await db.receipts.get(requestId);
    if (receipt) return { result: receipt.result as T, repeated: true };
    const result = await write();
    if (requestId === undefined) return { result, repeated: false };
    // The expired ones go while the new one is put (a round trip less for a save, issue #12); the count
    // waits for both, as Dexie deletes through an index in more than one request.
    await Promise.all([
      db.receipts
        .where('at')
        .below(now - RECEIPT_MS)
        .delete(),
      db.receipts.put({ requestId, at: now, result }),
    ]);
    const count = await db.receipts.count();
    const extra = count - MAX_RECEIPTS;
    if (extra > 0) await db.receipts.orderBy('at').limit(extra).delete();
    return { result, repeated: false };
  });
  // Dexie tells open pages of a write when it completes; a worker stopped after the commit never did.
  if (answer.repeated) Dexie.on.storagemutated.fire({ all: new RangeSet(-Infinity, [[]]) });
  return answer.result;
}
