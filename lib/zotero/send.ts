/**
 * Sending papers to Zotero (issue #13), and asking which are there already. Zotero is asked first (a ping),
 * so that a Zotero that is not running, too old or out of reach is one clear error and changes nothing;
 * then papers already in Zotero are left out (by its local API, when the user turned the "In Zotero" mark
 * on), or, without it, papers sent before wait for the user to confirm; the rest go in batches, and each
 * batch Zotero accepted is recorded as sent.
 */
import type { PaperShelfDb } from '@/lib/db/database';
import { recordFound, recordSent, zoteroRecords } from '@/lib/db/zotero';
import { zoteroItem, type StatusTags } from '@/lib/formats/zotero-item';
import type { Paper, PaperName } from '@/lib/model/paper';
import { IN_LIBRARY_FRESH_MS, type ZoteroSendResult } from '@/lib/model/zotero';
import { ZoteroError, type ZoteroDeps } from './connection';
import { pingZotero, saveItems } from './connector';
import { findManyInZotero, type ZoteroQuery } from './local-api';

export interface ZoteroContext extends ZoteroDeps {
  db: PaperShelfDb;
  now: number;
  /** The user's settings that concern Zotero. */
  settings: () => Promise<{ zoteroMark: boolean; zoteroStatusTags: StatusTags }>;
  /** A new save-session id: Zotero refuses one it has seen before. */
  sessionId: () => string;
  warn?: (message: string) => void;
}

/** Items per save: Zotero saves a batch whole or not at all, so a failure costs at most this many. */
export const SEND_BATCH = 20;

const named = ({ id, title }: Paper): PaperName => ({ id, title });
const queryOf = (paper: Pick<Paper, 'id' | 'lookup'>): ZoteroQuery => ({
  id: paper.id,
  ...(paper.lookup?.doi && { doi: paper.lookup.doi }),
});

export async function sendToZotero(
  context: ZoteroContext,
  ids: readonly string[],
  options: { resend?: boolean },
): Promise<ZoteroSendResult> {
  const { db } = context;
  const papers = (await db.papers.bulkGet([...ids])).filter((paper): paper is Paper => paper !== undefined);
  if (papers.length === 0) throw new Error('none of these papers is in your library');
  const settings = await context.settings();
  await pingZotero(context);

  let inZotero = new Set<string>();
  let checked = false;
  if (settings.zoteroMark) {
    try {
      const found = await findManyInZotero(context, papers.map(queryOf));
      await recordFound(db, found, context.now);
      inZotero = new Set([...found].filter(([, key]) => key !== undefined).map(([id]) => id));
      checked = true;
    } catch (error) {
      // Without the local API, what PaperShelf remembers stands in for it (below).
      context.warn?.(`PaperShelf: could not ask Zotero which papers it has: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const records = checked || options.resend ? new Map() : await zoteroRecords(db, ids);
  const sentBefore = papers.filter((paper) => !inZotero.has(paper.id) && records.get(paper.id)?.sent);
  const toSend = papers.filter((paper) => !inZotero.has(paper.id) && !records.get(paper.id)?.sent);

  const result: ZoteroSendResult = {
    sent: [],
    alreadyInZotero: papers.filter((paper) => inZotero.has(paper.id)).map(named),
    sentBefore: sentBefore.map(named),
    failed: [],
  };
  for (let start = 0; start < toSend.length; start += SEND_BATCH) {
    const batch = toSend.slice(start, start + SEND_BATCH);
    try {
      await saveItems(
        context,
        batch.map((paper) => zoteroItem(paper, { statusTags: settings.zoteroStatusTags })),
        context.sessionId(),
      );
    } catch (error) {
      if (!(error instanceof ZoteroError)) throw error;
      // Zotero gone or out of reach: the batches left would fail the same way.
      const final = error.problem !== 'busy' || start + SEND_BATCH >= toSend.length;
      // Nothing saved: the whole send failed, and the error says why.
      if (final && result.sent.length === 0) throw error;
      result.failed.push({ papers: batch.map(named), reason: error.message });
      if (final) {
        const rest = toSend.slice(start + SEND_BATCH);
        if (rest.length > 0) result.failed.push({ papers: rest.map(named), reason: error.message });
        break;
      }
      continue;
    }
    await recordSent(
      db,
      batch.map((paper) => paper.id),
      context.now,
      `saved (${batch.length === 1 ? '1 item' : `${batch.length} items`}, answer 201)`,
    );
    result.sent.push(...batch.map(named));
  }
  return result;
}

/**
 * Which of `ids` are in the user's Zotero library, for the "In Zotero" marks: fresh answers from the cache,
 * the rest asked of the local API. Nothing when the user has not turned the mark on; only the cached answers
 * when Zotero cannot be asked (not running, local API off).
 */
export async function inZoteroLibrary(context: ZoteroContext, ids: readonly string[]): Promise<Record<string, boolean>> {
  if (ids.length === 0 || !(await context.settings()).zoteroMark) return {};
  const { db, now } = context;
  const records = await zoteroRecords(db, ids);
  const stale = ids.filter((id) => {
    const at = records.get(id)?.inLibrary?.at;
    return at === undefined || now - at > IN_LIBRARY_FRESH_MS;
  });
  const answers = new Map<string, boolean>();
  for (const [id, record] of records) if (record.inLibrary) answers.set(id, record.inLibrary.found);
  if (stale.length > 0) {
    try {
      const papers = await db.papers.bulkGet(stale);
      const found = await findManyInZotero(
        context,
        stale.map((id, index) => queryOf(papers[index] ?? { id })),
      );
      await recordFound(db, found, now);
      for (const [id, key] of found) answers.set(id, key !== undefined);
    } catch (error) {
      if (!(error instanceof ZoteroError)) throw error;
      context.warn?.(`PaperShelf: could not ask Zotero which papers it has: ${error.message}`);
    }
  }
  return Object.fromEntries(ids.filter((id) => answers.has(id)).map((id) => [id, answers.get(id)!]));
}
