// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/model/paper';
import {
  afterFailure,
  afterSuccess,
  BACKOFF_MAX,
  DAY,
  MAX_ATTEMPTS,
  needsLookup,
  nextHuggingFaceCheck,
  DAILY_BUDGET,
  nextBatch,
  refreshTasks,
  tasksFor,
  type BatchContext,
} from '@/lib/lookup/queue';
import { LookupTask } from '@/lib/model/lookup';
import { metadata, paper as storedPaper } from '../support/factory';

const NOW = Date.UTC(2026, 10, 26, 12);
const SECOND = 1000;

const paper = (overrides: Partial<Paper> = {}): Paper =>
  storedPaper({ ...metadata({ links: { code: [] } }), savedAt: NOW - DAY, updatedAt: NOW - DAY, ...overrides });
const task = (id: string, overrides: Partial<LookupTask> = {}): LookupTask => ({
  id,
  service: 'arxiv',
  attempts: 0,
  notBefore: NOW,
  reason: 'new',
  ...overrides,
});
const context = (overrides: Partial<BatchContext> = {}): BatchContext => ({ now: NOW, online: true, lastCall: {}, ...overrides });

describe('needsLookup', () => {
  it('asks arXiv once about every paper, however complete its page looked (issue #8)', () => {
    const complete = paper({ links: { code: ['https://github.com/a/b'] } });
    expect(needsLookup(complete, NOW)).toEqual(['arxiv']);
    expect(needsLookup(paper({ authors: [], abstract: '  ', links: { code: ['https://github.com/a/b'] } }), NOW)).toEqual(['arxiv']);
  });

  it('needs nothing for a paper with code that arXiv answered for', () => {
    expect(needsLookup(paper({ links: { code: ['https://github.com/a/b'] }, lookup: { arxivCheckedAt: NOW - 1 } }), NOW)).toEqual([]);
  });

  it('asks Hugging Face about a paper without code: once, then a day later at the earliest, within 60 days of saving', () => {
    const asked = { arxivCheckedAt: NOW - DAY };
    expect(needsLookup(paper({ lookup: asked }), NOW)).toEqual(['huggingface']);
    expect(needsLookup(paper({ lookup: { ...asked, huggingfaceCheckedAt: NOW - DAY + 1 } }), NOW)).toEqual([]);
    expect(needsLookup(paper({ lookup: { ...asked, huggingfaceCheckedAt: NOW - DAY } }), NOW)).toEqual(['huggingface']);
    const old = { savedAt: NOW - 90 * DAY };
    expect(needsLookup(paper({ ...old, lookup: asked }), NOW)).toEqual(['huggingface']);
    expect(needsLookup(paper({ ...old, lookup: { ...asked, huggingfaceCheckedAt: NOW - 5 * DAY } }), NOW)).toEqual([]);
  });

  it('rechecks a paper without code less often as it ages: six rechecks in its 60 days, not sixty', () => {
    const savedAt = NOW;
    const checks: number[] = [];
    let checked: number | undefined;
    for (;;) {
      const next = nextHuggingFaceCheck(
        paper({ savedAt, lookup: { arxivCheckedAt: savedAt, ...(checked !== undefined && { huggingfaceCheckedAt: checked }) } }),
      );
      if (next === undefined) break;
      checks.push((next - savedAt) / DAY);
      checked = next;
    }
    expect(checks).toEqual([0, 1, 2, 4, 8, 16, 32]);
  });

  it('never asks Hugging Face about an old-style id, which it cannot have', () => {
    expect(needsLookup(paper({ id: 'hep-th/9901001' }), NOW)).toEqual(['arxiv']);
  });

  it('makes tasks that say why they run', () => {
    expect(tasksFor(paper({ authors: [] }), NOW)).toEqual([task('2401.12345'), task('2401.12345', { service: 'huggingface' })]);
    expect(tasksFor(paper({ lookup: { arxivCheckedAt: NOW - 2 * DAY, huggingfaceCheckedAt: NOW - 2 * DAY } }), NOW)).toEqual([
      task('2401.12345', { service: 'huggingface', reason: 'recheck' }),
    ]);
    for (const made of tasksFor(paper({ authors: [] }), NOW)) expect(LookupTask.parse(made)).toEqual(made);
  });
});

