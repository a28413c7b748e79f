/**
 * What PaperShelf keeps of Zotero (issue #13), per arXiv id: when a paper was sent and what Zotero answered,
 * and whether Zotero's local API last said the paper is in the user's Zotero library. Kept beside the papers,
 * not in them: it is what Zotero knows, which a backup does not carry (README.md, "Zotero").
 */
import type { PaperName } from './paper';

export interface ZoteroRecord {
  id: string;
  /** The last send: when, and Zotero's answer in words (or that none came in time, when it may have saved them). */
  sent?: { at: number; answer: string };
  /** What the local API last said: found (with the item's key) or not, and when it was asked. */
  inLibrary?: { found: boolean; key?: string; at: number };
}

/** How long an answer of the local API stands before the worker asks again (a listing seen again later). */
export const IN_LIBRARY_FRESH_MS = 10 * 60_000;

/** What a send did, paper by paper; a send that could not start at all is an error reply instead. */
export interface ZoteroSendResult {
  sent: PaperName[];
  /** Not sent: Zotero's local API says they are in the library already. */
  alreadyInZotero: PaperName[];
  /** Not sent: sent before, and no local API to tell whether they are still there. Sent when asked again with `resend`. */
  sentBefore: PaperName[];
  /** Not sent, with Zotero's reason (a batch that failed while others were saved). */
  failed: { papers: PaperName[]; reason: string }[];
}
