/**
 * Zotero's connector server (issue #13), as the Zotero Connector itself calls it (zotero/zotero-connectors,
 * `src/common/connector.js`; the server side is zotero/zotero `xpcom/server/server_connector.js`): a POST
 * `/connector/ping` to learn Zotero is there, a POST `/connector/saveItems` to save items into the library
 * or collection selected in Zotero.
 */
import { z } from 'zod';
import type { ZoteroItem } from '@/lib/formats/zotero-item';
import { answerJson, zoteroRequest, ZoteroError, type ZoteroAnswer, type ZoteroDeps } from './connection';

/** The connector protocol PaperShelf speaks; Zotero refuses a save from a connector below 3. */
const CONNECTOR_HEADERS = { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': '3' };

const OLD_ZOTERO = 'This Zotero is too old for PaperShelf (it has no connector endpoint for saving): update Zotero and try again.';

// A POST ping answers `{ prefs: {…} }`; only that it is an object matters.
const PingAnswer = z.object({ prefs: z.record(z.string(), z.unknown()) });

/** Resolves when Zotero is running and speaks the connector protocol; throws a `ZoteroError` otherwise. */
export async function pingZotero(deps: ZoteroDeps): Promise<void> {
  const answer = await zoteroRequest(deps, '/connector/ping', { method: 'POST', headers: CONNECTOR_HEADERS, body: '{}' });
  if (answer.status === 404) throw new ZoteroError('old', OLD_ZOTERO);
  if (answer.status !== 200) throw unexpected('ping', answer);
  if (!PingAnswer.safeParse(answerJson(answer)).success) {
    throw new ZoteroError('unexpected', 'What answers on 127.0.0.1:23119 says it is Zotero, but its answer is not a Zotero connector’s.');
  }
}

/**
 * Saves `items` in one request (one Zotero save session, whose id is used once: Zotero refuses one it has
 * seen). Zotero saves all of them or none: its save runs in one transaction.
 */
export async function saveItems(deps: ZoteroDeps, items: ZoteroItem[], sessionID: string): Promise<void> {
  const body = JSON.stringify({ sessionID, uri: items[0]?.url, items });
  const answer = await zoteroRequest(deps, '/connector/saveItems', { method: 'POST', headers: CONNECTOR_HEADERS, body });
  if (answer.status === 201) return;
  if (answer.status === 404) throw new ZoteroError('old', OLD_ZOTERO);
  if (answer.status === 500) {
    const editable = (answerJson(answer) as { libraryEditable?: unknown } | undefined)?.libraryEditable;
    throw new ZoteroError(
      'save-failed',
      editable === false
        ? 'Zotero did not save: the library selected in Zotero is read-only. Select My Library or a collection you may edit, and try again.'
        : 'Zotero did not save (it answered 500): it may be busy with a dialog or another save. Close any dialog open in Zotero and try again.',
    );
  }
  throw unexpected('save', answer);
}

function unexpected(what: string, answer: ZoteroAnswer): ZoteroError {
  const error = (answerJson(answer) as { error?: unknown } | undefined)?.error;
  const detail = typeof error === 'string' && /^[A-Z_]{1,64}$/.test(error) ? ` (${error})` : '';
  return new ZoteroError('unexpected', `Zotero answered the ${what} with ${answer.status}${detail}, which PaperShelf does not expect.`);
}
