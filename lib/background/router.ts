import type { PaperShelfDb } from '@/lib/db/database';
import { writeOnce } from '@/lib/db/receipts';
import { BackgroundRequest, RequestEnvelope, type BackgroundReply, type BackgroundRequestType } from '@/lib/messaging/contract';
import type { SavedState } from '@/lib/model/paper';
import { HANDLERS, type Handler, type HandlerContext, type ZoteroReach } from './handlers';
import { senderKind, type ExtensionIdentity, type MessageSender } from './senders';
import { markRequest } from './timing';

export interface BackgroundDeps {
  db: PaperShelfDb;
  extension: ExtensionIdentity;
  /** Tells every open tab which saved states changed; the reply does not wait for it, so it must not reject. */
  announceSavedState: (states: SavedState) => Promise<void>;
  /** Called after every request that may have changed a paper (the toolbar badge counts unread papers). */
  libraryChanged?: () => void;
  /** Called when lookups were queued (issue #6): the worker starts on them. */
  lookupsQueued?: () => void;
  now?: () => number;
  /** How the worker reaches Zotero (issue #13). */
  zotero: ZoteroReach;
}

/**
 * One message from a page or a content script: who sent it, then what it holds (parsed with zod), then
 * whether its handler accepts that sender, then the work. Never throws: every failure is an error reply,
 * and nothing is written before all three checks pass.
 */
export async function handleBackgroundMessage(message: unknown, sender: MessageSender, deps: BackgroundDeps): Promise<BackgroundReply> {
  const kind = senderKind(sender, deps.extension);
  if (!kind) return { ok: false, error: 'PaperShelf accepts messages only from its own pages and content scripts' };
  const envelope = RequestEnvelope.safeParse(message);
  const parsed = envelope.success ? BackgroundRequest.safeParse(envelope.data.request) : envelope;
  if (!envelope.success || !parsed.success) {
    return { ok: false, error: `Malformed PaperShelf message: ${parsed.error!.issues.map(describeIssue).join('; ')}` };
  }
  const request = parsed.data;
  const { requestId } = envelope.data;
  const handler = HANDLERS[request.type] as Handler<BackgroundRequestType>;
  if (!handler.from.includes(kind)) return { ok: false, error: `PaperShelf does not accept ${request.type} from a ${kind}` };
  // What a write tells others waits for its commit: inside the transaction only the database may be awaited.
  const announced: SavedState[] = [];
  let lookupsQueued = false;
  const context: HandlerContext = {
    db: deps.db,
    now: deps.now?.() ?? Date.now(),
    announceSavedState: (states) => void announced.push(states),
    lookupsQueued: () => void (lookupsQueued = true),
    zotero: deps.zotero,
  };
  const started = performance.now();
  try {
    const run = async () => ({ answer: await handler.run(request as never, context), announced });
    // A request answered from its receipt announces again what its first run did: the worker that ran it
    // may have stopped before telling the tabs.
    const { answer: result, announced: toAnnounce } = handler.writes
      ? // A receipt answers only the same request from the same kind of sender.
        await writeOnce(deps.db, requestId && `${kind}:${request.type}:${requestId}`, context.now, run)
      : await run();
    markRequest('handled');
    // Told, not awaited: the reply turns the sender's control Saved and need not wait for storage to confirm
    // the broadcast (issue #12: 1–35 ms on a loaded machine). The call has reached the browser already, so a
    // worker stopped right after the reply still tells the tabs.
    for (const states of toAnnounce) void deps.announceSavedState(states);
    markRequest('announced');
    if (lookupsQueued) deps.lookupsQueued?.();
    if (handler.changesPapers) deps.libraryChanged?.();
    // Read by the benchmark (issue #12): the worker's share of a request, apart from the message and the page.
    performance.measure(`papershelf:handle:${request.type}`, { start: started, end: performance.now() });
    return { ok: true, result };
  } catch (error) {
    // A full disk surfaces here as a QuotaExceededError from IndexedDB: say so, nothing was written.
    return { ok: false, error: `PaperShelf could not ${handler.action}: ${describeError(error)}` };
  }
}

/** Dexie wraps the cause of an aborted transaction and repeats it on a second line; one line is enough. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split('\n')[0]!.trim();
  return error.name === 'Error' || message.startsWith(error.name) ? message : `${error.name}: ${message}`;
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
