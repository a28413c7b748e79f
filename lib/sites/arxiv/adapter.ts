import { arxivIdFromPath } from '@/lib/model/arxiv-id';
import { findLinks } from '@/lib/model/code-links';
import type { PaperLinks } from '@/lib/model/paper';
import { collapseWhitespace, textOf, textWithAddresses } from '@/lib/model/text';
import { entry, resolve } from '../entry';
import type { PaperEntry, SiteAdapter } from '../types';
import { SITE_ORIGINS } from '../hosts';

/**
 * arxiv.org: category listings (arxiv-browse `list/*.html`), search results (arxiv-search
 * `search-macros.html`) and abstract pages (`abs`). Selectors follow those templates; each is commented
 * with the page variant that needs it.
 */

const HOST = new URL(SITE_ORIGINS.arxiv).host;
// `/list/cs.LG/new`, `/list/astro-ph.CO/recent`, `/list/math/2026-09`, `/list/hep-th/2609`, …
const LIST_PATH = /^\/list\/[a-z-]+(?:\.[A-Za-z-]+)?\/(?:new|recent|pastweek|current|\d{4}(?:-\d{2})?)\/?$/;
// `/search/`, `/search/advanced`, `/search/cs` (the search form scoped to an archive).
const SEARCH_PATH = /^\/search(?:\/(?:advanced|[a-z-]+(?:\.[A-Za-z-]+)?))?\/?$/;
const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

export const arxiv: SiteAdapter = {
  site: 'arxiv',
  pageType(url) {
    if (url.protocol !== 'https:' || url.host !== HOST) return null;
    const path = url.pathname;
    if (LIST_PATH.test(path)) return 'list';
    // Without parameters `/search/` and `/search/advanced` are the empty search forms: no results to mark.
    if (SEARCH_PATH.test(path)) return hasQueryValue(url) ? 'search' : null;
    if (path.startsWith('/abs/') && arxivIdFromPath(path)) return 'abs';
    return null;
  },
  extract(url, doc, limit = Infinity) {
    switch (arxiv.pageType(url)) {
      case 'list':
        return extractListing(url, doc, limit);
      case 'search':
        return extractSearch(url, doc, limit);
      case 'abs':
        return extractAbstractPage(url, doc);
      default:
        return [];
    }
  },
};

/**
 * Whether any query parameter has a non-blank value (`?query=diffusion&searchtype=all`). Read from the
 * string, for both browsers: in a Firefox content script, the page's `URLSearchParams` iterators are not
 * iterable (`e.searchParams.values() is not iterable`), which left arXiv search pages without controls.
 */
function hasQueryValue(url: URL): boolean {
  return url.search
    .replace(/^\?/, '')
    .split('&')
    .some((pair) => {
      const value = pair.includes('=') ? pair.slice(pair.indexOf('=') + 1).replaceAll('+', ' ') : '';
      try {
        return decodeURIComponent(value).trim() !== '';
      } catch {
        return value.trim() !== '';
      }
    });
}

/**
 * Listings: one `dl#articles` per section (new, cross-lists, replacements on `/new`; one per day on
 * `/recent`), so the id `articles` repeats. Each paper is a `dt` (links) followed by its `dd` (metadata).
 */
function extractListing(url: URL, doc: Document, limit: number): PaperEntry[] {
  const announced = announcementDate(doc);
  const entries: PaperEntry[] = [];
  for (const dl of doc.querySelectorAll('#dlpage dl, dl#articles')) {
    const heading = sectionHeading(dl);
    // `/recent` headings are days ("Mon, 28 Sep 2026 (showing 2 of 2 entries )"); on `/new` the day is
    // the page heading, and a replacement section re-lists papers first announced earlier.
    const replacements = /^\s*replace/i.test(heading);
    const sectionDate = isoDate(heading) ?? (replacements ? undefined : announced);
    // Walking siblings keeps a 2000-entry page linear: no document-wide query per entry.
    for (let dt = dl.firstElementChild; dt; dt = dt.nextElementSibling) {
      if (entries.length >= limit) return entries;
      if (dt.localName !== 'dt') continue;
      const dd = dt.nextElementSibling;
      if (dd?.localName !== 'dd') continue;
      const id = idFromLinks(dt.getElementsByTagName('a'), url);
      if (!id) continue;
      entries.push(
        entry(id, dt, 'beforeend', () => {
          const { title, authors, comments, subject, abstract } = listingFields(dd);
          const replaced = replacements || /\(replaced\)/.test(dt.textContent ?? '');
          const abstractText = textOf(abstract);
          // Author links hold plain names: their text needs no walk for math or labels.
          const names = [...(authors?.getElementsByTagName('a') ?? [])].map((link) => collapseWhitespace(link.textContent ?? ''));
          return {
            title: textOf(title),
            authors: names.filter(Boolean),
            abstract: abstractText || undefined,
            published: replaced ? undefined : sectionDate,
            primaryCategory: categoryIn(subject),
            links: linksIn(comments, abstract),
          };
        }),
      );
    }
  }
  return entries;
}

