/**
 * The library's files, background side: BibTeX and backup exports, backup and BibTeX imports.
 * Each runs in one transaction, so a failure (a malformed file, a full disk) leaves the library as it was.
 */
import type { BackupFile } from '@/lib/formats/backup';
import { assignCitationKeys } from '@/lib/formats/bibtex';
import type { BibtexImport, ImportSummary } from '@/lib/model/imports';
import { Paper } from '@/lib/model/paper';
import { endPiece } from '@/lib/model/timing';
import type { PaperShelfDb } from './database';
import { mergeBackup, mergeVersions, notesJoined, paperFromImport } from './merge';
import { allPapers } from './reads';
import { removalTimes } from './trash';

/**
 * Citation keys for the papers that need one (all when `ids` is absent): unique across the whole library and,
 * once given, stored, so a paper keeps its key in every later export. Only the chosen papers whose key changes
 * are written (issue #12: rewriting 100,000 papers takes IndexedDB 12 s and more). Handing out a key is not a
 * user edit (`updatedAt` stays). Returns the keys it stored.
 */
export async function assignMissingCitationKeys(db: PaperShelfDb, ids?: readonly string[]): Promise<Record<string, string>> {
  return db.transaction('rw', db.papers, async () => {
    let at = performance.now();
    const papers = await allPapers(db);
    const keys = assignCitationKeys(papers);
    const wanted = ids && new Set(ids);
    const newlyKeyed = papers.flatMap((paper) =>
      (!wanted || wanted.has(paper.id)) && paper.citationKey !== keys.get(paper.id) ? [{ ...paper, citationKey: keys.get(paper.id)! }] : [],
    );
    at = endPiece('keys:read', at);
    await db.papers.bulkPut(newlyKeyed);
    endPiece('keys:write', at);
    return Object.fromEntries(newlyKeyed.map((paper) => [paper.id, paper.citationKey]));
  });
}

/** What an import did, and the papers it wrote: only theirs can need new lookups. */
export interface Imported {
  summary: ImportSummary;
  written: Paper[];
}

/**
 * Restores a backup file into the library, merging paper by paper (lib/db/merge.ts, `mergeBackup`); the library
 * page reads the file and sends it in pieces (issue #12). A paper the user removed after the backup's copy was
 * last changed stays removed, in the Trash or gone for good, unless `includeRemoved` (the user asked for them);
 * one brought back from the Trash is merged with its Trash copy. The backup's Trash fills what is in neither
 * the library nor the Trash.
 */
export async function restoreBackup(
  db: PaperShelfDb,
  backup: Pick<BackupFile, 'papers' | 'trash'>,
  options: { includeRemoved?: boolean } = {},
): Promise<Imported> {
  return db.transaction('rw', db.papers, db.trash, db.tombstones, async () => {
    let at = performance.now();
    const library = await allPapers(db);
    const saved = new Set(library.map((paper) => paper.id));
    const removedAt = await removalTimes(db);
    const removedSince = (copy: Paper) => !saved.has(copy.id) && (removedAt.get(copy.id) ?? -1) > copy.updatedAt;
    const left = options.includeRemoved ? [] : backup.papers.filter(removedSince);
    const leftIds = new Set(left.map((copy) => copy.id));
    const wanted = backup.papers.filter((copy) => !leftIds.has(copy.id));
    // A paper coming back from the Trash is merged with what it had there, which may be newer than the backup.
    // A Trash row an older version wrote that no longer reads is left where it is, not a reason to refuse the file.
    // Only the Trash's own rows are read and deleted (issue #12: asking IndexedDB for 100,000 absent keys took seconds).
    const trashIds = new Set(await db.trash.toCollection().primaryKeys());
    const fromTrash = wanted.filter((copy) => !saved.has(copy.id) && trashIds.has(copy.id)).map((copy) => copy.id);
    const inTrash = (await db.trash.bulkGet(fromTrash)).flatMap((row) => {
      const paper = row && Paper.safeParse(row.paper);
      return paper?.success ? [paper.data] : [];
    });
    at = endPiece('restore:read', at);
    const merged = mergeBackup([...library, ...inTrash], wanted);
    const written = new Set(merged.toWrite.map((paper) => paper.id));
    const unchangedFromTrash = inTrash.filter((paper) => !written.has(paper.id));
    // Parse on the way in too: a record that would not read back must never be written.
    const toWrite = [...merged.toWrite, ...unchangedFromTrash].map((paper) => Paper.parse(paper));
    at = endPiece('restore:merge', at);
    await db.papers.bulkPut(toWrite);
    at = endPiece('restore:write', at);
    await db.trash.bulkDelete(toWrite.map((paper) => paper.id).filter((id) => trashIds.has(id)));
    const present = new Set([...(await db.papers.toCollection().primaryKeys()), ...(await db.trash.toCollection().primaryKeys())]);
    // The backup's Trash comes back too, but not a paper deleted for good since (its tombstone is as late as its removal).
    const deletedSince = (id: string, at: number) => !options.includeRemoved && (removedAt.get(id) ?? -1) >= at;
    await db.trash.bulkAdd(
      backup.trash.filter(
        (trashed) => !present.has(trashed.id) && !leftIds.has(trashed.id) && !deletedSince(trashed.id, trashed.removedAt),
      ),
    );
    endPiece('restore:trash', at);
    // Counted as the user sees the library: a paper back from the Trash is added.
    const backFromTrash = inTrash.length;
    const summary = {
      added: merged.added + backFromTrash,
      updated: merged.updated - (backFromTrash - unchangedFromTrash.length),
      unchanged: merged.unchanged - unchangedFromTrash.length,
      notesKeptBoth: merged.notesKeptBoth,
      ...(left.length > 0 ? { removedSince: left.length } : {}),
    };
    return { summary, written: toWrite };
  });
}

/**
 * Adds the arXiv papers of a BibTeX file; a paper already saved is merged with its entry (lib/db/merge.ts,
 * the `import` rules: gaps in its metadata filled, the file's tags added, different notes joined to the user's).
 */
export async function importBibtex(db: PaperShelfDb, { papers: imported, skipped }: BibtexImport, now = Date.now()): Promise<Imported> {
  return db.transaction('rw', db.papers, async () => {
    const existing = await allPapers(db);
    const byId = new Map(existing.map((paper) => [paper.id, paper]));
    const keysInUse = new Set(existing.flatMap((paper) => (paper.citationKey ? [paper.citationKey.toLowerCase()] : [])));
    const keyTaken = (key: string) => keysInUse.has(key.toLowerCase());
    const toWrite: Paper[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let notesKeptBoth = 0;
    for (const entry of imported) {
      const before = byId.get(entry.metadata.id);
      const merged = before ? mergeVersions('import', before, { entry, now, keyTaken }) : paperFromImport(entry, now, keyTaken);
      if (merged === before) {
        unchanged++;
        continue;
      }
      const paper = Paper.parse(merged);
      if (paper.citationKey) keysInUse.add(paper.citationKey.toLowerCase());
      byId.set(paper.id, paper);
      toWrite.push(paper);
      if (before) updated++;
      else added++;
      if (before && notesJoined(before, entry, paper)) notesKeptBoth++;
    }
    await db.papers.bulkPut(toWrite);
    return { summary: { added, updated, unchanged, notesKeptBoth, skipped }, written: toWrite };
  });
}
