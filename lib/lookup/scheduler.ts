/**
 * When the lookup processor runs: one lane per service, each run at once when kicked (a save, a
 * refresh, the `online` event, the alarm, a worker start), one pass at a time, and again when its pause
 * ends. A service worker may be stopped at any moment, so every pause also sets the alarm (`wakeAt`, the
 * earliest time any lane needs) that starts a stopped worker again; short pauses (the 1 to 3 s between
 * calls) are a timer in the living worker, since Chrome does not fire an alarm sooner than 30 s.
 */
import { processLookups, type LookupDeps, type Pause } from './processor';
import { LookupService } from '@/lib/model/lookup';

/** Pauses up to this long are a timer; the worker stays alive ~30 s after its last event. */
const TIMER_LIMIT = 20_000;
/** While offline, a look this often, in case the `online` event came while the worker was stopped. */
export const OFFLINE_RECHECK = 60_000;
/** After an unexpected failure (the database unavailable), the next try. */
const AFTER_ERROR = 60_000;

export interface SchedulerDeps extends LookupDeps {
  /** Wakes the worker at `when` even if it is stopped meanwhile (chrome.alarms); undefined cancels. */
  wakeAt: (when: number | undefined) => void;
}

export interface LookupScheduler {
  /** Runs every lane now, or right after its pass under way. Resolves when they pause. */
  kick: () => Promise<void>;
}

export function createLookupScheduler(deps: SchedulerDeps, process: typeof processLookups = processLookups): LookupScheduler {
  /** When each lane wants the alarm; the alarm is set for the earliest. */
  const wakeTimes = new Map<LookupService, number | undefined>();
  const setAlarm = () => {
    const times = [...wakeTimes.values()].filter((time) => time !== undefined);
    deps.wakeAt(times.length > 0 ? Math.min(...times) : undefined);
  };

  const lane = (service: LookupService) => {
    let running: Promise<void> | null = null;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const pass = () =>
      process(deps, service).catch((error: unknown): Pause => {
        (deps.warn ?? console.warn)(`PaperShelf: ${service} lookups stopped: ${error instanceof Error ? error.message : String(error)}`);
        return { kind: 'wait', until: deps.now() + AFTER_ERROR };
      });

    const plan = (pause: Pause) => {
      clearTimeout(timer);
      timer = undefined;
      const now = deps.now();
      if (pause.kind === 'wait' && pause.until - now <= TIMER_LIMIT) timer = setTimeout(() => void kick(), Math.max(0, pause.until - now));
      // Empty or turned off: no alarm; a save or the setting kicks the lane again.
      wakeTimes.set(service, pause.kind === 'wait' ? pause.until : pause.why === 'offline' ? now + OFFLINE_RECHECK : undefined);
      setAlarm();
    };

    const kick = (): Promise<void> => {
      // A kick during a pass (a save while a request is under way) runs one more pass after it.
      again = true;
      running ??= (async () => {
        try {
          while (again) {
            again = false;
            plan(await pass());
          }
        } finally {
          running = null;
        }
      })();
      return running;
    };
    return kick;
  };

  const lanes = LookupService.options.map(lane);
  return { kick: async () => void (await Promise.all(lanes.map((kick) => kick()))) };
}
