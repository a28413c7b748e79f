// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pause } from '@/lib/lookup/processor';
import type { LookupService } from '@/lib/model/lookup';
import { createLookupScheduler, OFFLINE_RECHECK, type SchedulerDeps } from '@/lib/lookup/scheduler';

const NOW = Date.UTC(2026, 10, 26, 12);
const EMPTY: Pause = { kind: 'idle', why: 'empty' };

/**
 * A scheduler over a scripted processor: each lane's pass returns the next pause of its script (then
 * "empty") and records when it ran; a held lane's pass waits until released (a slow answer).
 */
function setUp(scripts: Partial<Record<LookupService, (Pause | Error)[]>>) {
  const passes: Record<LookupService, number[]> = { arxiv: [], huggingface: [] };
  const alarms: (number | undefined)[] = [];
  const warnings: string[] = [];
  const held = new Set<LookupService>();
  const releases: (() => void)[] = [];
  const process = async (_: unknown, service: LookupService): Promise<Pause> => {
    passes[service].push(Date.now());
    if (held.has(service)) await new Promise<void>((resolve) => releases.push(resolve));
    const next = scripts[service]?.shift() ?? EMPTY;
    if (next instanceof Error) throw next;
    return next;
  };
  const deps = {
    now: () => Date.now(),
    wakeAt: (when) => void alarms.push(when),
    warn: (message) => void warnings.push(message),
  } as SchedulerDeps;
  const scheduler = createLookupScheduler(deps, process);
  return {
    scheduler,
    passes,
    alarms,
    warnings,
    hold: (service: LookupService) => void held.add(service),
    release: (service: LookupService) => {
      held.delete(service);
      releases.splice(0).forEach((resolve) => resolve());
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('createLookupScheduler', () => {
  it('runs a lane again when its short pause ends, with an alarm for the earliest pause in case the worker stops', async () => {
    const { scheduler, passes, alarms } = setUp({
      arxiv: [{ kind: 'wait', until: NOW + 3000 }],
      huggingface: [{ kind: 'wait', until: NOW + 1000 }],
    });
    await scheduler.kick();
    expect(alarms.at(-1)).toBe(NOW + 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toEqual({ arxiv: [NOW], huggingface: [NOW, NOW + 1000] });
    expect(alarms.at(-1)).toBe(NOW + 3000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(passes.arxiv).toEqual([NOW, NOW + 3000]);
    // Both queues empty: no alarm left.
    expect(alarms.at(-1)).toBeUndefined();
  });

  it('leaves a long pause (a backoff) to the alarm alone', async () => {
    const { scheduler, passes, alarms } = setUp({ arxiv: [{ kind: 'wait', until: NOW + 3_600_000 }] });
    await scheduler.kick();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(passes.arxiv).toEqual([NOW]);
    expect(alarms.at(-1)).toBe(NOW + 3_600_000);
  });

  it('runs one more pass, not a second one beside it, when kicked during a pass', async () => {
    const { scheduler, passes, hold, release } = setUp({});
    hold('arxiv');
    const first = scheduler.kick();
    await vi.advanceTimersByTimeAsync(0);
    void scheduler.kick();
    void scheduler.kick();
    expect(passes.arxiv).toHaveLength(1);
    release('arxiv');
    await first;
    expect(passes.arxiv).toHaveLength(2);
  });

  it('lets one lane go on while the other waits for a slow answer', async () => {
    const { scheduler, passes, hold, release } = setUp({
      huggingface: [
        { kind: 'wait', until: NOW + 1000 },
        { kind: 'wait', until: NOW + 2000 },
      ],
    });
    hold('arxiv');
    const kicked = scheduler.kick();
    await vi.advanceTimersByTimeAsync(2000);
    expect(passes.huggingface).toEqual([NOW, NOW + 1000, NOW + 2000]);
    release('arxiv');
    await kicked;
  });

  it('looks again every minute while offline, and after a failure', async () => {
    const { scheduler, alarms, warnings } = setUp({ arxiv: [{ kind: 'idle', why: 'offline' }, new Error('database closed')] });
    await scheduler.kick();
    expect(alarms.at(-1)).toBe(NOW + OFFLINE_RECHECK);
    await vi.advanceTimersByTimeAsync(5000);
    await scheduler.kick();
    expect(alarms.at(-1)).toBe(NOW + 5000 + 60_000);
    expect(warnings).toEqual(['PaperShelf: arxiv lookups stopped: database closed']);
  });
});