describe('refreshTasks', () => {
  it('asks every service that can know the paper again, now and first, even about a complete paper', () => {
    const complete = paper({
      links: { code: ['https://github.com/a/b'] },
      lookup: { arxivCheckedAt: NOW - DAY, huggingfaceCheckedAt: NOW - DAY },
    });
    expect(needsLookup(complete, NOW)).toEqual([]);
    expect(refreshTasks(complete, NOW)).toEqual([
      task('2401.12345', { reason: 'refresh' }),
      task('2401.12345', { service: 'huggingface', reason: 'refresh' }),
    ]);
    expect(refreshTasks(paper({ id: 'hep-th/9901001' }), NOW)).toEqual([task('hep-th/9901001', { reason: 'refresh' })]);
  });
});

describe('nextBatch', () => {
  const ids = (count: number, from = 10000) => Array.from({ length: count }, (_, index) => `2401.${from + index}`);

  it('sends up to 50 due arXiv ids in one call', () => {
    const batch = nextBatch(
      ids(120).map((id) => task(id)),
      context(),
    );
    expect(batch).toEqual({ kind: 'run', service: 'arxiv', ids: ids(50) });
  });

  it("sends the user's requests and new papers before rechecks, then the longest waiting", () => {
    const tasks = [
      task('2401.00003', { reason: 'recheck', notBefore: NOW - 3 * DAY }),
      task('2401.00002', { notBefore: NOW - SECOND }),
      task('2401.00001', { notBefore: NOW - 2 * SECOND }),
      task('2401.00004', { reason: 'refresh' }),
    ];
    expect(nextBatch(tasks, context())).toEqual({
      kind: 'run',
      service: 'arxiv',
      ids: ['2401.00004', '2401.00001', '2401.00002', '2401.00003'],
    });
  });

  it('leaves tasks that are not due yet', () => {
    expect(nextBatch([task('2401.00001'), task('2401.00002', { notBefore: NOW + 1 })], context())).toEqual({
      kind: 'run',
      service: 'arxiv',
      ids: ['2401.00001'],
    });
  });

  it('waits 3 s after the last arXiv call', () => {
    const tasks = [task('2401.00001')];
    expect(nextBatch(tasks, context({ lastCall: { arxiv: NOW - 2 * SECOND } }))).toEqual({ kind: 'wait', until: NOW + SECOND });
    expect(nextBatch(tasks, context({ lastCall: { arxiv: NOW - 3 * SECOND } }))).toMatchObject({ kind: 'run', service: 'arxiv' });
  });

  it('asks Hugging Face one paper per call, 1 s apart, while arXiv waits its turn', () => {
    const tasks = [task('2401.00001'), task('2401.00002', { service: 'huggingface' }), task('2401.00003', { service: 'huggingface' })];
    const arxivJustCalled = { arxiv: NOW - SECOND };
    expect(nextBatch(tasks, context({ lastCall: arxivJustCalled }))).toEqual({ kind: 'run', service: 'huggingface', ids: ['2401.00002'] });
    expect(nextBatch(tasks, context({ lastCall: { ...arxivJustCalled, huggingface: NOW - 500 } }))).toEqual({
      kind: 'wait',
      until: NOW + 500,
    });
  });

  it('waits for the earliest task that is not due', () => {
    const tasks = [
      task('2401.00001', { notBefore: NOW + 60 * SECOND }),
      task('2401.00002', { service: 'huggingface', notBefore: NOW + 30 * SECOND }),
    ];
    expect(nextBatch(tasks, context())).toEqual({ kind: 'wait', until: NOW + 30 * SECOND });
  });

  it('holds Hugging Face to its daily budget, except for what the user asked, until the next UTC day', () => {
    const spent = { huggingface: DAILY_BUDGET.huggingface };
    const rechecks = [
      task('2401.00001', { service: 'huggingface', reason: 'recheck' }),
      task('2401.00002', { service: 'huggingface', reason: 'new' }),
    ];
    const tomorrow = Math.floor(NOW / DAY) * DAY + DAY;
    expect(nextBatch(rechecks, context({ spentToday: spent }))).toEqual({ kind: 'wait', until: tomorrow });
    expect(nextBatch(rechecks, context({ spentToday: { huggingface: DAILY_BUDGET.huggingface - 1 } }))).toMatchObject({ kind: 'run' });
    const refresh = task('2401.00003', { service: 'huggingface', reason: 'refresh' });
    expect(nextBatch([...rechecks, refresh], context({ spentToday: spent }))).toEqual({
      kind: 'run',
      service: 'huggingface',
      ids: ['2401.00003'],
    });
    // A Refresh due sooner than the next day is not kept waiting for it.
    const soon = task('2401.00005', { service: 'huggingface', reason: 'refresh', notBefore: NOW + 30 * SECOND });
    expect(nextBatch([...rechecks, soon], context({ spentToday: spent }))).toEqual({ kind: 'wait', until: NOW + 30 * SECOND });
    // arXiv has no budget of its own.
    expect(nextBatch([task('2401.00004')], context({ spentToday: { arxiv: 10_000, ...spent } }))).toMatchObject({
      kind: 'run',
      service: 'arxiv',
    });
  });

  it('does nothing while offline or when the queue is empty', () => {
    expect(nextBatch([task('2401.00001')], context({ online: false }))).toEqual({ kind: 'idle', why: 'offline' });
    expect(nextBatch([], context())).toEqual({ kind: 'idle', why: 'empty' });
  });
});

