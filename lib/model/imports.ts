/**
 * What a BibTeX import carries from the library page to the background (the page parses the file,
 * lib/formats/bibtex-import.ts), and what an import or a restore reports back (lib/db/library-files.ts).
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

export interface BibtexImport {
  papers: ImportedPaper[];
  skipped: SkippedEntry[];
}

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
