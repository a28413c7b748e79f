import { arxivIdFromPath, canonicalArxivId, huggingFaceUrl } from '@/lib/model/arxiv-id';
import { findLinks } from '@/lib/model/code-links';
import type { PaperMetadataInput } from '@/lib/model/paper';
import { collapseWhitespace, decodeEntities, textOf } from '@/lib/model/text';
import { entry, resolve } from '../entry';
import type { PaperEntry, SiteAdapter } from '../types';
import { SITE_ORIGINS } from '../hosts';

/**
 * huggingface.co/papers: the daily, weekly, monthly, trending and search listings (one Svelte
 * `DailyPapers` component whose JSON props carry the metadata) and single paper pages (`PaperContent`).
 */

const HOST = new URL(SITE_ORIGINS.huggingface).host;
const LISTINGS: [RegExp, string][] = [
  [/^\/papers\/?$/, 'daily'],
  [/^\/papers\/date\/\d{4}-\d{2}-\d{2}\/?$/, 'daily'],
  [/^\/papers\/week\/\d{4}-W\d{2}\/?$/, 'weekly'],
  [/^\/papers\/month\/\d{4}-\d{2}\/?$/, 'monthly'],
  [/^\/papers\/trending\/?$/, 'trending'],
];

export const huggingface: SiteAdapter = {
  site: 'huggingface',
  pageType(url) {
    if (url.protocol !== 'https:' || url.host !== HOST) return null;
    const listing = LISTINGS.find(([path]) => path.test(url.pathname))?.[1];
    if (listing) return url.searchParams.get('q')?.trim() ? 'search' : listing;
    return url.pathname.startsWith('/papers/') && arxivIdFromPath(url.pathname) ? 'paper' : null;
  },
  extract(url, doc, limit = Infinity) {
    const pageType = huggingface.pageType(url);
    if (pageType === null) return [];
    return pageType === 'paper' ? extractPaperPage(url, doc) : extractListing(url, doc, limit);
  },
};

/**
 * Listing cards are `article`s whose `h3` links to `/papers/<id>`. Metadata comes from the props JSON;
 * a card the page rendered after load (infinite scroll) is not in it, so it gets what the card shows.
 */
function extractListing(url: URL, doc: Document, limit: number): PaperEntry[] {
  // The props are parsed when a paper is first read (a save), not while the page is annotated: the JSON
  // of a day's papers is the largest thing a scan would otherwise parse (issue #12).
  let known: Map<string, HfPaper> | undefined;
  const propsOf = (id: string) => (known ??= papersInProps(doc)).get(id);
  const entries: PaperEntry[] = [];
  for (const article of doc.querySelectorAll('article')) {
    if (entries.length >= limit) break;
    const heading = article.querySelector('h3');
    const link = heading?.querySelector('a[href]');
    const target = resolve(link?.getAttribute('href') ?? null, url);
    if (!heading || target?.host !== HOST || !target.pathname.startsWith('/papers/')) continue;
    const id = arxivIdFromPath(target.pathname);
    if (!id) continue;
    entries.push(entry(id, heading, 'afterend', () => metadata(id, propsOf(id), textOf(heading))));
  }
  return entries;
}

/** `/papers/<id>`: one paper, the control beside its title. */
function extractPaperPage(url: URL, doc: Document): PaperEntry[] {
  const id = arxivIdFromPath(url.pathname);
  if (!id) return [];
  const props = papersInProps(doc).get(id);
  const headings = [...doc.querySelectorAll('h1')];
  // The h1 that carries the title the props name; without props, the page's first h1, read conservatively.
  const wanted = props?.title ? collapseWhitespace(props.title) : null;
  const heading = (wanted && headings.find((h1) => textOf(h1) === wanted)) || headings[0];
  if (!heading) return [];
  return [entry(id, heading, 'afterend', () => metadata(id, props, textOf(heading)))];
}

/**
 * The fields read from a paper in the props. Each may be missing or of another shape without costing the
 * entry, since the props are the site's internals, not an API; read by hand, as the content script carries
 * no schema library (issue #12).
 */
interface HfPaper {
  id: string;
  title?: string;
  summary?: string;
  publishedAt?: string;
  authors?: unknown[];
  githubRepo?: string;
  projectPage?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function hfPaper(value: Record<string, unknown>): HfPaper | undefined {
  if (typeof value.id !== 'string') return undefined;
  return {
    id: value.id,
    title: text(value.title),
    summary: text(value.summary),
    publishedAt: text(value.publishedAt),
    authors: Array.isArray(value.authors) ? value.authors : undefined,
    githubRepo: text(value.githubRepo),
    projectPage: text(value.projectPage),
  };
}

function metadata(id: string, paper: HfPaper | undefined, shownTitle: string): Omit<PaperMetadataInput, 'id'> {
  const authors = (paper?.authors ?? []).flatMap((author) => {
    const given = typeof author === 'object' && author !== null ? text((author as { name?: unknown }).name) : undefined;
    // Some names arrive escaped twice (`D&#39;Mello`); the attribute's own escaping is already gone.
    const name = given ? collapseWhitespace(decodeEntities(given)) : '';
    return name ? [name] : [];
  });
  const abstract = paper?.summary ? collapseWhitespace(paper.summary) : undefined;
  // The fields the site curates first; then the summary, whose repositories named as others' work rank last.
  const { code, projectPage, origins } = findLinks([
    { text: paper?.githubRepo, origin: 'page' },
    { text: paper?.projectPage, origin: 'page' },
    { text: abstract, origin: 'abstract' },
  ]);
  return {
    title: paper?.title ? collapseWhitespace(paper.title) : shownTitle,
    authors,
    abstract,
    published: /^\d{4}-\d{2}-\d{2}/.exec(paper?.publishedAt ?? '')?.[0],
    links: { huggingface: huggingFaceUrl(id), code, projectPage, ...(Object.keys(origins).length > 0 && { origins }) },
  };
}

/**
 * Every paper in the JSON props of the page's paper components, by canonical id. The daily page holds
 * `dailyPapers[].paper`; other variants (trending, search, a paper page's `paper`) may nest differently,
 * so any object with a `paper`, or with an arXiv `id` and a `title`, counts.
 */
function papersInProps(doc: Document): Map<string, HfPaper> {
  const found = new Map<string, HfPaper>();
  for (const element of doc.querySelectorAll('[data-target*="Paper"][data-props]')) {
    let props: unknown;
    try {
      props = JSON.parse(element.getAttribute('data-props') ?? '');
    } catch {
      continue;
    }
    collectPapers(props, found, 0);
  }
  return found;
}

function collectPapers(value: unknown, found: Map<string, HfPaper>, depth: number): void {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPapers(item, found, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  // `dailyPapers[]` wraps the paper and repeats its title and summary beside it; its own `publishedAt`
  // is the day's submission time, not the paper's, so only those two may fill gaps.
  const candidate =
    typeof record.paper === 'object' && record.paper !== null ? { title: record.title, summary: record.summary, ...record.paper } : record;
  const paper = hfPaper(candidate);
  const id = paper ? canonicalArxivId(paper.id) : null;
  if (paper && id && (paper.title !== undefined || candidate !== record)) {
    if (!found.has(id)) found.set(id, paper);
    return;
  }
  for (const child of Object.values(record)) collectPapers(child, found, depth + 1);
}
