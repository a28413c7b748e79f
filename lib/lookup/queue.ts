/**
 * When to ask which service about which paper. The queue lives in the database (one row per paper
 * and service), so a stopped service worker loses nothing; these functions decide, the caller
 * reads and writes the rows and makes the requests.
 */
import { LookupService, type LookupTask } from '@/lib/model/lookup';
import { ownCode } from '@/lib/model/code-links';
import type { Paper } from '@/lib/model/paper';
import { ARXIV_BATCH_SIZE } from './arxiv-api';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;

/** Least time between two calls to a service: arXiv asks for 3 s; Hugging Face gets the same courtesy at 1 s. */
export const SPACING: Record<LookupService, number> = { arxiv: 3 * SECOND, huggingface: 1 * SECOND };
const BATCH_SIZE: Record<LookupService, number> = { arxiv: ARXIV_BATCH_SIZE, huggingface: 1 };
/** Papers without code are looked for on Hugging Face again (ever less often), for this long after they were saved. */
export const RECHECK_WINDOW = 60 * DAY;
export const BACKOFF_BASE = 30 * SECOND;
export const BACKOFF_MAX = 6 * HOUR;
/** Attempts before a task is dropped: about two days of outage, or three answers we could not use. */
export const MAX_ATTEMPTS = { retryable: 16, permanent: 3 };

// Hugging Face paper pages exist for new-style ids only (its URLs are /papers/YYMM.NNNNN).
const NEW_STYLE = /^\d{4}\.\d{4,5}$/;

/** Statuses worth asking again later: rate limiting, timeouts, server trouble, and no answer at all (0). */
export const isRetryableStatus = (status: number) => status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;

/** The services the paper still needs, as of `now`: arXiv once, Hugging Face while it may yet learn of code. */
export function needsLookup(paper: Paper, now: number): LookupService[] {
  const services: LookupService[] = [];
  // Every paper once, however complete its page looked: a listing may show some of the authors only, and
  // only arXiv knows the journal version, the categories and the latest version (issue #8).
  if (paper.lookup?.arxivCheckedAt === undefined) services.push('arxiv');
  const next = nextHuggingFaceCheck(paper);
  if (next !== undefined && next <= now) services.push('huggingface');
  return services;
}

/** New tasks for what `needsLookup` reports; the caller adds them unless a row for the pair exists. */
export function tasksFor(paper: Paper, now: number): LookupTask[] {
  return needsLookup(paper, now).map((service) => ({
    id: paper.id,
    service,
    attempts: 0,
    notBefore: now,
    reason: service === 'huggingface' && paper.lookup?.huggingfaceCheckedAt !== undefined ? 'recheck' : 'new',
  }));
}

/**
 * The user's "Refresh details": every service that can know the paper, at once and ahead of other
 * work, even when the paper is complete (counts change, a repository may have appeared).
 */
export function refreshTasks(paper: Pick<Paper, 'id'>, now: number): LookupTask[] {
  const services: LookupService[] = NEW_STYLE.test(paper.id) ? ['arxiv', 'huggingface'] : ['arxiv'];
  return services.map((service) => ({ id: paper.id, service, attempts: 0, notBefore: now, reason: 'refresh' }));
}

/**
 * When Hugging Face should next be asked about the paper; undefined for never. Asked once in any case,
 * then, while the paper has no code and was saved within `RECHECK_WINDOW`, again after as long as the
 * paper has waited since it was saved (a day at least): 1, 2, 4, 8, 16 and 32 days after saving, six
 * rechecks in the window where a daily recheck made sixty. Code mostly appears in the first weeks.
 */
export function nextHuggingFaceCheck(paper: Paper): number | undefined {
  // A repository the abstract names as another's work is no code of the paper's: keep looking for its own.
  if (ownCode(paper.links).length > 0 || !NEW_STYLE.test(paper.id)) return undefined;
  const checked = paper.lookup?.huggingfaceCheckedAt;
  if (checked === undefined) return paper.savedAt;
  const next = checked + Math.max(DAY, checked - paper.savedAt);
  return next <= paper.savedAt + RECHECK_WINDOW ? next : undefined;
}

export type Batch =
  | { kind: 'run'; service: LookupService; ids: string[] }
  | { kind: 'wait'; until: number }
  /** Nothing queued, or offline: wait for a new task or the `online` event. */
  | { kind: 'idle'; why: 'empty' | 'offline' };

export interface BatchContext {
  now: number;
  online: boolean;
  /** When each service was last called (epoch ms), from storage: a restarted worker must still space its calls. */
  lastCall: Partial<Record<LookupService, number>>;
  /** Calls made to each service since the start of the UTC day, from storage (see `DAILY_BUDGET`). */
  spentToday?: Partial<Record<LookupService, number>>;
}

