import { z } from 'zod';
import { BibtexImport, type ImportSummary } from '@/lib/model/imports';
import { MAX_ENTRIES_PER_PAGE } from '@/lib/model/limits';
import {
  ArxivId,
  CitationKey,
  Paper,
  PaperEdit,
  PaperMetadata,
  PaperSource,
  TrashedPaper,
  type EditResult,
  type PaperName,
  type SavedState,
} from '@/lib/model/paper';
import type { ZoteroSendResult } from '@/lib/model/zotero';

/**
 * Messages to the background, the single writer of the database. Content scripts, the popup and the
 * library page send them; the background parses every one with `BackgroundRequest` before acting.
 * Names say who talks to whom and what happens: `<noun>/<verb>`.
 */
const PaperIds = z.array(ArxivId).min(1).max(100_000);
/** A backup restored in pieces: the page's name for it, the same in every piece and the commit. */
const RestoreId = z.string().regex(/^[\w-]{8,64}$/);
/** At most this many papers (and as many Trash rows) in one piece of a restore. */
export const RESTORE_PIECE_RECORDS = 5000;

export const BackgroundRequest = z.discriminatedUnion('type', [
  /** content script → background: save (or complete) a paper seen on a page. */
  z.object({ type: z.literal('paper/save'), paper: PaperMetadata, source: PaperSource }).strict(),
  /** any page → background: forget a paper. */
  z.object({ type: z.literal('paper/remove'), id: ArxivId }).strict(),
  /** content script → background: which of a page's papers are saved (one round trip per page). */
  z.object({ type: z.literal('paper/saved-state'), ids: z.array(ArxivId).max(MAX_ENTRIES_PER_PAGE) }).strict(),
  /** popup/library → background: status or tags of many papers at once (bulk actions). */
  z
    .object({
      type: z.literal('papers/update'),
      ids: PaperIds,
      patch: PaperEdit.omit({ notes: true }),
    })
    .strict(),
  /**
   * popup/library → background: remove papers (to the Trash, whole); the reply names them (id and title), and
   * Undo takes them back from the Trash (`trash/restore`). A reply holding 100,000 whole papers was over the 64 MiB limit.
   */
  z.object({ type: z.literal('papers/remove'), ids: PaperIds }).strict(),
  /** popup/library → background: the user edits a citation key (must stay unique). */
  z.object({ type: z.literal('paper/set-citation-key'), id: ArxivId, key: CitationKey }).strict(),
  /**
   * popup/library → background: store citation keys for these papers (all when `ids` is absent) where they
   * have none; the page writes the BibTeX itself from its own read (`bibtexFile`).
   */
  z.object({ type: z.literal('library/assign-citation-keys'), ids: PaperIds.optional() }).strict(),
  /**
   * library → background: a piece of a backup file the page has read and checked (`sendBackup`). One message
   * of 100,000 papers would be ~140 MB, over Chrome's 64 MiB limit: pieces of at most `RESTORE_PIECE_RECORDS`
   * records (and about 8 MiB) each, kept by the worker until the commit.
   */
  z
    .object({
      type: z.literal('library/restore-piece'),
      restoreId: RestoreId,
      papers: z.array(Paper).max(RESTORE_PIECE_RECORDS),
      trash: z.array(TrashedPaper).max(RESTORE_PIECE_RECORDS),
    })
    .strict(),
  /**
   * library → background: merge the pieces sent into the library, in one transaction, once they all came
   * (`papers` and `trash` say how many were sent); papers removed since the backup stay removed unless `includeRemoved`.
   */
  z
    .object({
      type: z.literal('library/restore-commit'),
      restoreId: RestoreId,
      papers: z.number().int().nonnegative(),
      trash: z.number().int().nonnegative(),
      includeRemoved: z.boolean().optional(),
    })
    .strict(),
  /**
   * library → background: add the arXiv papers of a BibTeX file (arXiv, Zotero, Google Scholar exports).
   * The page has the file parsed in its import worker (`importBibtexFile`): the parser is large, and the
   * service worker loads its whole bundle every time it wakes.
   */
  BibtexImport.extend({ type: z.literal('library/import-bibtex') }).strict(),
  /** library → background: papers back from the Trash, as they were removed (issue #9). */
  z.object({ type: z.literal('trash/restore'), ids: PaperIds }).strict(),
  /** library → background: papers gone from the Trash for good; all of them (Empty Trash) when `ids` is absent. */
  z.object({ type: z.literal('trash/delete'), ids: PaperIds.optional() }).strict(),
  /** popup/library → background: the user opened a paper whose code appeared; its "new code" mark goes. */
  z.object({ type: z.literal('paper/code-seen'), id: ArxivId }).strict(),
  /** popup/library → background: look the paper up again on arXiv and Hugging Face (its "Refresh details"). */
  z.object({ type: z.literal('paper/refresh-lookup'), id: ArxivId }).strict(),
  /** popup/library → background: the user's notes (with the text they were written on), tags and read status. */
  z.object({ type: z.literal('paper/update'), id: ArxivId, patch: PaperEdit }).strict(),
  /**
   * popup/library → background: send papers to the Zotero desktop app (issue #13). Papers sent before are
   * held back for the user to confirm, unless `resend`.
   */
  z.object({ type: z.literal('zotero/send'), ids: PaperIds, resend: z.boolean().optional() }).strict(),
  /**
   * content script → background: which of a page's papers are in the user's Zotero library (issue #13); an
   * empty answer unless the user turned the "In Zotero" mark on.
   */
  z.object({ type: z.literal('zotero/in-library'), ids: z.array(ArxivId).max(MAX_ENTRIES_PER_PAGE) }).strict(),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
/** A request as a sender may write it, before the background's parse fills in defaults. */
export type BackgroundRequestInput = z.input<typeof BackgroundRequest>;

/**
 * A request may carry the id its sender gave it, and carries the same one when it is sent again after a
 * lost reply: the background answers a write it already did from its receipt (lib/db/receipts.ts).
 */
export const RequestEnvelope = z
  .looseObject({
    requestId: z
      .string()
      .regex(/^[\w-]{8,64}$/)
      .optional(),
  })
  .transform(({ requestId, ...request }) => ({ requestId, request }));
export type BackgroundRequestType = BackgroundRequest['type'];

/** What each request answers with. */
export interface BackgroundResults {
  'paper/save': Paper;
  'paper/remove': { removed: boolean };
  'paper/saved-state': SavedState;
  'paper/update': EditResult;
  'papers/update': { updated: number };
  'papers/remove': { removed: PaperName[] };
  'paper/set-citation-key': Paper;
  /** The keys stored, by paper id. */
  'library/assign-citation-keys': { keys: Record<string, string> };
  'library/restore-piece': { staged: number };
  'library/restore-commit': ImportSummary;
  'library/import-bibtex': ImportSummary;
  'paper/refresh-lookup': { queued: number };
  'paper/code-seen': { cleared: boolean };
  'trash/restore': { restored: PaperName[] };
  'trash/delete': { deleted: number };
  'zotero/send': ZoteroSendResult;
  /** By id, for the papers Zotero was asked about: in its library or not. */
  'zotero/in-library': Record<string, boolean>;
}

export type BackgroundReply<T extends BackgroundRequestType = BackgroundRequestType> =
  { ok: true; result: BackgroundResults[T] } | { ok: false; error: string };
