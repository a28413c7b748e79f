/**
 * The lookups in the service worker: the scheduler wired to the browser (fetch, alarms, the `online`
 * event, the setting, storage.session). Called once from the background's main, synchronously, so the
 * listeners are there when an alarm or event starts a stopped worker.
 */
import { browser } from 'wxt/browser';
import type { PaperShelfDb } from '@/lib/db/database';
import { settingsItem } from '@/lib/storage/settings';
import { createLookupScheduler, type LookupScheduler } from './scheduler';
import { enqueueMissingLookups } from './enqueue';
import type { LookupDeps } from './processor';
import { utcDay } from './queue';

const QUEUE_ALARM = 'papershelf:lookups';
/** Daily: papers saved before lookups existed, and tasks dropped after their attempts, are queued again. */
const SWEEP_ALARM = 'papershelf:lookup-sweep';
const LAST_CALL_KEY = 'papershelf:lookup-last-call:';
const CALLS_TODAY_KEY = 'papershelf:lookup-calls-today:';

/** Calls made to a service in the UTC day of `at`; in storage.local, so a browser restart starts no new budget. */
const callsToday: NonNullable<LookupDeps['callsToday']> = {
  read: async (service, at) => {
    const key = `${CALLS_TODAY_KEY}${service}`;
    const stored: unknown = (await browser.storage.local.get(key))[key];
    const { day, count } = (typeof stored === 'object' && stored !== null ? stored : {}) as { day?: unknown; count?: unknown };
    return day === utcDay(at) && typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
  },
  add: async (service, at) => {
    const count = (await callsToday.read(service, at)) + 1;
    await browser.storage.local.set({ [`${CALLS_TODAY_KEY}${service}`]: { day: utcDay(at), count } });
  },
};

/** `papersChanged`: after a lookup wrote to papers (the background recounts its badge). */
export function startLookups(db: PaperShelfDb, papersChanged?: () => void): LookupScheduler {
  const scheduler = createLookupScheduler({
    db,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    online: () => navigator.onLine,
    enabled: async () => (await settingsItem.read()).lookups,
    // One key per service: the two lanes write at the same time.
    lastCall: {
      read: async (service) => {
        const stored: unknown = (await browser.storage.session.get(`${LAST_CALL_KEY}${service}`))[`${LAST_CALL_KEY}${service}`];
        return typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
      },
      write: (service, at) => browser.storage.session.set({ [`${LAST_CALL_KEY}${service}`]: at }),
    },
    callsToday,
    papersChanged,
    wakeAt: (when) => void (when === undefined ? browser.alarms.clear(QUEUE_ALARM) : browser.alarms.create(QUEUE_ALARM, { when })),
  });

  const sweep = () =>
    enqueueMissingLookups(db, Date.now())
      .then(() => scheduler.kick())
      .catch((error: unknown) => console.warn('PaperShelf: could not queue lookups', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void scheduler.kick();
    else if (alarm.name === SWEEP_ALARM) void sweep();
  });
  // Installed or updated: papers saved by an earlier version have never been looked up.
  browser.runtime.onInstalled.addListener(() => void sweep());
  self.addEventListener('online', () => void scheduler.kick());
  // Turned on again: what waited runs now.
  settingsItem.watch(() => void scheduler.kick());
  // Alarms need not survive a browser restart: set the daily one again when it is missing.
  void browser.alarms.get(SWEEP_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: 24 * 60 });
  });
  // Work left by a worker that was stopped.
  void scheduler.kick();
  return scheduler;
}