/**
 * Calls a day, at most, that PaperShelf makes to each service on its own account (the user's Refresh is
 * never held back). A 10,000-paper import needs 10,000 Hugging Face calls: spread over ten days rather
 * than three hours of one. arXiv answers 50 papers a call, so its spacing alone keeps it polite.
 */
export const DAILY_BUDGET: Record<LookupService, number> = { arxiv: Infinity, huggingface: 1000 };

/** The UTC day (`YYYY-MM-DD`) a budget counts in, and when the next one starts. */
export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const nextUtcDay = (at: number) => Math.floor(at / DAY) * DAY + DAY;

const PRIORITY: Record<LookupTask['reason'], number> = { refresh: 0, new: 1, recheck: 2 };
const byPriority = (a: LookupTask, b: LookupTask) =>
  PRIORITY[a.reason] - PRIORITY[b.reason] || a.notBefore - b.notBefore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The next call to make: the due tasks of one service (arXiv first, up to 50 ids; Hugging Face one),
 * the user's requests and new papers before rechecks; or how long to wait for one.
 */
export function nextBatch(tasks: readonly LookupTask[], { now, online, lastCall, spentToday = {} }: BatchContext): Batch {
  if (tasks.length === 0) return { kind: 'idle', why: 'empty' };
  if (!online) return { kind: 'idle', why: 'offline' };
  let until = Infinity;
  for (const service of LookupService.options) {
    const queued = tasks.filter((task) => task.service === service);
    if (queued.length === 0) continue;
    const allowedAt = (lastCall[service] ?? -Infinity) + SPACING[service];
    const overBudget = (spentToday[service] ?? 0) >= DAILY_BUDGET[service];
    // Over the day's budget, only what the user asked for goes ahead; the rest waits for the next day.
    const due = queued.filter((task) => task.notBefore <= now && (!overBudget || task.reason === 'refresh'));
    if (overBudget && due.length === 0) {
      // A Refresh waiting out its spacing or backoff still goes before the next day.
      const refreshAt = queued.filter((task) => task.reason === 'refresh').reduce((min, task) => Math.min(min, task.notBefore), Infinity);
      until = Math.min(until, Math.max(allowedAt, Math.min(refreshAt, nextUtcDay(now))));
      continue;
    }
    if (due.length > 0 && allowedAt <= now) {
      const ids = [...new Set(due.sort(byPriority).map((task) => task.id))].slice(0, BATCH_SIZE[service]);
      return { kind: 'run', service, ids };
    }
    const earliest = queued.reduce((min, task) => Math.min(min, task.notBefore), Infinity);
    until = Math.min(until, Math.max(allowedAt, earliest));
  }
  return { kind: 'wait', until };
}

export interface Failure {
  /** Whether asking again may help (network, 429, 5xx); an answer we could not use is not. */
  retryable: boolean;
  /** In [0, 1): spreads retries of many tasks apart. 0 gives the plain schedule. */
  random?: number;
  /** A server's Retry-After, in ms. */
  retryAfter?: number;
}

/** The task rescheduled with exponential backoff (30 s · 2^attempts, at most 6 h), or undefined to drop it. */
export function afterFailure(task: LookupTask, now: number, { retryable, random = 0, retryAfter = 0 }: Failure): LookupTask | undefined {
  const attempts = task.attempts + 1;
  if (attempts >= (retryable ? MAX_ATTEMPTS.retryable : MAX_ATTEMPTS.permanent)) return undefined;
  const backoff = Math.min(BACKOFF_MAX, BACKOFF_BASE * 2 ** Math.min(task.attempts, 20) * (1 + 0.25 * random));
  // Whole milliseconds: the stored row must parse as a `LookupTask` again.
  return { ...task, attempts, notBefore: Math.round(now + Math.max(backoff, retryAfter)) };
}

/**
 * What follows an answer: the next Hugging Face recheck (`nextHuggingFaceCheck`) while the paper still has no code
 * and is recent, otherwise nothing (the row goes). `paper` is the record after `mergeLookup`.
 */
export function afterSuccess(task: LookupTask, paper: Paper, now: number): LookupTask | undefined {
  if (task.service !== 'huggingface') return undefined;
  const next = nextHuggingFaceCheck(paper);
  // At least a day later even if the caller passed the paper before the merge stamped the check.
  return next === undefined
    ? undefined
    : { id: task.id, service: task.service, attempts: 0, notBefore: Math.max(next, now + DAY), reason: 'recheck' };
}
