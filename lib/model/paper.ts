import { z } from 'zod';
import { canonicalArxivId } from './arxiv-id';
import { isPublicWebAddress, LINK_ORIGINS, MAX_CODE_LINKS } from './code-links';

/** A canonical arXiv id; anything that is not one is rejected at the boundary. */
export const ArxivId = z
  .string()
  .max(64)
  .refine((raw) => canonicalArxivId(raw) === raw, { message: 'not a canonical arXiv id (no version, no prefix)' });

const HttpUrl = z
  .string()
  .max(2048)
  .refine((raw) => /^https?:\/\//i.test(raw) && URL.canParse(raw), { message: 'not an http(s) URL' });

export const Site = z.enum(['huggingface', 'arxiv']);
export type Site = z.infer<typeof Site>;

export const ReadStatus = z.enum(['unread', 'reading', 'read']);
export type ReadStatus = z.infer<typeof ReadStatus>;

/**
 * Links a page can tell us. The abstract and PDF links are derived from the id, so they are not stored.
 * `origins` says where each code link and the project page were found (lib/model/code-links.ts), for the
 * tooltip the pages show; a link without an entry was saved before PaperShelf kept track.
 */
export const PaperLinks = z.object({
  huggingface: HttpUrl.optional(),
  code: z.array(HttpUrl).max(MAX_CODE_LINKS).default([]),
  // A page (or an old backup) naming a local or private address loses only that link, not the paper.
  projectPage: HttpUrl.refine(isPublicWebAddress, { message: 'not a public web address' }).optional().catch(undefined),
  origins: z
    .record(HttpUrl, z.array(z.enum(LINK_ORIGINS)).max(LINK_ORIGINS.length))
    .refine((origins) => Object.keys(origins).length <= MAX_CODE_LINKS + 1, { message: 'more origins than links' })
    .optional(),
});
export type PaperLinks = z.infer<typeof PaperLinks>;

/** What a listing page knows about a paper: the payload of a Save. */
export const PaperMetadata = z.object({
  id: ArxivId,
  title: z.string().trim().min(1).max(2000),
  authors: z.array(z.string().trim().min(1).max(500)).max(5000).default([]),
  abstract: z.string().max(20000).optional(),
  /** ISO date (YYYY-MM-DD) of first publication or announcement. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  primaryCategory: z.string().max(64).optional(),
  links: PaperLinks.default({ code: [] }),
});
export type PaperMetadata = z.infer<typeof PaperMetadata>;
export type PaperMetadataInput = z.input<typeof PaperMetadata>;

/** Where a paper was saved from: a site's page, or an imported BibTeX file (its entry's abstract page). */
export const PaperSource = z.object({ site: z.enum([...Site.options, 'bibtex-import']), url: HttpUrl });
export type PaperSource = z.infer<typeof PaperSource>;

export const Tag = z.string().trim().min(1).max(100);

/** A BibTeX citation key: ASCII letters, digits and the punctuation BibTeX and biblatex accept. */
export const CitationKey = z.string().regex(/^[A-Za-z0-9_:.+-]{1,100}$/, 'a citation key is 1 to 100 of A-Z a-z 0-9 _ : . + -');

const Time = z.number().int().nonnegative();

/**
 * What online lookups learned about a paper (issue #6, lib/lookup/). Not user data: a lookup fills
 * the paper's own fields only where they are empty (lib/db/merge.ts) and keeps the rest here.
 */
export const PaperLookupInfo = z.object({
  /** The journal version's DOI, from arXiv. */
  doi: z.string().max(256).optional(),
  /** Stars per repository, keyed by its root as `findLinks` spells it, as Hugging Face last counted them. */
  githubStars: z
    .record(z.string().max(2048), z.number().int().nonnegative())
    .refine((stars) => Object.keys(stars).length <= MAX_CODE_LINKS, { message: 'stars for more repositories than a paper links' })
    .optional(),
  /** What arXiv says of the paper beyond what it shows (issue #8): the latest version, every category, the authors' comments and journal reference. */
  arxiv: z
    .object({
      version: z.number().int().positive().max(1000),
      updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      categories: z.array(z.string().max(64)).max(50),
      comments: z.string().max(10_000),
      journalRef: z.string().max(1000),
    })
    .partial()
    .optional(),
  /**
   * When a recheck found code for the paper, which had none (issue #8): the pages mark it as new code, and
   * the badge can count it, until the user opens the paper (`paper/code-seen` clears it).
   */
  codeAppearedAt: Time.optional(),
  /** Hugging Face upvotes, as last counted. */
  upvotes: z.number().int().nonnegative().optional(),
  /** When arXiv last answered for this paper (with the paper or with "no such id"). */
  arxivCheckedAt: Time.optional(),
  /** When Hugging Face last answered for this paper (found or 404). */
  huggingfaceCheckedAt: Time.optional(),
  /**
   * When a lookup last changed what the paper shows. `updatedAt` stays the time of the user's last
   * save or edit (notes-draft recovery and backup merging compare it), so caches keyed by
   * `updatedAt` need this too.
   */
  changedAt: Time.optional(),
});
export type PaperLookupInfo = z.infer<typeof PaperLookupInfo>;

/**
 * When the user last changed each of their fields (issue #9), so a restore or an import merges field by field:
 * the version edited last gives that field, whatever else moved `updatedAt` (a re-save, another field). Absent
 * on papers saved before it was kept, and then taken as older than any known time.
 */
export const EditTimes = z.object({ notes: Time, tags: Time, status: Time }).partial();
export type EditTimes = z.infer<typeof EditTimes>;

/** At most this many removed tags are remembered per paper (the newest removals). */
export const MAX_REMOVED_TAGS = 200;

/** How many tags a paper may have, and how long its notes may be (characters). */
export const MAX_TAGS = 200;
export const MAX_NOTES = 1_000_000;

/** A saved paper as stored in IndexedDB. */
export const Paper = PaperMetadata.extend({
  source: PaperSource,
  tags: z.array(Tag).max(MAX_TAGS),
  status: ReadStatus,
  notes: z.string().max(MAX_NOTES),
  /** BibTeX citation key: assigned once (on first export, or by the user) and never changed after. */
  citationKey: CitationKey.optional(),
  /** Epoch milliseconds. */
  savedAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** Absent until a lookup answered. */
  lookup: PaperLookupInfo.optional(),
  editedAt: EditTimes.optional(),
  /**
   * Tags the user removed, with when: so restoring an older backup that still has one does not bring it back
   * (unless the backup's tags were changed after the removal). A tag added again leaves this list.
   */
  removedTags: z
    .record(Tag, Time)
    .refine((removed) => Object.keys(removed).length <= MAX_REMOVED_TAGS, { message: `more than ${MAX_REMOVED_TAGS} removed tags` })
    .optional(),
});
export type Paper = z.infer<typeof Paper>;

/**
 * A new text of the notes, with the text it was written on (issue #9): the worker writes it only over that
 * text, so an editor that missed a change made elsewhere never overwrites it. `keep-both` (a recovered draft,
 * with no editor to ask the user) joins the two instead of leaving the stored text alone.
 */
export const NotesEdit = z
  .object({
    text: z.string().max(MAX_NOTES),
    base: z.string().max(MAX_NOTES),
    /** Absent: `ask`. */
    onConflict: z.enum(['ask', 'keep-both']).optional(),
  })
  .strict();
export type NotesEdit = z.infer<typeof NotesEdit>;

/**
 * The user's edit of a paper. Tags change by what was added and removed, not as a whole list, so two windows
 * changing tags at once both land.
 */
export const PaperEdit = z
  .object({ notes: NotesEdit, status: ReadStatus, addTags: z.array(Tag).max(MAX_TAGS), removeTags: z.array(Tag).max(MAX_TAGS) })
  .partial()
  .strict();
export type PaperEdit = z.infer<typeof PaperEdit>;

/** What an edit did. */
export interface EditResult {
  paper: Paper;
  /**
   * The notes were changed elsewhere since the text the edit was made on: they were left as they are (the rest
   * of the edit applied), and this is their text, for the editor to show beside the user's.
   */
  conflict?: { notes: string };
}

/** A paper as a notice names it: "Removed “Attention Is All You Need”." (not the whole record, issue #12). */
export interface PaperName {
  id: string;
  title: string;
}

/** Saved state keyed by id: what a listing needs to draw its Save/Saved controls. */
export type SavedState = Record<string, boolean>;

/** How long a removed paper stays in the Trash before it is gone for good (issue #9). */
export const TRASH_DAYS = 30;

/** A removed paper in the Trash, whole (notes, tags, status, key), and when it was removed. */
export const TrashedPaper = z.object({ id: ArxivId, removedAt: z.number().int().nonnegative(), paper: Paper });
export type TrashedPaper = z.infer<typeof TrashedPaper>;

/** A paper gone for good from the Trash: only that it was removed, and when. */
export interface Tombstone {
  id: string;
  removedAt: number;
}

/**
 * A write the background finished, with its answer (issue #9): written in the write's own transaction,
 * so a request sent again after its reply was lost gets the same answer and is not done twice.
 */
export interface Receipt {
  requestId: string;
  at: number;
  result: unknown;
}
