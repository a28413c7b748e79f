/**
 * One request to the Zotero desktop app's local server (issue #13), and what can go wrong with it, each in
 * words a user understands. Everything that answers on the port is treated as untrusted: the answer must come
 * from Zotero (its `X-Zotero-Version` header, as Zotero's own connector checks), within a time limit, without
 * a redirect, and no longer than a limit; anything else is an error that changes nothing.
 */
import { readText } from '@/lib/model/http-body';
import { ZOTERO_ORIGIN } from '@/lib/model/zotero-endpoints';

export interface ZoteroDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether the user left PaperShelf its access to 127.0.0.1:23119 (they may withhold it in the browser). */
  hasPermission: () => Promise<boolean>;
  timeoutMs?: number;
}

export type ZoteroProblem =
  /** Nothing answers on the port (Zotero is not running, or its connector server is off). */
  | 'not-running'
  /** A Zotero without the endpoint (404): older than PaperShelf needs. */
  | 'old'
  /** The user withheld PaperShelf's access to 127.0.0.1:23119. */
  | 'permission'
  /** Zotero failed to save (500): it answers so to any failure inside a save (a dialog open, a read-only library). */
  | 'save-failed'
  /** No answer (or no whole answer) in time: a save may have happened all the same. */
  | 'timeout'
  /** Zotero's local API is switched off in Zotero's settings (403). */
  | 'local-api-off'
  /** Something that is not a Zotero answer: HTML, a redirect, a huge answer, another program on the port. */
  | 'unexpected';

export class ZoteroError extends Error {
  constructor(
    readonly problem: ZoteroProblem,
    message: string,
  ) {
    // Named `Error`: the message is the user's, and an error reply shows it without a class name.
    super(message);
  }
}

/** Zotero answers on this machine in milliseconds; its own connector gives up after 15 s. */
export const ZOTERO_TIMEOUT = 15_000;
/** Zotero's answers PaperShelf reads are small (a ping's prefs, a page of search results): past this, not Zotero. */
export const MAX_ZOTERO_ANSWER = 2_000_000;

export interface ZoteroAnswer {
  status: number;
  contentType: string;
  text: string;
}

const NOT_RUNNING = 'Zotero is not running: nothing answers on 127.0.0.1:23119. Start Zotero and try again.';
const PERMISSION =
  'PaperShelf may not reach Zotero: its access to 127.0.0.1:23119 is withheld in the browser’s extension settings. Allow it and try again.';

/**
 * Sends one request and returns Zotero's answer (any status), or throws a `ZoteroError`. `headers` are the
 * ones Zotero asks of a request from a browser: without them it drops the connection, which looks like
 * Zotero not running.
 */
export async function zoteroRequest(
  deps: ZoteroDeps,
  path: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<ZoteroAnswer> {
  if (!(await deps.hasPermission())) throw new ZoteroError('permission', PERMISSION);
  const timeoutMs = deps.timeoutMs ?? ZOTERO_TIMEOUT;
  let response: Response;
  try {
    response = await deps.fetch(`${ZOTERO_ORIGIN}${path}`, {
      ...init,
      // A redirect is never Zotero's: not followed, reported (below).
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error)) {
      throw new ZoteroError(
        'timeout',
        `Zotero did not answer within ${timeoutMs / 1000} s. Check that Zotero is not stuck, and try again.`,
      );
    }
    throw new ZoteroError('not-running', NOT_RUNNING);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ZoteroError(
      'unexpected',
      'What answers on 127.0.0.1:23119 redirected PaperShelf elsewhere: that is not Zotero, and PaperShelf did not follow.',
    );
  }
  // Every answer of Zotero's server carries its version; another program on the port does not.
  if (!response.headers.get('x-zotero-version')) {
    await response.body?.cancel().catch(() => undefined);
    throw new ZoteroError(
      'unexpected',
      `What answers on 127.0.0.1:23119 is not Zotero (its answer, ${response.status}, does not say it is).`,
    );
  }
  let text: string;
  try {
    text = await readText(response, MAX_ZOTERO_ANSWER);
  } catch (error) {
    if (isTimeout(error)) {
      throw new ZoteroError('timeout', `Zotero did not finish its answer within ${timeoutMs / 1000} s.`);
    }
    throw new ZoteroError('unexpected', 'Zotero’s answer broke off before its end.');
  }
  if (text.length > MAX_ZOTERO_ANSWER) {
    throw new ZoteroError('unexpected', `Zotero’s answer was longer than ${MAX_ZOTERO_ANSWER / 1_000_000} MB: PaperShelf did not read it.`);
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

// By name: a DOMException of another realm (a test's) is not `instanceof` this one's.
const isTimeout = (error: unknown) => (error as { name?: unknown } | null)?.name === 'TimeoutError';

/** The answer as JSON when Zotero says it is JSON; undefined for anything else (HTML, text, malformed). */
export function answerJson(answer: ZoteroAnswer): unknown {
  if (!/^application\/json\b/i.test(answer.contentType)) return undefined;
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}
