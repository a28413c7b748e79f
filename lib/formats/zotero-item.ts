/**
 * A saved paper as the item Zotero's connector server takes (`/connector/saveItems`, issue #13): the
 * `preprint` Zotero's own arXiv translator makes of an arXiv abstract page, with the user's tags, read status
 * and notes added. Written from Zotero's item schema (zotero/zotero-schema) and its arXiv translator; the
 * field names are Zotero's, checked in tests/unit/formats/zotero-item.test.ts against the fields that schema
 * allows a preprint.
 */
import { absUrl } from '@/lib/model/arxiv-id';
import { ownCode } from '@/lib/model/code-links';
import type { Paper, ReadStatus } from '@/lib/model/paper';
import { NAME_SUFFIX, paperCategories, paperDate, paperDoi, primaryCategory } from './paper-facts';

export interface ZoteroCreator {
  firstName: string;
  lastName: string;
  creatorType: 'author';
}

/** A tag as the connector takes it (Zotero marks every tag of a connector save automatic). */
export interface ZoteroTag {
  tag: string;
}

/**
 * A link attachment: a web page (`text/html`) with `snapshot: false` is the one attachment a `saveItems`
 * request itself saves, as a link to the address; Zotero downloads nothing. (The Zotero Connector uploads PDFs
 * and snapshots itself, in later requests; PaperShelf leaves the PDF to Zotero's "Find Available PDF".)
 */
export interface ZoteroLinkAttachment {
  title: string;
  url: string;
  mimeType: 'text/html';
  snapshot: false;
}

export interface ZoteroItem {
  itemType: 'preprint';
  /** The connector's key for the item within one save (the arXiv id): attachments and notes hang on it. */
  id: string;
  title: string;
  creators: ZoteroCreator[];
  abstractNote?: string;
  date?: string;
  repository: 'arXiv';
  archiveID: string;
  DOI: string;
  url: string;
  libraryCatalog: 'arXiv.org';
  extra: string;
  tags: ZoteroTag[];
  notes: { note: string }[];
  attachments: ZoteroLinkAttachment[];
}

/** The tag each read status becomes in Zotero (the user's choice, in the settings); an empty one adds none. */
export type StatusTags = Record<ReadStatus, string>;

export interface ZoteroItemOptions {
  statusTags: StatusTags;
}

/**
 * A name as Zotero's `cleanAuthor` splits one: `Last, First` as written; otherwise the last word (with a
 * `Jr.` or `III` after it) is the last name and the rest the first. A one-word name is a last name alone.
 */
export function zoteroCreator(name: string): ZoteroCreator {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    return { firstName: trimmed.slice(comma + 1).trim(), lastName: trimmed.slice(0, comma).trim(), creatorType: 'author' };
  }
  const words = trimmed.split(' ');
  let last = words.length - 1;
  while (last > 0 && NAME_SUFFIX.test(words[last]!)) last -= 1;
  // "Chen Jr." keeps its suffix with the last name.
  const lastName = words.slice(Math.max(last, 0)).join(' ');
  return { firstName: words.slice(0, Math.max(last, 0)).join(' '), lastName, creatorType: 'author' };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/**
 * Plain-text notes as the HTML of a Zotero note: every character escaped (a note that says `<script>` shows
 * it, nothing runs), paragraphs at blank lines, line breaks kept.
 */
export function notesAsHtml(notes: string): string {
  const paragraphs = notes
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return paragraphs.map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n');
}

/** The item for one paper. */
export function zoteroItem(paper: Paper, options: ZoteroItemOptions): ZoteroItem {
  const categories = paperCategories(paper);
  const statusTag = options.statusTags[paper.status].trim();
  const userTags = [...paper.tags, ...(statusTag ? [statusTag] : [])];
  const tags: ZoteroTag[] = [...new Set([...categories, ...userTags])].map((tag) => ({ tag }));
  const comments = paper.lookup?.arxiv?.comments?.trim();
  const notes = [
    // The translator keeps arXiv's comments as a note of their own, so do we.
    ...(comments ? [{ note: `<p>Comment: ${escapeHtml(comments)}</p>` }] : []),
    ...(paper.notes.trim() ? [{ note: notesAsHtml(paper.notes) }] : []),
  ];
  const journalRef = paper.lookup?.arxiv?.journalRef?.trim();
  // The paper's own repositories: one it names as work it builds on is not its code.
  const attachments: ZoteroLinkAttachment[] = ownCode(paper.links).map((url) => ({
    title: `Code: ${url.replace(/^https?:\/\/(www\.)?/, '')}`,
    url,
    mimeType: 'text/html',
    snapshot: false,
  }));
  // The translator dates a preprint by arXiv's last update; what a listing showed when arXiv was not asked.
  const date = paper.lookup?.arxiv?.updated ?? paperDate(paper);
  const primary = primaryCategory(paper);
  // The translator's Extra line (Zotero reads `arXiv:` lines back), and the journal reference, which a preprint has no field for.
  const extra = [
    `arXiv:${paper.id}${primary && !paper.id.includes('/') ? ` [${primary}]` : ''}`,
    ...(journalRef ? [`Journal reference: ${journalRef}`] : []),
  ];
  const abstract = paper.abstract?.trim();
  return {
    itemType: 'preprint',
    id: paper.id,
    title: paper.title,
    creators: paper.authors.map(zoteroCreator),
    ...(abstract && { abstractNote: abstract }),
    ...(date && { date }),
    repository: 'arXiv',
    archiveID: `arXiv:${paper.id}`,
    DOI: paperDoi(paper),
    url: absUrl(paper.id),
    libraryCatalog: 'arXiv.org',
    extra: extra.join('\n'),
    tags,
    notes,
    attachments,
  };
}
