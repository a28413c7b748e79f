/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): one query URL for a batch of
 * ids, and its Atom answer parsed into typed records. Pure string work: the service worker has no
 * DOMParser, so the XML goes through fast-xml-parser, and everything it yields through zod.
 */
import { XMLParser } from 'fast-xml-parser';
import { canonicalArxivId } from '@/lib/model/arxiv-id';
import { findLinks } from '@/lib/model/code-links';
import { ArxivRecord } from '@/lib/model/lookup';
import { collapseWhitespace, decodeEntities } from '@/lib/model/text';
import { ARXIV_API } from './endpoints';

/** Ids per call. The manual suggests modest slices; 50 answers stay well under a megabyte. */
export const ARXIV_BATCH_SIZE = 50;
/** A 50-entry answer is a few hundred kB even with collaboration-sized author lists. */
export const MAX_FEED_LENGTH = 5_000_000;
/** What `ArxivRecord.journalRef` holds at most; a longer one is dropped alone, not the paper with it. */
const MAX_JOURNAL_REF = 1000;

/** `errors`: entries that could not be read; `dropped`: fields left out of entries that were, and why. */
export type ArxivFeed = { ok: true; entries: ArxivRecord[]; errors: string[]; dropped: string[] } | { ok: false; error: string };

/** The query for `ids` (canonical, at most `ARXIV_BATCH_SIZE`); without a version arXiv answers with the latest. */
export function arxivQueryUrl(ids: string[]): string {
  if (ids.length === 0 || ids.length > ARXIV_BATCH_SIZE)
    throw new RangeError(`an arXiv query takes 1 to ${ARXIV_BATCH_SIZE} ids, not ${ids.length}`);
  for (const id of ids) if (canonicalArxivId(id) !== id) throw new RangeError(`not a canonical arXiv id: ${id}`);
  // Written out rather than through URLSearchParams: the documented form is `id_list=a,b/c`, and
  // canonical ids hold nothing that needs escaping.
  return `${ARXIV_API}?id_list=${ids.join(',')}&max_results=${ids.length}`;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Prefixes are the document's choice (`arxiv:comment`); arXiv's names do not clash with Atom's.
  removeNSPrefix: true,
  // Ids like 1234.5678 and years must stay strings.
  parseTagValue: false,
  // Entities are decoded by us, once, and only the predefined and numeric ones: a custom entity
  // (billion laughs, external files) has nothing to expand into.
  processEntities: false,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/**
 * The entries of an arXiv API answer. Entries arXiv uses to report a bad id go to `errors`, as do
 * entries that fail validation; neither stops the others. Input that is not a plausible Atom feed
 * (too large, not well-formed, a DOCTYPE, no `<feed>`) is rejected whole.
 */
export function parseArxivFeed(xml: string): ArxivFeed {
  if (xml.length > MAX_FEED_LENGTH) return { ok: false, error: `the answer is ${xml.length} characters, more than ${MAX_FEED_LENGTH}` };
  // arXiv never sends a DOCTYPE; one is where entity bombs and external entities live.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, error: 'the answer declares a DOCTYPE or entities' };
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    return { ok: false, error: `unreadable XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(document) || !('feed' in document)) return { ok: false, error: 'not an Atom feed (no <feed> root)' };
  // An empty `<feed/>` reads as a string: no entries.
  const feed = document.feed;

  const entries: ArxivRecord[] = [];
  const errors: string[] = [];
  const dropped: string[] = [];
  for (const entry of isObject(feed) && Array.isArray(feed.entry) ? feed.entry : []) {
    const result = readEntry(entry);
    if ('error' in result) errors.push(result.error);
    else {
      entries.push(result.record);
      dropped.push(...result.dropped);
    }
  }
  return { ok: true, entries, errors, dropped };
}

/** An entry read, with what was dropped from it and why; or why the whole entry could not be read. */
function readEntry(entry: unknown): { record: ArxivRecord; dropped: string[] } | { error: string } {
  if (!isObject(entry)) return { error: 'an entry without content' };
  const idUrl = text(entry.id) ?? '';
  // How arXiv reports a bad id: an entry whose id is an error URL and whose summary says what went wrong.
  if (/^https?:\/\/arxiv\.org\/api\/errors/i.test(idUrl)) return { error: `arXiv: ${text(entry.summary) ?? idUrl}` };
  const id = canonicalArxivId(/^https?:\/\/arxiv\.org\/abs\/(.+)$/i.exec(idUrl)?.[1] ?? '');
  if (!id) return { error: `an entry with an unexpected id: ${idUrl.slice(0, 200) || '(none)'}` };

  const abstract = text(entry.summary);
  const primaryCategory = isObject(entry.primary_category) ? attribute(entry.primary_category, 'term') : undefined;
  const comments = text(entry.comment);
  const dropped: string[] = [];
  // The field sometimes holds several DOIs separated by spaces; the first is the article's.
  const doiText = text(entry.doi);
  const doi = doiText?.split(' ').find((token) => /^10\.\d{4,9}\/[^\s<>"{}\\]+$/.test(token));
  if (doiText && !doi) dropped.push(`${id}: the DOI "${doiText.slice(0, 100)}" is not a DOI, dropped`);
  const journalRefText = text(entry.journal_ref);
  const journalRef = journalRefText && journalRefText.length <= MAX_JOURNAL_REF ? journalRefText : undefined;
  if (journalRefText && !journalRef) dropped.push(`${id}: a journal reference of ${journalRefText.length} characters, dropped`);
  const links = findLinks([
    { text: comments, origin: 'comments' },
    { text: abstract, origin: 'abstract' },
  ]);
  const candidate = {
    id,
    title: text(entry.title),
    authors: (Array.isArray(entry.author) ? entry.author : [])
      .map((author) => (isObject(author) ? text(author.name) : undefined))
      .filter(Boolean),
    abstract,
    published: text(entry.published)?.slice(0, 10),
    updated: text(entry.updated)?.slice(0, 10),
    primaryCategory,
    comments,
    doi,
    journalRef,
    // A version past what the schema takes is not believable; left out rather than costing the paper.
    version: [Number(/v(\d+)$/.exec(idUrl)?.[1])].find((version) => version >= 1 && version <= 1000),
    categories: categoriesOf(entry, primaryCategory),
    code: links.code,
    projectPage: links.projectPage,
    origins: Object.keys(links.origins).length > 0 ? links.origins : undefined,
  };
  const parsed = ArxivRecord.safeParse(candidate);
  if (!parsed.success)
    return { error: `${id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}` };
  return { record: parsed.data, dropped };
}

// arXiv's own categories (`cs.LG`, `hep-th`, `math.AG`); the feed also lists ACM and MSC classes (`I.2.6`, `68T05`).
const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** The paper's categories, the primary first, each once. */
function categoriesOf(entry: Record<string, unknown>, primary: string | undefined): string[] {
  const listed = (Array.isArray(entry.category) ? entry.category : []).map((category) =>
    isObject(category) ? attribute(category, 'term') : undefined,
  );
  // A paper is cross-listed in a few; a list past the schema's 50 is cut, not the paper dropped.
  return [...new Set([primary, ...listed])].filter((term): term is string => term !== undefined && CATEGORY.test(term)).slice(0, 50);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text content, decoded and whitespace collapsed; undefined when empty or not text. */
function text(node: unknown): string | undefined {
  const raw = typeof node === 'string' ? node : isObject(node) && typeof node['#text'] === 'string' ? node['#text'] : undefined;
  const value = raw === undefined ? '' : collapseWhitespace(decodeEntities(raw));
  return value || undefined;
}

function attribute(node: Record<string, unknown>, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? text(value) : undefined;
}
