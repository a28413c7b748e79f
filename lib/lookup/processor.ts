/**
 * Works through the lookup queue (issue #6): takes the next batch `nextBatch` allows, asks the service,
 * merges what it said into the paper through lib/db/lookup-answers.ts, and reschedules or removes the rows. Every
 * dependency on the world (network, clock, settings, storage) is passed in, so the tests drive it with a
 * fake fetch and a fake clock; lib/lookup/scheduler.ts decides when it runs.
 */
import type { PaperShelfDb } from '@/lib/db/database';
import { settleAnswer, settleFailure } from '@/lib/db/lookup-answers';
import { arxivQueryUrl, MAX_FEED_LENGTH, parseArxivFeed } from './arxiv-api';
import { huggingFaceApiUrl } from './endpoints';
import { parseHuggingFacePaper } from './hf-api';
import type { LookupFound, LookupService, LookupTask } from '@/lib/model/lookup';
import { afterFailure, afterSuccess, BACKOFF_MAX, isRetryableStatus, nextBatch, type Failure } from './queue';
import { dueLookups } from '@/lib/db/lookup-queue';
import { readText } from '@/lib/model/http-body';

/** A request taking longer than this is abandoned and retried later: arXiv answers 50 ids in a few seconds. */
export const REQUEST_TIMEOUT = 30_000;
/** A Hugging Face paper is a few kB of JSON; a longer answer is cut here, so it does not parse. */
const MAX_JSON_LENGTH = 1_000_000;

export interface LookupDeps {
  db: PaperShelfDb;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
  /** `navigator.onLine`: false means certainly offline (true may still fail, which backs off). */
  online: () => boolean;
  /** The user's "Look up missing details and code online" setting: off means no request at all; the queue stays. */
  enabled: () => Promise<boolean>;
  /** When each service was last called (epoch ms), kept where a restarted worker finds it (storage.session). */
  lastCall: { read(service: LookupService): Promise<number | undefined>; write(service: LookupService, at: number): Promise<void> };
  /** Calls made to each service in the UTC day of `at`, kept where a restarted browser finds them (queue.ts `DAILY_BUDGET`). */
  callsToday?: { read(service: LookupService, at: number): Promise<number>; add(service: LookupService, at: number): Promise<void> };
  /** In [0, 1): spreads retries (queue.ts `afterFailure`). */
  random?: () => number;
  warn?: (message: string) => void;
  /** Called after answers were merged into papers (the badge may count code that appeared, issue #8). */
  papersChanged?: () => void;
  timeoutMs?: number;
}

/** Why the processor stopped, and when to come back. */
export type Pause = { kind: 'wait'; until: number } | { kind: 'idle'; why: 'empty' | 'offline' | 'disabled' };

type Outcome = { found: LookupFound } | { failure: Failure };

/**
 * Makes every call to `service` that may be made now, one after the other, and says when there will be
 * more to do. The services are independent lanes (lib/lookup/scheduler.ts runs both): a slow arXiv
 * answer does not hold up Hugging Face, nor the other way round.
 */
export async function processLookups(deps: LookupDeps, service: LookupService): Promise<Pause> {
  const warn = deps.warn ?? ((message: string) => console.warn(message));
  for (;;) {
    if (!(await deps.enabled())) return { kind: 'idle', why: 'disabled' };
    const now = deps.now();
    const tasks = await dueLookups(deps.db, service, now, warn);
    const batch = nextBatch(tasks, {
      now,
      online: deps.online(),
      lastCall: { [service]: await deps.lastCall.read(service) },
      spentToday: { [service]: (await deps.callsToday?.read(service, now)) ?? 0 },
    });
    if (batch.kind !== 'run') return batch;
    // Written before the request: a worker stopped while waiting for the answer still spaces the next call.
    await deps.lastCall.write(service, now);
    await deps.callsToday?.add(service, now);
    const outcomes = service === 'arxiv' ? await askArxiv(deps, batch.ids, warn) : await askHuggingFace(deps, batch.ids[0]!, warn);
    const answeredAt = deps.now();
    for (const id of batch.ids) await settle(deps, { id, service }, outcomes.get(id)!, answeredAt, warn);
    if ([...outcomes.values()].some((outcome) => 'found' in outcome)) deps.papersChanged?.();
  }
}

