/**
 * When the lookup processor runs: at once when kicked (a save, a refresh, the `online` event, the
 * alarm, a worker start), one pass at a time, and again when its pause ends. A service worker may be
 * stopped at any moment, so every pause also sets an alarm (`wakeAt`) that starts a stopped worker
 * again; short pauses (the 1 to 3 s between calls) are a timer in the living worker, since Chrome does
 * not fire an alarm sooner than 30 s.
 */
import { processLookups, type LookupDeps, type Pause } from './processor';

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
  /** Runs the queue now, or right after the pass under way. Resolves when the processor pauses. */
  kick: () => Promise<void>;
}

export function createLookupScheduler(deps: SchedulerDeps, process: (deps: LookupDeps) => Promise<Pause> = processLookups): LookupScheduler {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pass = () =>
    process(deps).catch((error: unknown): Pause => {
      (deps.warn ?? console.warn)(`PaperShelf: lookups stopped: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'wait', until: deps.now() + AFTER_ERROR };
    });

  const plan = (pause: Pause) => {
    clearTimeout(timer);
    timer = undefined;
    const now = deps.now();
    if (pause.kind === 'wait') {
      if (pause.until - now <= TIMER_LIMIT) timer = setTimeout(() => void kick(), Math.max(0, pause.until - now));
      deps.wakeAt(pause.until);
    } else {
      // Empty or turned off: a save or the setting kicks it again.
      deps.wakeAt(pause.why === 'offline' ? now + OFFLINE_RECHECK : undefined);
    }
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

  return { kick };
}
