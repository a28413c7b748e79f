import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { announceSavedState, MAX_ANNOUNCED, watchSavedState } from '@/lib/storage/saved-state-signal';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { settingsItem } from '@/lib/storage/settings';

describe('the storage items every context shares', () => {
  it('read settings through their parse: defaults stand in for what is missing or malformed', async () => {
    expect(await settingsItem.read()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ badge: 'unread', codeBadge: false, lookups: true, zoteroMark: false });
    await fakeBrowser.storage.local.set({
      'papershelf:settings': { badge: 'none', lookups: 'maybe', extra: 1, zoteroStatusTags: { read: 7 } },
    });
    expect(await settingsItem.read()).toEqual({ ...DEFAULT_SETTINGS, badge: 'none' });
  });

  it('hand a watcher each new value parsed, and stop when told', async () => {
    const seen: unknown[] = [];
    const unwatch = settingsItem.watch((settings) => seen.push(settings));
    await settingsItem.write({ ...DEFAULT_SETTINGS, badge: 'none', lookups: false });
    await fakeBrowser.storage.local.set({ 'papershelf:settings': 'not an object' });
    unwatch();
    await settingsItem.write(DEFAULT_SETTINGS);
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, badge: 'none', lookups: false }, DEFAULT_SETTINGS]);
  });

  it('pass on an announcement of saved states, and nothing for a value another version wrote', async () => {
    const seen: unknown[] = [];
    watchSavedState((signal) => seen.push(signal));
    await announceSavedState({ '2401.12345': true }, 1);
    await fakeBrowser.storage.local.set({ 'papershelf:saved-state-change': { states: { 'not an id': true }, at: 2 } });
    expect(seen).toEqual([{ states: { '2401.12345': true }, at: 1 }, undefined]);
  });

  it(`announce no more than ${MAX_ANNOUNCED} ids: past that, every tab is told to ask about its own (issue #10)`, async () => {
    const seen: unknown[] = [];
    watchSavedState((signal) => seen.push(signal));
    const many = Object.fromEntries(
      Array.from({ length: MAX_ANNOUNCED + 1 }, (_, index) => [`2609.${String(index).padStart(5, '0')}`, true]),
    );
    await announceSavedState(many, 3);
    expect(seen).toEqual([{ states: {}, everything: true, at: 3 }]);
  });
});
