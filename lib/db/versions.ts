/**
 * Every schema version of the database PaperShelf has shipped, oldest first, and why it came. Append only:
 * a schema change is a new entry (with an upgrade when rows must change); a shipped entry is never edited,
 * since databases in that shape exist (tests/unit/db/versions.test.ts keeps a copy and opens each shape).
 * No imports: the table names and index strings are Dexie's syntax, as `version(n).stores()` takes them.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    why: 'the saved papers; id is the canonical arXiv id, the rest what the pages sort and filter by',
    stores: { papers: 'id, savedAt, updatedAt, published, status, *tags' },
  },
  {
    version: 2,
    // No upgrade of rows: the worker's sweep (lib/lookup/enqueue.ts) queues lookups for papers saved before,
    // and doing it here would bring the lookup code into every page that opens the database.
    why: 'the lookup queue (issue #6): a service’s due tasks by [service+notBefore], "looking up…" by [reason+attempts]',
    stores: { lookups: '[id+service], [service+notBefore], [reason+attempts]' },
  },
  {
    version: 3,
    // No rows to upgrade: IndexedDB builds the index from what is stored. Dexie upgrades from the indexes a
    // database really has, so this version also brings any earlier shape of version 2 (below) to today's.
    why: 'the papers whose code appeared since they were saved (issue #8), which the badge may count',
    stores: { papers: 'id, savedAt, updatedAt, published, status, *tags, lookup.codeAppearedAt' },
  },
  {
    version: 4,
    why: 'the Trash (issue #9): a removed paper, whole, for 30 days; by removedAt to empty the oldest',
    stores: { trash: 'id, removedAt' },
  },
  {
    version: 5,
    why: 'papers gone for good from the Trash (issue #9): their id and when they were removed, so restoring an older backup does not bring them back',
    stores: { tombstones: 'id' },
  },
  {
    version: 6,
    why: 'receipts of finished writes (issue #9): a request retried after its reply was lost (the worker stopped) is answered from its receipt, not done twice; by at to drop old ones',
    stores: { receipts: 'requestId, at' },
  },
  {
    version: 7,
    why: 'what PaperShelf knows of Zotero (issue #13), per arXiv id: when a paper was sent and what Zotero answered, and whether the local API found it',
    stores: { zotero: 'id' },
  },
] as const;

/**
 * Version 2's lookup queue shipped in three shapes: its indexes were changed twice under the same number
 * (commits b870b4d, 1aabb5a, 420cafe). A database may be in any of them.
 */
export const SHIPPED_V2_LOOKUPS_SHAPES = [
  '[id+service], notBefore, reason',
  '[id+service], notBefore, [reason+attempts]',
  '[id+service], [service+notBefore], [reason+attempts]',
] as const;
