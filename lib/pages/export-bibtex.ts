/**
 * BibTeX export from the pages (issue #12): the page reads the library itself and writes the file, so a
 * 100,000-paper export (~40 MB of BibTeX) never crosses a runtime message, whose limit is 64 MiB. Only papers
 * that need a key the library has not stored yet go to the background, the one writer, which hands the keys
 * out (unique across the library, kept forever) and answers with them.
 */
import { assignCitationKeys, toBibtex, type BibtexFlavour } from '@/lib/formats/bibtex';
import type { askBackground } from '@/lib/messaging/client';
import type { Paper } from '@/lib/model/paper';
import { endPiece } from '@/lib/model/timing';

export interface BibtexFileOptions {
  /** The papers to export, all when absent. */
  ids?: readonly string[];
  flavour: BibtexFlavour;
  asciiOnly: boolean;
}

/** `read`: every saved paper (the page's read of the database). */
export async function bibtexFile(
  ask: typeof askBackground,
  read: () => Promise<Paper[]>,
  { ids, flavour, asciiOnly }: BibtexFileOptions,
): Promise<{ text: string; count: number }> {
  let at = performance.now();
  const papers = await read();
  at = endPiece('export:read', at);
  const wanted = ids && new Set(ids);
  let chosen = wanted ? papers.filter((paper) => wanted.has(paper.id)) : papers;
  // The keys the background would give: a paper whose stored key differs (none yet, or one another paper
  // holds too) needs the background to store its key first.
  const keys = assignCitationKeys(papers);
  const unkeyed = chosen.filter((paper) => paper.citationKey !== keys.get(paper.id));
  at = endPiece('export:keys', at);
  if (unkeyed.length > 0) {
    const stored = await ask({
      type: 'library/assign-citation-keys',
      ...(unkeyed.length < papers.length ? { ids: unkeyed.map((paper) => paper.id) } : {}),
    });
    const given = new Map(Object.entries(stored.keys));
    chosen = chosen.map((paper) => (given.has(paper.id) ? { ...paper, citationKey: given.get(paper.id)! } : paper));
    at = endPiece('export:assign', at);
  }
  const text = toBibtex(chosen, { flavour, asciiOnly });
  endPiece('export:text', at);
  return { text, count: chosen.length };
}
