// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupDeps, Pause } from '../../../lib/lookup/processor';
import { createLookupScheduler, OFFLINE_RECHECK } from '../../../lib/lookup/scheduler';

const NOW = Date.UTC(2026, 10, 26, 12);

/** A scheduler over a scripted processor: each pass returns the next pause and records when it ran. */
function setUp(pauses: (Pause | Error)[]) {
  const passes: number[] = [];
  const alarms: (number | undefined)[] = [];
  const warnings: string[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const process = async (): Promise<Pause> => {
    passes.push(Date.now());
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    const next = pauses.shift() ?? { kind: 'idle', why: 'empty' };
    if (next instanceof Error) throw next;
    return next;
  };
  const scheduler = createLookupScheduler(
    { now: () => Date.now(), wakeAt: (when) => void alarms.push(when), warn: (message) => void warnings.push(message) } as LookupDeps & { wakeAt: (when: number | undefined) => void },
    process,
  );
  return {
    scheduler,
    passes,
    alarms,
    warnings,
    holdPasses: () => void (hold = true),
    releasePass: () => {
      hold = false;
      release?.();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('createLookupScheduler', () => {
  it('runs again when a short pause ends, and sets an alarm for every pause in case the worker stops', async () => {
    const { scheduler, passes, alarms } = setUp([{ kind: 'wait', until: NOW + 3000 }]);
    await scheduler.kick();
    expect(alarms).toEqual([NOW + 3000]);
    await vi.advanceTimersByTimeAsync(2999);
    expect(passes).toEqual([NOW]);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([NOW, NOW + 3000]);
    // The queue emptied: no alarm left.
    expect(alarms).toEqual([NOW + 3000, undefined]);
  });

  it('leaves a long pause (a backoff) to the alarm alone', async () => {
    const { scheduler, passes, alarms } = setUp([{ kind: 'wait', until: NOW + 3_600_000 }]);
    await scheduler.kick();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(passes).toEqual([NOW]);
    expect(alarms).toEqual([NOW + 3_600_000]);
  });

  it('runs one more pass, not a second one beside it, when kicked during a pass', async () => {
    const { scheduler, passes, holdPasses, releasePass } = setUp([{ kind: 'idle', why: 'empty' }, { kind: 'idle', why: 'empty' }]);
    holdPasses();
    const first = scheduler.kick();
    await vi.advanceTimersByTimeAsync(0);
    void scheduler.kick();
    void scheduler.kick();
    expect(passes).toHaveLength(1);
    releasePass();
    await first;
    expect(passes).toHaveLength(2);
  });

  it('looks again every minute while offline, and after a failure', async () => {
    const { scheduler, alarms, warnings } = setUp([{ kind: 'idle', why: 'offline' }, new Error('database closed')]);
    await scheduler.kick();
    expect(alarms).toEqual([NOW + OFFLINE_RECHECK]);
    await vi.advanceTimersByTimeAsync(5000);
    await scheduler.kick();
    expect(alarms).toEqual([NOW + OFFLINE_RECHECK, NOW + 5000 + 60_000]);
    expect(warnings).toEqual(['PaperShelf: lookups stopped: database closed']);
  });
});
