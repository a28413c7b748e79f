// entrypoints/background.ts wired to a fake browser (WXT's fakeBrowser): messages reach the router with
// their sender, saves reach the database, other tabs are told, and the badge follows the settings.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundReply } from '@/lib/messaging/contract';
import { metadata, hfSource } from '../support/factory';

const extensionId = () => fakeBrowser.runtime.id;
const contentScript = () => ({ id: extensionId(), url: 'https://huggingface.co/papers', tab: { id: 7 } });

/** Delivers a message as Chrome does (the listener answers through `sendResponse`) and waits for the answer. */
async function deliver(message: unknown, sender: object): Promise<BackgroundReply> {
  return new Promise((resolve) => {
    // Typed for two arguments; it passes on all it is given, as Chrome gives the listener three.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    void trigger(message, sender, resolve);
  });
}

/** Resolves once `check` holds, for what the background does after it answered (the badge, the broadcast). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 100 && !(await check()); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await check()).toBe(true);
}

describe('the background entrypoint', () => {
  beforeEach(async () => {
    vi.resetModules();
    // No request leaves the tests: lookups off, and fetch refuses.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('no network in unit tests'))),
    );
    await fakeBrowser.storage.local.set({ 'papershelf:settings': { badge: 'unread', lookups: false } });
    const { default: background } = await import('@/entrypoints/background');
    background.main();
  });
  afterEach(async () => {
    const { db } = await import('@/lib/db/database');
    await db.delete();
    vi.unstubAllGlobals();
  });

  it('saves a paper sent by the content script of a listing, tells every tab, and counts it on the badge', async () => {
    const reply = await deliver({ type: 'paper/save', paper: metadata(), source: hfSource }, contentScript());
    expect(reply).toMatchObject({ ok: true, result: { id: '2401.12345', status: 'unread' } });
    const { db } = await import('@/lib/db/database');
    expect(await db.papers.count()).toBe(1);
    const stored = await fakeBrowser.storage.local.get('papershelf:saved-state-change');
    expect(stored['papershelf:saved-state-change']).toMatchObject({ states: { '2401.12345': true } });
    await eventually(async () => (await fakeBrowser.action.getBadgeText({})) === '1');
  });

  it('refuses a sender that is not PaperShelf, and writes nothing', async () => {
    const reply = await deliver(
      { type: 'paper/save', paper: metadata(), source: hfSource },
      { ...contentScript(), id: 'another-extension' },
    );
    expect(reply).toEqual({ ok: false, error: 'PaperShelf accepts messages only from its own pages and content scripts' });
    const { db } = await import('@/lib/db/database');
    expect(await db.papers.count()).toBe(0);
  });

  it('hides the badge when the settings say so, without a message', async () => {
    await deliver({ type: 'paper/save', paper: metadata(), source: hfSource }, contentScript());
    await eventually(async () => (await fakeBrowser.action.getBadgeText({})) === '1');
    await fakeBrowser.storage.local.set({ 'papershelf:settings': { badge: 'none', lookups: false } });
    await eventually(async () => (await fakeBrowser.action.getBadgeText({})) === '');
  });
});
