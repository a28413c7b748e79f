/**
 * What a BibTeX import carries from its worker to the library page and on to the background (the import
 * worker parses the file, lib/import-worker/), and what an import or a restore reports back (lib/db/library-files.ts).
 */
import { z } from 'zod';
import { CitationKey, PaperMetadata, Tag } from './paper';

/** One paper read from a BibTeX file: its metadata, and what the user wrote there. */
export const ImportedPaper = z
  .object({
    metadata: PaperMetadata,
    notes: z.string().max(1_000_000).optional(),
    tags: z.array(Tag).max(200).optional(),
    citationKey: CitationKey.optional(),
  })
  .strict();
export type ImportedPaper = z.infer<typeof ImportedPaper>;

/** An entry of the file that was left out, and why (no arXiv id, unreadable). */
export const SkippedEntry = z.object({ key: z.string().max(1000).optional(), reason: z.string().max(2000) });
export type SkippedEntry = z.infer<typeof SkippedEntry>;

/** A parsed file: each side of a boundary it crosses (the import worker's reply, the background's request) parses it. */
export const BibtexImport = z.object({
  papers: z.array(ImportedPaper).max(100_000),
  skipped: z.array(SkippedEntry).max(100_000),
});
export type BibtexImport = z.infer<typeof BibtexImport>;

/** What restoring a backup or importing a BibTeX file did (lib/db/library-files.ts), as the library page shows it. */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Saved papers whose notes and the file's differed: both texts kept, joined by a separator line (issue #9). */
  notesKeptBoth?: number;
  /** Papers of a backup the user removed after the backup was made: left out (restore them with `includeRemoved`). */
  removedSince?: number;
  /** Entries of an imported BibTeX file that were left out, and why. */
  skipped?: SkippedEntry[];
}
