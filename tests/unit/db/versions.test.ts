// Every schema a user's database may be in, built with raw IndexedDB as the shipped code left it, then opened
// with today's code: every paper, note, tag and queued lookup is still there, and today's queries work.
import { describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { dueLookups } from '@/lib/db/lookup-queue';
import { SCHEMA_VERSIONS, SHIPPED_V2_LOOKUPS_SHAPES } from '@/lib/db/versions';
import type { LookupTask } from '@/lib/model/lookup';
import { paper, uniqueDbName } from '../support/factory';

/** What shipped, frozen: a change to a shipped version fails here. A new version is appended to both. */
const SHIPPED: { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: { papers: 'id, savedAt, updatedAt, published, status, *tags' } },
  { version: 2, stores: { lookups: '[id+service], [service+notBefore], [reason+attempts]' } },
  { version: 3, stores: { papers: 'id, savedAt, updatedAt, published, status, *tags, lookup.codeAppearedAt' } },
  { version: 4, stores: { trash: 'id, removedAt' } },
  { version: 5, stores: { tombstones: 'id' } },
  { version: 6, stores: { receipts: 'requestId, at' } },
  { version: 7, stores: { zotero: 'id' } },
];

/** Dexie's schema syntax as raw IndexedDB: the primary key first, then indexes (`*` multi-entry, `[a+b]` compound). */
function createStore(database: IDBDatabase, name: string, schema: string): void {
  const [primary, ...indexes] = schema.split(',').map((part) => part.trim());
  const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec.replace(/^[*&]/, ''));
  const store = database.createObjectStore(name, { keyPath: keyPath(primary!) });
  for (const index of indexes) store.createIndex(index.replace(/^[*&]/, ''), keyPath(index), { multiEntry: index.startsWith('*') });
}

/** A database as a shipped version of PaperShelf created it (Dexie stores version n as 10·n), with rows. */
function buildOld(name: string, version: number, stores: Record<string, string>, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version * 10);
    open.onupgradeneeded = () => {
      for (const [store, schema] of Object.entries(stores)) createStore(open.result, store, schema);
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction(Object.keys(rows), 'readwrite');
      for (const [store, values] of Object.entries(rows)) for (const value of values) transaction.objectStore(store).put(value);
      transaction.oncomplete = () => {
        open.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

const NOW = 1_800_000_000_000;
const annotated = paper({ id: '2401.12345', notes: 'Read §3 twice.\nThen the appendix.', tags: ['to read', 'survey'], status: 'reading' });
const queued: LookupTask = { id: '2401.12345', service: 'arxiv', attempts: 2, notBefore: NOW - 1000, reason: 'new' };
const V1 = SHIPPED[0]!.stores;

describe('the database’s schema history', () => {
  it('keeps every shipped version as it shipped, only appending new ones', () => {
    expect(SCHEMA_VERSIONS.slice(0, SHIPPED.length).map(({ version, stores }) => ({ version, stores }))).toEqual(SHIPPED);
    expect(SCHEMA_VERSIONS.map(({ version }) => version)).toEqual(SCHEMA_VERSIONS.map((_, index) => index + 1));
  });

  it('opens a version 1 database with its papers, notes and tags, and gives it today’s tables and indexes', async () => {
    const name = uniqueDbName();
    await buildOld(name, 1, V1, { papers: [annotated] });
    const db = new PaperShelfDb(name);
    expect(await db.papers.get('2401.12345')).toEqual(annotated);
    expect(await db.lookups.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    expect(await db.papers.where('lookup.codeAppearedAt').above(0).count()).toBe(0);
    await db.delete();
  });

  it.each(SHIPPED_V2_LOOKUPS_SHAPES.map((shape) => [shape]))('opens a version 2 database whose queue had the indexes %s', async (shape) => {
    const name = uniqueDbName();
    const marked = paper({ id: '2402.00001', lookup: { codeAppearedAt: NOW } });
    await buildOld(name, 2, { ...V1, lookups: shape }, { papers: [annotated, marked], lookups: [queued] });
    const db = new PaperShelfDb(name);
    expect(await db.papers.toArray()).toEqual([annotated, marked]);
    // Today's queries on the queue need today's indexes: [service+notBefore] and [reason+attempts].
    expect(await dueLookups(db, 'arxiv', NOW, () => undefined)).toEqual([queued]);
    expect(await db.lookups.where('[reason+attempts]').equals(['new', 2]).primaryKeys()).toEqual([['2401.12345', 'arxiv']]);
    expect(await db.papers.where('lookup.codeAppearedAt').above(0).primaryKeys()).toEqual(['2402.00001']);
    await db.delete();
  });
});
