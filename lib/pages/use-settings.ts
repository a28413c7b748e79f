import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '@/lib/model/settings';
import { afterNextPaint } from './after-paint';

// Loaded when needed: the settings item brings the full zod, which the popup's first paint should not wait for.
const settingsModule = () => import('@/lib/storage/settings');

/** The user's settings, live (another page may change them); undefined until read. Pages write them directly. */
export function useSettings(): [Settings | undefined, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    // Not needed for the first paint, which it would delay by loading and compiling the full zod.
    const cancel = afterNextPaint(
      () =>
        void settingsModule().then(async ({ settingsItem }) => {
          if (!live) return;
          unwatch = settingsItem.watch(setSettings);
          const stored = await settingsItem.read();
          if (live) setSettings(stored);
        }),
    );
    return () => {
      live = false;
      cancel();
      unwatch?.();
    };
  }, []);

  const update = useCallback((next: Settings) => {
    setSettings(next);
    // The background watches them too, and redraws the badge.
    settingsModule()
      .then(({ settingsItem }) => settingsItem.write(next))
      .catch((error: unknown) => console.warn('PaperShelf: could not save the settings', error));
  }, []);

  return [settings, update];
}
