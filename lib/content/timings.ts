/**
 * Milestones of the content script's work on a page (script start, first scan, entries read, every control
 * in place, saved state shown), for the benchmark and the scale tests. They live in the content script's
 * own isolated world: performance marks would go on the page's timeline, where page script reads them and
 * learns when PaperShelf ran. Tests read them through the DevTools protocol (tests/support/content-timings.mjs).
 */
export type TimingName = 'script-start' | 'scan-start' | 'extracted' | 'mounted' | 'saved-state';

const timings: Partial<Record<TimingName | 'longest-slice', number>> = {};
(globalThis as { __papershelfTimings?: typeof timings }).__papershelfTimings = timings;

/** Records `performance.now()` under `name`, the first time only: later scans of the page keep the first. */
export function recordTiming(name: TimingName): void {
  timings[name] ??= performance.now();
}

/** Keeps the longest piece of the content script's own synchronous work (a scan, a batch of mounts), in ms. */
export function recordSlice(startedAt: number): void {
  timings['longest-slice'] = Math.max(timings['longest-slice'] ?? 0, performance.now() - startedAt);
}
