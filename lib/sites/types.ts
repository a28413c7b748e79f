import type { PaperMetadata, Site } from '../paper';

/** Where the Save control goes, relative to the entry's anchor element (insertAdjacentElement positions). */
export type ControlPlacement = 'beforebegin' | 'afterbegin' | 'beforeend' | 'afterend';

/** One paper as it appears on a page. */
export interface PaperEntry {
  /** Parsed and validated with the zod `PaperMetadata` schema. */
  paper: PaperMetadata;
  /** The element the control is placed against; one anchor holds at most one control. */
  anchor: Element;
  placement: ControlPlacement;
}

/**
 * One adapter per site, after Zotero's translators: a cheap detect by URL, then an extract.
 * Both are pure: no browser APIs, no page mutation, so tests run them on saved pages.
 */
export interface SiteAdapter {
  site: Site;
  /** The page type (`daily`, `search`, `list`, `abs`, …) for a URL this adapter supports, else null. */
  pageType(url: URL): string | null;
  /** Every paper entry on the page, in page order. Entries without an id or title are skipped, never fatal. */
  extract(url: URL, doc: Document): PaperEntry[];
}