type ListingField = 'title' | 'authors' | 'comments' | 'subject' | 'abstract';
const LISTING_FIELDS: [ListingField, RegExp][] = [
  ['title', /(?:^|\s)list-title(?:\s|$)/],
  ['authors', /(?:^|\s)list-authors(?:\s|$)/],
  ['comments', /(?:^|\s)list-comments(?:\s|$)/],
  ['subject', /(?:^|\s)primary-subject(?:\s|$)/],
];

/**
 * The parts of a listing `dd`, found in one walk of it rather than five queries (one per part): on a
 * 2000-entry page that halved the extraction time in Chromium. The abstract (`p.mathjax`) is only on `/new`.
 */
function listingFields(dd: Element): Partial<Record<ListingField, Element>> {
  const fields: Partial<Record<ListingField, Element>> = {};
  for (const element of dd.querySelectorAll('.list-title, .list-authors, .list-comments, .primary-subject, p.mathjax')) {
    const className = element.getAttribute('class') ?? '';
    const named = LISTING_FIELDS.find(([, pattern]) => pattern.test(className))?.[0];
    const field = named ?? (element.localName === 'p' ? 'abstract' : undefined);
    if (field) fields[field] ??= element;
  }
  return fields;
}

/** Search results (`li.arxiv-result`), arxiv-search's `search_results` macro. */
function extractSearch(url: URL, doc: Document, limit: number): PaperEntry[] {
  const entries: PaperEntry[] = [];
  for (const result of doc.querySelectorAll('li.arxiv-result')) {
    if (entries.length >= limit) break;
    const idLine = result.querySelector('p.list-title');
    const id = idLine && idFromLinks(idLine.querySelectorAll('a[href]'), url);
    if (!id) continue;
    entries.push(
      entry(id, idLine, 'beforeend', () => {
        // Only the comments paragraph wraps its text in `span.mathjax`; report number and journal ref share `p.comments`.
        const comments = result.querySelector('p.comments span.mathjax');
        const abstract = result.querySelector('span.abstract-full');
        // The full abstract ends with its "△ Less" toggle.
        const abstractText = textOf(abstract).replace(/\s*△\s*Less$/, '');
        // "Submitted 20 October, 2021; v1 submitted 17 June, 2021; originally announced June 2021."
        const dates = textOf(result.querySelector('p.is-size-7:not(.comments)'));
        const firstVersion = /v1 submitted (\d{1,2} \w+,? \d{4})/i.exec(dates)?.[1] ?? /Submitted (\d{1,2} \w+,? \d{4})/i.exec(dates)?.[1];
        return {
          title: textOf(result.querySelector('p.title')),
          authors: [...result.querySelectorAll('p.authors a')].map(textOf).filter(Boolean),
          abstract: abstractText || undefined,
          published: isoDate(firstVersion ?? ''),
          // The template lists the primary category's tag first (class `is-link`, or `search-hit` when it matched).
          primaryCategory: categoryFromText(result.querySelector('.tags span.tag[data-tooltip]')?.textContent ?? ''),
          links: linksIn(comments, abstract),
        };
      }),
    );
  }
  return entries;
}

