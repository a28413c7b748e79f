import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '@/lib/db/database';
import type { ZoteroRecord } from '@/lib/model/zotero';

const NONE: ReadonlyMap<string, ZoteroRecord> = new Map();

/**
 * What PaperShelf knows of the papers in Zotero (issue #13), live from the worker's writes: one small row per
 * paper sent or asked about, so the whole table is read.
 */
export function useZoteroRecords(): ReadonlyMap<string, ZoteroRecord> {
  const records = useLiveQuery(() => db.zotero.toArray(), []);
  return useMemo(() => (records ? new Map(records.map((record) => [record.id, record])) : NONE), [records]);
}
