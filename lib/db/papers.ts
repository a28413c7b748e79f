import { endPiece } from '@/lib/model/timing';
import type { PaperShelfDb } from './database';
import { dropLookupTasks } from './lookup-queue';
import { mergeVersions, notesConflict, paperFromPage } from './merge';
import { putInTrash, takeFromTrash } from './trash';
import { Paper, PaperEdit, type EditResult, type PaperMetadata, type PaperSource, type SavedState } from '@/lib/model/paper';

/**
 * Saves a paper, or completes the record if it is saved already (the same paper seen on another
 * site or in another version). A paper in the Trash comes back from it, with everything it had
 * (issue #9). Returns the stored record.
 */
export async function savePaper(db: PaperShelfDb, metadata: PaperMetadata, source: PaperSource, now = Date.now()): Promise<Paper> {
  return db.transaction('rw', db.papers, db.trash, async () => {
    const stored = (await db.papers.get(metadata.id)) ?? (await takeFromTrash(db, metadata.id));
    const paper = stored ? mergeVersions('resave', stored, { page: metadata, now }) : paperFromPage(metadata, source, now);
    // Parse on the way in too: a record that would not read back must never be written.
    const valid = Paper.parse(paper);
    await db.papers.put(valid);
    return valid;
  });
}

/**
 * Moves a paper to the Trash, and drops its pending lookups; returns the removed record (for Undo) or
 * undefined when it was not saved.
 */
export async function removePaper(db: PaperShelfDb, id: string, now = Date.now()): Promise<Paper | undefined> {
  const [removed] = await removePapers(db, [id], now);
  return removed;
}

export async function savedState(db: PaperShelfDb, ids: readonly string[]): Promise<SavedState> {
  const unique = [...new Set(ids)];
  const keys = new Set(await db.papers.where('id').anyOf(unique).primaryKeys());
  return Object.fromEntries(unique.map((id) => [id, keys.has(id)]));
}

/**
 * Applies the user's edit, merged with the stored paper field by field (lib/db/merge.ts, `edit`). Throws when
 * the paper is not saved, so the caller can say so.
 */
export async function updatePaper(db: PaperShelfDb, id: string, edit: PaperEdit, now = Date.now()): Promise<EditResult> {
  return db.transaction('rw', db.papers, async () => {
    const stored = await db.papers.get(id);
    if (!stored) throw new Error(`paper ${id} is not saved`);
    const merged = mergeVersions('edit', stored, { edit, now });
    // Parse on the way in too: a record that would not read back must never be written.
    const paper = merged === stored ? stored : Paper.parse(merged);
    if (paper !== stored) await db.papers.put(paper);
    return notesConflict(edit, paper) ? { paper, conflict: { notes: paper.notes } } : { paper };
  });
}

/** Bulk edits from the library page: one transaction, so a failure leaves every paper as it was. Returns how many it found. */
export async function updatePapers(db: PaperShelfDb, ids: readonly string[], edit: PaperEdit, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.papers, async () => {
    let at = performance.now();
    const stored = (await db.papers.bulkGet([...ids])).filter((paper): paper is Paper => paper !== undefined);
    at = endPiece('update:read', at);
    const updated = stored.flatMap((paper) => {
      const merged = mergeVersions('edit', paper, { edit, now });
      return merged === paper ? [] : [Paper.parse(merged)];
    });
    at = endPiece('update:merge', at);
    await db.papers.bulkPut(updated);
    endPiece('update:write', at);
    return stored.length;
  });
}

/**
 * Moves papers to the Trash (and drops their pending lookups) in one transaction, and returns them whole,
 * so an Undo can put back exactly what was there.
 */
export async function removePapers(db: PaperShelfDb, ids: readonly string[], now = Date.now()): Promise<Paper[]> {
  return db.transaction('rw', db.papers, db.lookups, db.trash, async () => {
    const stored = (await db.papers.bulkGet([...ids])).filter((paper): paper is Paper => paper !== undefined);
    await db.papers.bulkDelete(stored.map((paper) => paper.id));
    await putInTrash(db, stored, now);
    await dropLookupTasks(db, ids);
    return stored;
  });
}

/** Undo of a removal: the records go back as they were, timestamps, notes, tags and key included, and leave the Trash. */
export async function restorePapers(db: PaperShelfDb, papers: readonly Paper[]): Promise<number> {
  return db.transaction('rw', db.papers, db.trash, async () => {
    await db.papers.bulkPut([...papers]);
    await db.trash.bulkDelete(papers.map((paper) => paper.id));
    return papers.length;
  });
}

/**
 * The user opened a paper whose code appeared (issue #8): the mark goes. Not an edit (`updatedAt` stays), and
 * nothing happens for a paper without the mark. Returns whether it had one.
 */
export async function clearCodeAppeared(db: PaperShelfDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.papers, async () => {
    const stored = await db.papers.get(id);
    if (stored?.lookup?.codeAppearedAt === undefined) return false;
    const { codeAppearedAt: _seen, ...lookup } = stored.lookup;
    await db.papers.put(Paper.parse({ ...stored, lookup }));
    return true;
  });
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A user-chosen citation key; BibTeX compares keys ignoring case, so uniqueness does too. */
export async function setCitationKey(db: PaperShelfDb, id: string, key: string, now = Date.now()): Promise<Paper> {
  return db.transaction('rw', db.papers, async () => {
    const stored = await db.papers.get(id);
    if (!stored) throw new Error(`paper ${id} is not saved`);
    const owner = await db.papers
      .filter((paper) => paper.id !== id && paper.citationKey !== undefined && sameKey(paper.citationKey, key))
      .first();
    if (owner) throw new Error(`the key ${key} is already used by ${owner.id} (${owner.title})`);
    const updated = Paper.parse({ ...stored, citationKey: key, updatedAt: now });
    await db.papers.put(updated);
    return updated;
  });
}
