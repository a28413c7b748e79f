import type { PaperShelfDb } from './db';
import {
  BackgroundRequest,
  type BackgroundReply,
  type BackgroundResults,
  isTrustedSender,
  type MessageSender,
} from './messages';
import { removePaper, savePaper, savedState, updatePaper, type SavedState } from './papers';

export interface BackgroundDeps {
  db: PaperShelfDb;
  extension: { id: string; origin: string };
  /** Tells every open tab which saved states changed. */
  announceSavedState: (states: SavedState) => Promise<void>;
  now?: () => number;
}

async function run(request: BackgroundRequest, deps: BackgroundDeps): Promise<BackgroundResults[BackgroundRequest['type']]> {
  const now = deps.now?.() ?? Date.now();
  switch (request.type) {
    case 'paper/save': {
      const paper = await savePaper(deps.db, request.paper, request.source, now);
      await deps.announceSavedState({ [paper.id]: true });
      return paper;
    }
    case 'paper/remove': {
      const removed = await removePaper(deps.db, request.id);
      if (removed) await deps.announceSavedState({ [request.id]: false });
      return { removed: removed !== undefined };
    }
    case 'paper/saved-state':
      return savedState(deps.db, request.ids);
    case 'paper/update':
      return updatePaper(deps.db, request.id, request.patch, now);
  }
}

/** Checks the sender, parses the message, runs it. Never throws: every failure is an error reply. */
export async function handleBackgroundMessage(
  message: unknown,
  sender: MessageSender,
  deps: BackgroundDeps,
): Promise<BackgroundReply> {
  if (!isTrustedSender(sender, deps.extension)) {
    return { ok: false, error: 'PaperShelf accepts messages only from its own pages and content scripts' };
  }
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Malformed PaperShelf message: ${parsed.error.issues.map(describeIssue).join('; ')}` };
  }
  try {
    return { ok: true, result: await run(parsed.data, deps) };
  } catch (error) {
    // A full disk surfaces here as a QuotaExceededError from IndexedDB: say so, nothing was written.
    return { ok: false, error: `PaperShelf could not ${parsed.data.type.replace('paper/', '')} the paper: ${describeError(error)}` };
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
