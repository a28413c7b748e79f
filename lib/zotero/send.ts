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
import { IN_LIBRARY_FRESH_MS, type ZoteroRecord, type ZoteroSendResult } from '@/lib/model/zotero';
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
  memory: ZoteroMemory;
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
  if (settings.zoteroMark) {
    try {
      const found = await findManyInZotero(context, papers.map(queryOf));
      await recordFound(db, found, context.now);
      inZotero = new Set([...found].filter(([, key]) => key !== undefined).map(([id]) => id));
    } catch (error) {
      // Without the local API, what PaperShelf remembers stands in for it (below).
      context.warn?.(`PaperShelf: could not ask Zotero which papers it has: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Sent before and not found now (the local API searches My Library only; it may be in a group library, or
  // deleted): the user decides.
  const records = options.resend ? new Map<string, ZoteroRecord>() : await zoteroRecords(db, ids);
  const notInZotero = papers.filter((paper) => !inZotero.has(paper.id));
  const sentBefore = notInZotero.filter((paper) => records.get(paper.id)?.sent);
  const toSend = notInZotero.filter((paper) => !records.get(paper.id)?.sent);

  const result: ZoteroSendResult = {
    sent: [],
    alreadyInZotero: papers.filter((paper) => inZotero.has(paper.id)).map(named),
    sentBefore: sentBefore.map(named),
    failed: [],
  };
  for (let start = 0; start < toSend.length; start += SEND_BATCH) {
    const batch = toSend.slice(start, start + SEND_BATCH);
    const batchIds = batch.map((paper) => paper.id);
    try {
      await saveItems(
        context,
        batch.map((paper) => zoteroItem(paper, { statusTags: settings.zoteroStatusTags })),
        context.sessionId(),
      );
    } catch (error) {
      if (!(error instanceof ZoteroError)) throw error;
      if (error.problem === 'timeout') {
        // Zotero may have saved them and answered late: remembered as sent (unconfirmed), so that sending
        // them again asks first instead of making a second copy unasked.
        await recordSent(db, batchIds, context.now, 'no answer in time: Zotero may have saved them', { confirmed: false });
      }
      // Only a failed save leaves the next batches worth trying; Zotero gone, or not answering, ends the send.
      const final = error.problem !== 'save-failed' || start + SEND_BATCH >= toSend.length;
      const reason =
        error.problem === 'timeout' ? `${error.message} It may have saved them: look in Zotero before sending them again.` : error.message;
      // Nothing saved: the whole send failed, and the error says why.
      if (final && result.sent.length === 0 && result.failed.length === 0 && error.problem !== 'timeout') throw error;
      result.failed.push({ papers: batch.map(named), reason });
      if (final) {
        const rest = toSend.slice(start + SEND_BATCH);
        if (rest.length > 0) result.failed.push({ papers: rest.map(named), reason: error.message });
        break;
      }
      continue;
    }
    await recordSent(db, batchIds, context.now, `saved (${batch.length === 1 ? '1 item' : `${batch.length} items`}, answer 201)`);
    result.sent.push(...batch.map(named));
  }
  return result;
}

/** At most this many papers are looked up in Zotero per listing asked about (an arXiv day is ~2000 entries; its first ones are in view). */
export const MAX_LOOKUPS_PER_ASK = 500;
/** After Zotero could not be asked, this long before it is asked again for a listing. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * What the worker keeps in memory of the local API: papers a listing showed that are not saved and not in
 * Zotero (not stored: a stranger's listing must not fill the database), and when asking last failed.
 */
export interface ZoteroMemory {
  notFound: Map<string, number>;
  failedAt?: number;
}
export const zoteroMemory = (): ZoteroMemory => ({ notFound: new Map() });
const MAX_REMEMBERED = 20_000;

/**
 * Which of `ids` are in the user's Zotero library, for the "In Zotero" marks: fresh answers from the cache,
 * the rest asked of the local API. Nothing when the user has not turned the mark on; only the cached answers
 * when Zotero cannot be asked (not running, local API off).
 */
export async function inZoteroLibrary(context: ZoteroContext, ids: readonly string[]): Promise<Record<string, boolean>> {
  if (ids.length === 0 || !(await context.settings()).zoteroMark) return {};
  const { db, now, memory } = context;
  const fresh = (at: number | undefined) => at !== undefined && now - at <= IN_LIBRARY_FRESH_MS;
  const records = await zoteroRecords(db, ids);
  const answers = new Map<string, boolean>();
  for (const [id, record] of records) if (record.inLibrary) answers.set(id, record.inLibrary.found);
  for (const id of ids) if (!answers.has(id) && memory.notFound.has(id)) answers.set(id, false);
  const stale = ids.filter((id) => !fresh(records.get(id)?.inLibrary?.at) && !fresh(memory.notFound.get(id))).slice(0, MAX_LOOKUPS_PER_ASK);
  if (stale.length > 0 && !(memory.failedAt !== undefined && now - memory.failedAt < RETRY_AFTER_FAILURE_MS)) {
    try {
      const papers = await db.papers.bulkGet(stale);
      const found = await findManyInZotero(
        context,
        stale.map((id, index) => queryOf(papers[index] ?? { id })),
      );
      // Stored: what Zotero has, and the answers about saved papers. In memory: the rest.
      const saved = new Set(stale.filter((_, index) => papers[index] !== undefined));
      const kept = new Map([...found].filter(([id, key]) => key !== undefined || saved.has(id)));
      await recordFound(db, kept, now);
      if (memory.notFound.size > MAX_REMEMBERED) memory.notFound.clear();
      for (const [id, key] of found) {
        answers.set(id, key !== undefined);
        if (!kept.has(id)) memory.notFound.set(id, now);
      }
      memory.failedAt = undefined;
    } catch (error) {
      if (!(error instanceof ZoteroError)) throw error;
      memory.failedAt = now;
      context.warn?.(`PaperShelf: could not ask Zotero which papers it has: ${error.message}`);
    }
  }
  return Object.fromEntries(ids.filter((id) => answers.has(id)).map((id) => [id, answers.get(id)!]));
}
