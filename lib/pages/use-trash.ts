import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db/database';
import { TrashedPaper } from '@/lib/model/paper';

/** The Trash (issue #9), live, most recently removed first; undefined until read. Rows that do not parse are left out. */
export function useTrash(): TrashedPaper[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.trash.orderBy('removedAt').reverse().toArray();
    return rows.flatMap((row) => TrashedPaper.safeParse(row).data ?? []);
  }, []);
}
