/**
 * A backup restored in pieces (issue #12): one message holding 100,000 papers is ~140 MB, over Chrome's 64 MiB
 * limit, so the library page sends the parsed file in pieces (`library/restore-piece`), and the worker keeps
 * them here, in memory, until `library/restore-commit` merges them all in one transaction. Nothing is written
 * before that: a worker stopped between pieces forgets them, and the commit says so; the library is unchanged.
 */
import type { Paper, TrashedPaper } from '@/lib/model/paper';

/** More than any library holds (100,000 papers and their Trash), and a bound on the worker's memory. */
export const MAX_STAGED_RECORDS = 250_000;

interface Staged {
  papers: Paper[];
  trash: TrashedPaper[];
}

let current: { restoreId: string; staged: Staged } | undefined;

/** Keeps a piece; a piece of another restore starts over (one restore at a time). Returns how many records are kept. */
export function stagePiece(restoreId: string, papers: readonly Paper[], trash: readonly TrashedPaper[]): number {
  if (current?.restoreId !== restoreId) current = { restoreId, staged: { papers: [], trash: [] } };
  const { staged } = current;
  if (staged.papers.length + staged.trash.length + papers.length + trash.length > MAX_STAGED_RECORDS) {
    current = undefined;
    throw new RangeError(`a backup holds at most ${MAX_STAGED_RECORDS.toLocaleString('en')} papers with its Trash`);
  }
  staged.papers.push(...papers);
  staged.trash.push(...trash);
  return staged.papers.length + staged.trash.length;
}

/**
 * The whole file, once every piece came: `expected` is what the page sent. Throws when pieces are missing
 * (the worker was stopped meanwhile) or a paper appears twice. The pieces are forgotten either way.
 */
export function takeStaged(restoreId: string, expected: { papers: number; trash: number }): Staged {
  const staged = current?.restoreId === restoreId ? current.staged : { papers: [], trash: [] };
  current = undefined;
  if (staged.papers.length !== expected.papers || staged.trash.length !== expected.trash) {
    throw new Error(
      `the backup did not arrive whole (${staged.papers.length.toLocaleString('en')} of ${expected.papers.toLocaleString('en')} papers); choose the file again`,
    );
  }
  const seen = new Set<string>();
  for (const paper of staged.papers) {
    if (seen.has(paper.id)) throw new Error(`the backup holds ${paper.id} twice`);
    seen.add(paper.id);
  }
  return staged;
}
