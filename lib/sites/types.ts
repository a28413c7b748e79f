import type { PaperMetadataInput, Site } from '@/lib/model/paper';

/** Where the Save control goes, relative to the entry's anchor element (insertAdjacentElement positions). */
export type ControlPlacement = 'beforebegin' | 'afterbegin' | 'beforeend' | 'afterend';

/** One paper as it appears on a page. */
export interface PaperEntry {
  /** The canonical arXiv id, read from the entry's link. */
  id: string;
  /** The element the control is placed against; one anchor holds at most one control. */
  anchor: Element;
  placement: ControlPlacement;
  /**
   * The entry's metadata as the page shows it, read on first call and kept; the worker parses it with the
   * `PaperMetadata` schema when it is saved. Deferred because a page needs only ids and anchors to draw its
   * controls: reading all 2000 entries of a long arXiv listing up front was a quarter of the time to
   * annotate it. Throws an Error saying what is wrong when the entry shows no title.
   */
  read(): PaperMetadataInput;
}

/**
 * One adapter per site, after Zotero's translators: a cheap detect by URL, then an extract.
 * Both are pure: no browser APIs, no page mutation, so tests run them on saved pages.
 */
export interface SiteAdapter {
  site: Site;
  /** The page type (`daily`, `search`, `list`, `abs`, …) for a URL this adapter supports, else null. */
  pageType(url: URL): string | null;
  /**
   * Every paper entry on the page, in page order, or the first `limit` (a hostile page may list 100,000:
   * the walk stops there). Entries without an id are skipped, never fatal.
   */
  extract(url: URL, doc: Document, limit?: number): PaperEntry[];
}