/** One arXiv call for the whole batch; ids it does not return are "unknown to arXiv" unless the feed reported errors. */
async function askArxiv(deps: LookupDeps, ids: string[], warn: (message: string) => void): Promise<Map<string, Outcome>> {
  const all = (outcome: Outcome) => new Map(ids.map((id) => [id, outcome]));
  const answer = await request(deps, arxivQueryUrl(ids), MAX_FEED_LENGTH);
  if (answer.status !== 200) return all({ failure: { retryable: isRetryableStatus(answer.status), retryAfter: answer.retryAfter } });
  const feed = parseArxivFeed(answer.text);
  if (!feed.ok) {
    warn(`PaperShelf: unusable answer from arXiv for ${ids.join(', ')}: ${feed.error}`);
    return all({ failure: { retryable: false } });
  }
  // arXiv sometimes answers a good query with an empty feed (the `arxiv` Python client retries these as
  // UnexpectedEmptyPageError): no entry at all is not taken as "arXiv does not know these papers".
  if (feed.entries.length === 0 && feed.errors.length === 0) return all({ failure: { retryable: false } });
  if (feed.errors.length > 0) warn(`PaperShelf: arXiv answered with errors for ${ids.join(', ')}: ${feed.errors.join('; ')}`);
  if (feed.dropped.length > 0) warn(`PaperShelf: left out of arXiv's answer: ${feed.dropped.join('; ')}`);
  // Only the ids asked about: an entry for another paper changes nothing.
  const entries = new Map(feed.entries.map((entry) => [entry.id, entry]));
  return new Map(
    ids.map((id): [string, Outcome] => {
      const entry = entries.get(id);
      if (entry) return [id, { found: { arxiv: entry } }];
      // Without errors the answer is complete and arXiv does not know the id; with errors, the missing
      // entry may be one that did not validate, so it is asked about again (a few times at most).
      return [id, feed.errors.length === 0 ? { found: { arxiv: 'unknown' } } : { failure: { retryable: false } }];
    }),
  );
}

async function askHuggingFace(deps: LookupDeps, id: string, warn: (message: string) => void): Promise<Map<string, Outcome>> {
  const answer = await request(deps, huggingFaceApiUrl(id), MAX_JSON_LENGTH);
  let body: unknown;
  try {
    body = answer.status >= 200 && answer.status < 300 ? JSON.parse(answer.text) : undefined;
  } catch {
    // Left undefined: the parser reports a body that is not the expected object.
  }
  const result = parseHuggingFacePaper(answer.status, body);
  if (result.kind !== 'error') return new Map([[id, { found: { hf: result } }]]);
  if (!result.retryable) warn(`PaperShelf: unusable answer from Hugging Face for ${id}: ${result.message}`);
  return new Map([[id, { failure: { retryable: result.retryable, retryAfter: answer.retryAfter } }]]);
}

interface Answer {
  /** 0 when no HTTP answer came (offline, DNS, timeout). */
  status: number;
  text: string;
  retryAfter?: number;
}

async function request(deps: LookupDeps, url: string, maxLength: number): Promise<Answer> {
  try {
    const response = await deps.fetch(url, {
      signal: AbortSignal.timeout(deps.timeoutMs ?? REQUEST_TIMEOUT),
      // Never the user's cookies: these are anonymous public APIs.
      credentials: 'omit',
    });
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
    return { status: response.status, text: response.ok ? await readText(response, maxLength) : '', retryAfter };
  } catch {
    return { status: 0, text: '' };
  }
}

/** Retry-After in seconds or as a date; capped, so a server cannot park the queue for longer than the backoff would. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, BACKOFF_MAX) : undefined;
}

/**
 * The outcome for one paper, written through lib/db/lookup-answers.ts: an answer merged and the row
 * rescheduled (a recheck) or removed; a failure backed off or given up.
 */
async function settle(
  deps: LookupDeps,
  key: Pick<LookupTask, 'id' | 'service'>,
  outcome: Outcome,
  now: number,
  warn: (message: string) => void,
): Promise<void> {
  try {
    if ('found' in outcome) {
      await settleAnswer(deps.db, key, outcome.found, now, (task, paper) => afterSuccess(task, paper, now));
      return;
    }
    const random = deps.random?.() ?? Math.random();
    await settleFailure(deps.db, key, (task) => {
      const next = afterFailure(task, now, { ...outcome.failure, random });
      if (!next) warn(`PaperShelf: gave up looking up ${key.id} on ${key.service} after ${task.attempts + 1} attempts`);
      return next;
    });
  } catch (error) {
    // A merge that would not validate, or a failed write: the paper stays as it was and the row
    // keeps its schedule, which the next pass would repeat at once; count it as an unusable answer.
    warn(
      `PaperShelf: could not store the lookup of ${key.id} on ${key.service}: ${error instanceof Error ? error.message : String(error)}`,
    );
    if ('found' in outcome) await settle(deps, key, { failure: { retryable: false } }, now, warn);
  }
}
