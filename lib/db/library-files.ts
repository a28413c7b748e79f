/**
 * The library's files, background side: BibTeX and backup exports, backup and BibTeX imports.
 * Each runs in one transaction, so a failure (a malformed file, a full disk) leaves the library as it was.
 */
import { absUrl } from '@/lib/model/arxiv-id';
import { createBackup, mergeBackup, parseBackup } from '@/lib/formats/backup';
import { assignCitationKeys, toBibtex, type BibtexFlavour } from '@/lib/formats/bibtex';
import type { PaperShelfDb } from './database';
import type { BibtexImport, ImportSummary } from '@/lib/model/imports';
import { Paper } from '@/lib/model/paper';
import { allPapers, mergeMetadata } from './papers';

export interface BibtexExportOptions {
  /** The papers to export, all when absent. */
  ids?: readonly string[];
  flavour: BibtexFlavour;
  asciiOnly: boolean;
}

/**
 * BibTeX of the chosen papers. Keys are unique across the whole library and, once given, stored:
 * a paper keeps its key in every later export. Handing out a key is not a user edit (`updatedAt` stays).
 */
export async function exportBibtex(db: PaperShelfDb, options: BibtexExportOptions): Promise<{ text: string; count: number }> {
  return db.transaction('rw', db.papers, async () => {
    const papers = await allPapers(db);
    const keys = assignCitationKeys(papers);
    const keyed = papers.map((paper) =>
      paper.citationKey === keys.get(paper.id) ? paper : { ...paper, citationKey: keys.get(paper.id)! },
    );
    const newlyKeyed = keyed.filter((paper, index) => paper !== papers[index]);
    if (newlyKeyed.length > 0) await db.papers.bulkPut(newlyKeyed);
    const wanted = options.ids && new Set(options.ids);
    const chosen = wanted ? keyed.filter((paper) => wanted.has(paper.id)) : keyed;
    return { text: toBibtex(chosen, { flavour: options.flavour, asciiOnly: options.asciiOnly }), count: chosen.length };
  });
}

export async function exportBackup(db: PaperShelfDb): Promise<{ text: string; count: number }> {
  const papers = await allPapers(db);
  return { text: createBackup(papers), count: papers.length };
}

/** Restores a backup file into the library, merging paper by paper (see `mergeBackup`). */
export async function importBackup(db: PaperShelfDb, text: string): Promise<ImportSummary> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return db.transaction('rw', db.papers, async () => {
    const { toWrite, added, updated, unchanged } = mergeBackup(await allPapers(db), parsed.backup.papers);
    await db.papers.bulkPut(toWrite);
    return { added, updated, unchanged };
  });
}

/**
 * Adds the arXiv papers of a BibTeX file. A paper already saved keeps everything the user wrote (notes,
 * tags, status, key): the file only fills gaps in its metadata, adds its tags, and gives notes where
 * there were none.
 */
export async function importBibtex(
  db: PaperShelfDb,
  { papers: imported, skipped }: BibtexImport,
  now = Date.now(),
): Promise<ImportSummary> {
  return db.transaction('rw', db.papers, async () => {
    const existing = await allPapers(db);
    const byId = new Map(existing.map((paper) => [paper.id, paper]));
    const keysInUse = new Set(existing.flatMap((paper) => (paper.citationKey ? [paper.citationKey.toLowerCase()] : [])));
    const keyIfFree = (key: string | undefined) => (key && !keysInUse.has(key.toLowerCase()) ? key : undefined);
    const toWrite: Paper[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const { metadata, notes, tags, citationKey } of imported) {
      const before = byId.get(metadata.id);
      const merged: Paper = before
        ? {
            ...mergeMetadata(before, metadata),
            tags: [...new Set([...before.tags, ...(tags ?? [])])],
            notes: before.notes || (notes ?? ''),
            citationKey: before.citationKey ?? keyIfFree(citationKey),
          }
        : {
            ...metadata,
            source: { site: 'bibtex-import', url: absUrl(metadata.id) },
            tags: tags ?? [],
            status: 'unread',
            notes: notes ?? '',
            citationKey: keyIfFree(citationKey),
            savedAt: now,
            updatedAt: now,
          };
      if (before && JSON.stringify(before) === JSON.stringify(merged)) {
        unchanged++;
        continue;
      }
      const paper = Paper.parse(before ? { ...merged, updatedAt: now } : merged);
      if (paper.citationKey) keysInUse.add(paper.citationKey.toLowerCase());
      byId.set(paper.id, paper);
      toWrite.push(paper);
      if (before) updated++;
      else added++;
    }
    await db.papers.bulkPut(toWrite);
    return { added, updated, unchanged, skipped };
  });
}