/** The abstract page `/abs/<id>`: one paper, its id from the URL. */
function extractAbstractPage(url: URL, doc: Document): PaperEntry[] {
  const id = arxivIdFromPath(url.pathname);
  const heading = doc.querySelector('h1.title');
  if (!id || !heading) return [];
  return [
    entry(id, heading, 'afterend', () => {
      const scope = heading.closest('#abs') ?? doc;
      const comments = scope.querySelector('td.comments');
      const abstract = scope.querySelector('blockquote.abstract');
      const abstractText = textOf(abstract);
      // `citation_date` is the first version's day ("2019/02/07"); the dateline says "[Submitted on 17 Jun 2021 (v1), …]".
      const citationDate = doc.querySelector('meta[name="citation_date"]')?.getAttribute('content') ?? '';
      const published =
        /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(citationDate.trim())?.slice(1).join('-') ?? isoDate(textOf(scope.querySelector('.dateline')));
      return {
        title: textOf(heading),
        authors: [...scope.querySelectorAll('.authors a')].map(textOf).filter(Boolean),
        abstract: abstractText || undefined,
        published,
        primaryCategory: categoryIn(scope.querySelector('.primary-subject')),
        links: linksIn(comments, abstract),
      };
    }),
  ];
}

const PLAIN_ABS_LINK = /^\/abs\/(\d{4}\.\d{4,5})(?:v\d+)?$/;

/** The first link to an abstract page among `links` (`<a href ="/abs/…" title="Abstract">`, or absolute on search pages). */
function idFromLinks(links: Iterable<Element>, base: URL): string | null {
  for (const link of links) {
    const href = link.getAttribute('href')?.trim() ?? '';
    // Relative links (the listing's own form) are read without building a URL: a 2000-entry page has
    // three per entry, and `new URL` dominated the extraction's profile.
    if (href.startsWith('/') && !href.startsWith('//')) {
      // The listing's own `/abs/2609.01234` is read by one pattern; anything else by the general parser.
      const plain = PLAIN_ABS_LINK.exec(href);
      if (plain) return plain[1]!;
      const id = href.startsWith('/abs/') && !/[?#]/.test(href) ? arxivIdFromPath(href) : null;
      if (id) return id;
      continue;
    }
    if (!/^https?:/i.test(href)) continue;
    const target = resolve(href, base);
    if (target?.host !== HOST || !target.pathname.startsWith('/abs/')) continue;
    const id = arxivIdFromPath(target.pathname);
    if (id) return id;
  }
  return null;
}

/**
 * The code and project page named in the comments and the abstract. arXiv shows every URL there as a link
 * reading "this https URL"; reading the text with the addresses put back keeps each one in its sentence.
 */
function linksIn(comments: Element | null | undefined, abstract: Element | null | undefined): PaperLinks {
  const { code, projectPage, origins } = findLinks([
    { text: textWithAddresses(comments), origin: 'comments' },
    { text: textWithAddresses(abstract), origin: 'abstract' },
  ]);
  return { code, projectPage, ...(Object.keys(origins).length > 0 && { origins }) };
}

/** `span.primary-subject`: "Machine Learning (cs.LG)" → `cs.LG`. */
function categoryIn(element: Element | null | undefined): string | undefined {
  const match = /\(([^()]+)\)\s*$/.exec(textOf(element));
  return match ? categoryFromText(match[1]!) : undefined;
}

function categoryFromText(text: string): string | undefined {
  const category = collapseWhitespace(text);
  return CATEGORY.test(category) ? category : undefined;
}

/** "Showing new listings for Monday, 28 September 2026", the page heading of `/new`. */
function announcementDate(doc: Document): string | undefined {
  for (const heading of doc.querySelectorAll('h3')) {
    const text = heading.textContent ?? '';
    if (/showing new listings for/i.test(text)) return isoDate(text);
  }
  return undefined;
}

/** A section's heading: the `h3` the template puts inside the `dl`, or one just before it (older markup). */
function sectionHeading(dl: Element): string {
  const inside = dl.firstElementChild;
  if (inside?.localName === 'h3') return inside.textContent ?? '';
  for (let before = dl.previousElementSibling; before && before.localName !== 'dl'; before = before.previousElementSibling) {
    if (before.localName === 'h3') return before.textContent ?? '';
  }
  return '';
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** The first "28 September 2026" / "28 Sep 2026" / "28 September, 2026" in `text`, as `2026-09-28`. */
export function isoDate(text: string): string | undefined {
  const match = /\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b/.exec(collapseWhitespace(text));
  if (!match) return undefined;
  const [, day = '', monthName = '', year = ''] = match;
  // Full names on `/new` and search pages, three letters on `/recent` and abstract datelines, "Sept" now and then.
  const month = MONTHS.findIndex((name) => name.startsWith(monthName.toLowerCase())) + 1;
  if (month === 0 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
