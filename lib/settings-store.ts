import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { afterNextPaint } from './after-paint';
import type { Settings } from './settings';

// Loaded when needed: settings.ts brings the full zod, which the popup's first paint should not wait for.
const settingsModule = () => import('./settings');

/** The user's settings, live (another page may change them); undefined until read. Pages write them directly. */
export function useSettings(): [Settings | undefined, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    let live = true;
    // Not needed for the first paint, which it would delay by loading and compiling the full zod.
    const cancel = afterNextPaint(
      () =>
        void settingsModule().then(async ({ parseSettings, SETTINGS_KEY }) => {
          const stored = await browser.storage.local.get(SETTINGS_KEY);
          if (live) setSettings(parseSettings(stored[SETTINGS_KEY]));
        }),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      void settingsModule().then(({ parseSettings, SETTINGS_KEY }) => {
        if (live && area === 'local' && SETTINGS_KEY in changes) setSettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      cancel();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const update = useCallback((next: Settings) => {
    setSettings(next);
    // The background listens for this change and redraws the badge.
    settingsModule()
      .then(({ SETTINGS_KEY }) => browser.storage.local.set({ [SETTINGS_KEY]: next }))
      .catch((error: unknown) => console.warn('PaperShelf: could not save the settings', error));
  }, []);

  return [settings, update];
}
