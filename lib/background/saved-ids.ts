import type { PaperShelfDb } from '@/lib/db/database';
import { forgetSavedIds, storeSavedIds } from '@/lib/storage/saved-ids';

/**
 * Keeps the saved-ids index of lib/storage/saved-ids.ts equal to the `papers` table: `refresh()` after
 * every change of which papers are saved, and at install and browser start. Refreshes asked for while one
 * runs fold into one more, so a burst of saves writes the index twice, not once per save. It runs after
 * the reply: a save is not slowed by it, and a worker stopped before it ran is caught up at the next change.
 * A list that could not be written is removed, so no listing trusts an old one.
 */
export function savedIdsKeeper(db: PaperShelfDb, store = storeSavedIds, forget = forgetSavedIds): { refresh: () => Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async () => {
    do {
      again = false;
      await store((await db.papers.toCollection().primaryKeys()) as string[]);
    } while (again);
  };
  return {
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      running = run()
        .catch(async (error: unknown) => {
          // A list that could not be brought up to date (storage full, say) must not be trusted by the next
          // listing: without it, listings ask the background, as before the list existed.
          console.warn('PaperShelf: could not record which papers are saved for the listings', error);
          await forget().catch(() => undefined);
        })
        .finally(() => (running = undefined));
      return running;
    },
  };
}
