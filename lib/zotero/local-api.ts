/**
 * Zotero's local API (Zotero 7 and later, issue #13): read-only, on this computer, and off until the user
 * allows it in Zotero's settings. PaperShelf asks it one question: is this paper in the user's library? It
 * searches all fields (`qmode=fields`: the DOI, the archive id, the URL and Extra, which the default mode does
 * not search) for the arXiv id, and for the journal DOI when there is one, then checks each item found really
 * names the paper (a note that merely cites the id is not the paper).
 */
import { z } from 'zod';
import { answerJson, zoteroRequest, ZoteroError, type ZoteroDeps } from './connection';

/** Zotero's server drops a browser's request without this header, as if it were not running. */
const LOCAL_API_HEADERS = { 'Zotero-Allowed-Request': '1', 'Zotero-API-Version': '3' };
/** Items per search: an id or a DOI matches a handful at most; more are not read. */
const SEARCH_LIMIT = 25;
/** Searches at once: the local API answers in milliseconds, and the user's Zotero stays responsive. */
const CONCURRENCY = 4;

// Only the fields that can name the paper, each read on its own: one item with a field past these limits (a
// long Extra) is skipped, not the whole answer.
const Field = z.string().max(100_000).optional().catch(undefined);
const LocalItem = z.object({
  key: z.string().regex(/^[A-Z0-9]{8}$/),
  data: z.object({ DOI: Field, archiveID: Field, url: Field, extra: Field }),
});
type LocalItem = z.infer<typeof LocalItem>;
const LocalItems = z.array(z.unknown()).max(SEARCH_LIMIT);

/** A paper as the local API is asked about it: its arXiv id, and its journal DOI when arXiv gave one. */
export interface ZoteroQuery {
  id: string;
  doi?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Whether an item Zotero found is this paper: by its archive id, arXiv's DOI or the journal's, its URL or Extra. */
export function itemIsPaper(item: LocalItem['data'], query: ZoteroQuery): boolean {
  const id = escapeRegExp(query.id);
  const doi = item.DOI?.trim().toLowerCase();
  if (doi && (doi === `10.48550/arxiv.${query.id}`.toLowerCase() || doi === query.doi?.toLowerCase())) return true;
  if (item.archiveID && new RegExp(`^arxiv:${id}(v\\d+)?$`, 'i').test(item.archiveID.trim())) return true;
  if (item.url && new RegExp(`^https?://(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/${id}(v\\d+)?(\\.pdf)?/?$`, 'i').test(item.url.trim()))
    return true;
  // The translator's Extra line (`arXiv:2401.12345 [cs.LG]`), as its own line.
  return !!item.extra && new RegExp(`(^|\\n)\\s*arxiv:\\s*${id}(v\\d+)?(\\s|$)`, 'i').test(item.extra);
}

async function search(deps: ZoteroDeps, term: string): Promise<LocalItem[]> {
  const query = new URLSearchParams({ q: term, qmode: 'fields', format: 'json', limit: String(SEARCH_LIMIT) });
  const answer = await zoteroRequest(deps, `/api/users/0/items/top?${query}`, { method: 'GET', headers: LOCAL_API_HEADERS });
  if (answer.status === 403) {
    throw new ZoteroError(
      'local-api-off',
      'Zotero’s local API is off: in Zotero, Settings → Advanced, allow other applications on this computer to communicate with Zotero.',
    );
  }
  // Zotero 6 and older have no local API.
  if (answer.status === 404) throw new ZoteroError('old', 'This Zotero has no local API (Zotero 7 and later have it).');
  if (answer.status !== 200)
    throw new ZoteroError('unexpected', `Zotero’s local API answered ${answer.status}, which PaperShelf does not expect.`);
  const parsed = LocalItems.safeParse(answerJson(answer));
  if (!parsed.success) throw new ZoteroError('unexpected', 'Zotero’s local API answered with something that is not a list of items.');
  return parsed.data.flatMap((item) => {
    const read = LocalItem.safeParse(item);
    return read.success ? [read.data] : [];
  });
}

/** The key of the item that is this paper in the user's Zotero library, or undefined when there is none. */
export async function findInZotero(deps: ZoteroDeps, query: ZoteroQuery): Promise<string | undefined> {
  for (const term of [query.id, ...(query.doi ? [query.doi] : [])]) {
    const found = (await search(deps, term)).find((item) => itemIsPaper(item.data, query));
    if (found) return found.key;
  }
  return undefined;
}

/**
 * Each paper's item key, or undefined for one not in Zotero; a few searches at a time. The first error (the
 * local API off, Zotero gone) ends the batch: the rest would fail the same way.
 */
export async function findManyInZotero(deps: ZoteroDeps, queries: readonly ZoteroQuery[]): Promise<Map<string, string | undefined>> {
  const found = new Map<string, string | undefined>();
  let next = 0;
  const lane = async () => {
    while (next < queries.length) {
      const query = queries[next++]!;
      try {
        found.set(query.id, await findInZotero(deps, query));
      } catch (error) {
        next = queries.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queries.length) }, lane));
  return found;
}