describe('afterFailure', () => {
  it('backs off 30 s, doubling per attempt, up to 6 h', () => {
    let current: LookupTask | undefined = task('2401.00001');
    const delays: number[] = [];
    for (let attempt = 0; attempt < 12 && current; attempt++) {
      current = afterFailure(current, NOW, { retryable: true });
      if (current) delays.push(current.notBefore - NOW);
    }
    expect(delays.map((delay) => delay / SECOND)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600]);
    expect(current?.attempts).toBe(12);
  });

  it('spreads retries by up to a quarter with the jitter passed in, never past 6 h', () => {
    expect(afterFailure(task('2401.00001', { attempts: 2 }), NOW, { retryable: true, random: 0.5 })?.notBefore).toBe(
      NOW + 120 * SECOND * 1.125,
    );
    expect(afterFailure(task('2401.00001', { attempts: 10 }), NOW, { retryable: true, random: 0.99 })?.notBefore).toBe(NOW + BACKOFF_MAX);
    // A row that reads back: whole milliseconds whatever the jitter.
    const spread = afterFailure(task('2401.00001'), NOW, { retryable: true, random: 0.123456789 })!;
    expect(LookupTask.parse(spread)).toEqual(spread);
  });

  it("honours a server's Retry-After when it is longer", () => {
    expect(afterFailure(task('2401.00001'), NOW, { retryable: true, retryAfter: 120 * SECOND })?.notBefore).toBe(NOW + 120 * SECOND);
  });

  it('gives up after a few unusable answers, and after about two days of failures', () => {
    expect(afterFailure(task('2401.00001', { attempts: MAX_ATTEMPTS.permanent - 2 }), NOW, { retryable: false })).toBeDefined();
    expect(afterFailure(task('2401.00001', { attempts: MAX_ATTEMPTS.permanent - 1 }), NOW, { retryable: false })).toBeUndefined();
    expect(afterFailure(task('2401.00001', { attempts: MAX_ATTEMPTS.retryable - 1 }), NOW, { retryable: true })).toBeUndefined();
  });
});

describe('afterSuccess', () => {
  it('drops an arXiv task', () => {
    expect(afterSuccess(task('2401.12345'), paper({ lookup: { arxivCheckedAt: NOW } }), NOW)).toBeUndefined();
  });

  it('schedules the next Hugging Face look a day later while the paper has no code', () => {
    const checked = paper({ lookup: { huggingfaceCheckedAt: NOW } });
    expect(afterSuccess(task('2401.12345', { service: 'huggingface', attempts: 2 }), checked, NOW)).toEqual(
      task('2401.12345', { service: 'huggingface', notBefore: NOW + DAY, reason: 'recheck' }),
    );
  });

  it('stops looking once code is found or the paper is 60 days old', () => {
    const hfTask = task('2401.12345', { service: 'huggingface' });
    expect(
      afterSuccess(hfTask, paper({ links: { code: ['https://github.com/a/b'] }, lookup: { huggingfaceCheckedAt: NOW } }), NOW),
    ).toBeUndefined();
    expect(afterSuccess(hfTask, paper({ savedAt: NOW - 60 * DAY, lookup: { huggingfaceCheckedAt: NOW } }), NOW)).toBeUndefined();
  });

  it('never reschedules sooner than a day, even given the paper before the merge', () => {
    expect(afterSuccess(task('2401.12345', { service: 'huggingface' }), paper(), NOW)?.notBefore).toBe(NOW + DAY);
  });
});
