/**
 * @vitest-environment jsdom
 * @vitest-environment-options { "url": "https://huggingface.co/papers" }
 */
// entrypoints/content/index.ts on a committed Hugging Face daily page, at its real address, with a fake
// browser whose background is the real one (tests/unit/support/background.ts): every entry gets its control,
// the saved state comes from the background, a save announced by another tab shows, and an invalidated
// script (the extension updated) leaves the page as it was.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceSavedState } from '@/lib/storage/saved-state-signal';
import { buttonOf } from '../support/closed-roots';
import { expectedOf, fixture } from '../../support/fixtures.mjs';
import { senders, testBackground } from '../support/background';
import { hfSource, metadata } from '../support/factory';

const page = fixture('huggingface/daily');
const expected = expectedOf('huggingface/daily');
const bg = testBackground();

const controls = () => [...document.querySelectorAll<HTMLElement>('[data-papershelf-id]')];
const pressed = (id: string) =>
  controls()
    .filter((host) => host.dataset.papershelfId === id)
    .map((host) => buttonOf(host).getAttribute('aria-pressed'));

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('the content script entrypoint', () => {
  let ctx: ContentScriptContext;
  beforeEach(async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(page.html, 'text/html').documentElement.innerHTML;
    // The background, as a listing's content script reaches it (fakeBrowser answers promise-style).
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => bg.send(message, senders.contentScript));
    const first = expected.papers[0];
    await bg.ask({ type: 'paper/save', paper: metadata({ ...first, links: first.links }), source: hfSource }, senders.contentScript);
    const { default: contentScript } = await import('@/entrypoints/content');
    ctx = new ContentScriptContext('content');
    await contentScript.main(ctx);
  });
  afterEach(async () => {
    ctx.abort();
    await bg.reset();
  });

  it('puts one control on every paper of the page, showing which are saved', async () => {
    const ids = expected.papers.map((paper) => paper.id);
    expect(controls().map((host) => host.dataset.papershelfId)).toEqual(ids);
    await until(() => pressed(ids[0]!)[0] === 'true');
    expect(pressed(ids[1]!)).toEqual(['false']);
  });

  it('shows a save made in another tab, as the background announces it', async () => {
    const id = expected.papers[1]!.id;
    await announceSavedState({ [id]: true });
    await until(() => pressed(id)[0] === 'true');
  });

  it('asks again about its own papers when too many changed to be listed (an import, issue #10)', async () => {
    const id = expected.papers[2]!.id;
    await bg.ask({ type: 'paper/save', paper: metadata({ ...expected.papers[2], links: expected.papers[2].links }), source: hfSource });
    expect(pressed(id)).toEqual(['false']);
    await announceSavedState(
      Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`2609.${String(index).padStart(5, '0')}`, true])),
    );
    await until(() => pressed(id)[0] === 'true');
  });

  it('takes its controls away when a newer copy of the script takes over the page', () => {
    expect(controls().length).toBe(expected.papers.length);
    ctx.abort();
    expect(controls()).toEqual([]);
  });
});
