/**
 * Restoring a backup from the library page (issue #12): the page reads and checks the file (so a wrong file
 * is refused with its first invalid field before anything is sent), then sends it to the background in
 * pieces and asks it to merge them, in one transaction, with one last message. One message holding 100,000
 * papers would be ~140 MB, over Chrome's 64 MiB limit for a runtime message.
 */
import { parseBackup } from '@/lib/formats/backup';
import type { askBackground } from '@/lib/messaging/client';
import { RESTORE_PIECE_RECORDS } from '@/lib/messaging/contract';
import type { ImportSummary } from '@/lib/model/imports';
import { endPiece } from '@/lib/model/timing';

/** About this much JSON per piece: far below the limit, and each piece is parsed by the worker in well under a second. */
export const RESTORE_PIECE_CHARS = 8 * 1024 * 1024;

/** `items` cut in runs of at most `RESTORE_PIECE_RECORDS`, and of about `RESTORE_PIECE_CHARS` (a larger item goes alone). */
export function pieces<T>(items: readonly T[], maxRecords = RESTORE_PIECE_RECORDS, maxChars = RESTORE_PIECE_CHARS): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (run.length > 0 && (run.length === maxRecords || chars + size > maxChars)) {
      runs.push(run);
      run = [];
      chars = 0;
    }
    run.push(item);
    chars += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Restores the backup file `text`: resolves with what the merge did, rejects with why nothing was changed. */
export async function sendBackup(ask: typeof askBackground, text: string, includeRemoved = false): Promise<ImportSummary> {
  let at = performance.now();
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const { papers, trash } = parsed.backup;
  const restoreId = crypto.randomUUID();
  at = endPiece('restore:parse', at);
  for (const piece of pieces(papers)) await ask({ type: 'library/restore-piece', restoreId, papers: piece, trash: [] });
  for (const piece of pieces(trash)) await ask({ type: 'library/restore-piece', restoreId, papers: [], trash: piece });
  endPiece('restore:pieces', at);
  return ask({
    type: 'library/restore-commit',
    restoreId,
    papers: papers.length,
    trash: trash.length,
    ...(includeRemoved ? { includeRemoved } : {}),
  });
}
