import type { Route } from '@playwright/test';
import { expectedOf } from '../support/fixtures.mjs';
import { createZoteroDouble } from '../support/zotero-double.mjs';
import { expect, test, type ExtensionHarness } from './harness';

// Issue #13: papers saved from a listing, with notes and tags, sent to Zotero from the library page, as the
// protocol double of Zotero's server (tests/support/zotero-double.mjs, a Node HTTP server on 127.0.0.1)
// receives them; then, with its local API answering, the listing marks what is in Zotero.

const FIXTURE = 'huggingface/daily';
const { papers } = expectedOf(FIXTURE) as { papers: { id: string; title: string; authors: string[] }[] };
const [first, second, third, fourth] = papers as [(typeof papers)[0], (typeof papers)[0], (typeof papers)[0], (typeof papers)[0]];

/**
 * The extension reaches Zotero at 127.0.0.1:23119; the test's double listens on a port of its own, and every
 * request the worker makes there is handed to it as it was made (method, headers, body) and answered with its
 * answer. A connection the double drops is a connection refused.
 */
async function routeZoteroTo(ext: ExtensionHarness, origin: string): Promise<void> {
  await ext.api('http://127.0.0.1:23119/**', async (route: Route) => {
    const { pathname, search } = new URL(route.request().url());
    try {
      const response = await route.fetch({ url: `${origin}${pathname}${search}`, maxRedirects: 0 });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused');
    }
  });
}

test('three papers with notes and tags go to Zotero from the library page, and the listing then marks what is in Zotero', async ({
  ext,
}) => {
  const zotero = createZoteroDouble();
  const origin = await zotero.listen();
  try {
    await routeZoteroTo(ext, origin);
    const setup = await ext.openPopup();
    // Nothing asks arXiv or Hugging Face meanwhile: the items are what the listing showed.
    await setup.setSetting('Look up missing details and code online', false);
    await setup.page.close();

    const listing = await ext.openListing(FIXTURE);
    await listing.save(first.id, second.id, third.id);

    const library = await ext.openLibrary();
    // The library's Notes button leads to the detail pane's editor.
    await library.row(first.id).getByRole('button', { name: 'Notes' }).click();
    await library.detail.getByRole('textbox', { name: /^Notes/ }).fill('Key result in <Table 2> & §4.');
    await library.addTag(first.id, 'routing');
    await library.addTag(third.id, 'multimodal');
    await library.setStatus(third.id, 'Read');
    // The notes are saved as they are typed; the row marks them once they are stored.
    await expect(library.row(first.id).locator('.has-notes')).toBeVisible();
    for (const id of [first.id, second.id, third.id]) await library.select(id);
    await library.page.getByRole('button', { name: 'Send the selection to Zotero' }).click();
    await expect(library.page.getByText('Sent 3 papers to Zotero.')).toBeVisible();

    // A ping, then one save; every request as a browser extension must make it, nothing Zotero would refuse.
    expect(zotero.state.problems).toEqual([]);
    expect(zotero.state.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /connector/ping',
      'POST /connector/saveItems',
    ]);
    const received = zotero.state.received;
    expect(received.map((item) => item.title).sort()).toEqual([first.title, second.title, third.title].sort());
    const byId = new Map(received.map((item) => [item.archiveID, item]));
    expect(byId.get(`arXiv:${first.id}`)).toMatchObject({
      itemType: 'preprint',
      title: first.title,
      repository: 'arXiv',
      DOI: `10.48550/arXiv.${first.id}`,
      url: `https://arxiv.org/abs/${first.id}`,
      tags: [{ tag: 'routing' }, { tag: 'to-read' }],
      notes: [{ note: '<p>Key result in &lt;Table 2&gt; &amp; §4.</p>' }],
      attachments: [
        {
          title: 'Code: github.com/example-lab/sparse-routers',
          url: 'https://github.com/example-lab/sparse-routers',
          mimeType: 'text/html',
          snapshot: false,
        },
      ],
    });
    const creators = byId.get(`arXiv:${first.id}`)!.creators as unknown[];
    expect(creators).toHaveLength(first.authors.length);
    expect(creators.slice(0, 2)).toEqual([
      { firstName: 'Łukasz', lastName: 'Nowak', creatorType: 'author' },
      { firstName: 'Anna', lastName: 'Müller', creatorType: 'author' },
    ]);
    expect(byId.get(`arXiv:${second.id}`)).toMatchObject({ title: second.title, tags: [{ tag: 'to-read' }], notes: [], attachments: [] });
    expect(byId.get(`arXiv:${third.id}`)).toMatchObject({ title: third.title, tags: [{ tag: 'multimodal' }, { tag: 'read' }] });
    // The library shows each as in Zotero.
    await expect(library.row(first.id).getByText('in Zotero', { exact: true })).toBeVisible();

    // The user turns the mark on; Zotero's library also holds a paper PaperShelf never sent (the fourth entry).
    zotero.state.library.push({ key: 'ZZZZ2345', data: { itemType: 'preprint', title: fourth.title, archiveID: `arXiv:${fourth.id}` } });
    await library.setSetting('Mark papers already in Zotero (asks Zotero’s local API on this computer)', true);
    const again = await ext.openListing(FIXTURE);
    await expect.poll(async () => (await again.control(fourth.id).state())?.inZotero).toBe(true);
    for (const id of [first.id, second.id, third.id]) expect((await again.control(id).state())?.inZotero).toBe(true);
    // The page sees nothing of it: the host carries its one attribute, as before.
    expect(await again.page.evaluate((id) => document.querySelector(`[data-papershelf-id="${id}"]`)!.outerHTML, fourth.id)).toBe(
      `<span data-papershelf-id="${fourth.id}"></span>`,
    );
    const searches = zotero.state.requests.filter((request) => request.path.startsWith('/api/'));
    expect(searches.map((request) => request.path)).toEqual([`/api/users/0/items/top?q=${fourth.id}&qmode=fields&format=json&limit=25`]);
  } finally {
    await zotero.close();
  }
});

test('Zotero not running, busy, or something else on its port: the library says so, and nothing is marked sent', async ({ ext }) => {
  const zotero = createZoteroDouble();
  const origin = await zotero.listen();
  try {
    await routeZoteroTo(ext, origin);
    const listing = await ext.openListing(FIXTURE);
    await listing.save(first.id);
    const library = await ext.openLibrary();
    // Focus shows the row in the detail pane.
    await library.row(first.id).focus();

    zotero.state.running = false;
    await library.detail.getByRole('button', { name: 'Send to Zotero' }).click();
    await expect(
      library.page.getByText(/Zotero is not running: nothing answers on 127\.0\.0\.1:23119\. Start Zotero and try again\./),
    ).toBeVisible();

    zotero.state.running = true;
    zotero.state.busy = true;
    await library.detail.getByRole('button', { name: 'Send to Zotero' }).click();
    await expect(library.page.getByText(/Close any dialog open in Zotero and try again/)).toBeVisible();

    // What answers on the port is not Zotero: reported, never followed, nothing stored.
    zotero.state.busy = false;
    for (const [hostility, message] of [
      ['html', /is not Zotero/],
      ['redirect', /redirected PaperShelf elsewhere/],
      ['huge', /longer than 2 MB/],
      ['malformed-json', /not a Zotero connector’s/],
    ] as const) {
      zotero.state.hostile = hostility;
      await library.detail.getByRole('button', { name: 'Send to Zotero' }).click();
      await expect(library.page.getByText(message)).toBeVisible();
    }
    await expect(library.row(first.id).locator('.zotero-mark')).toHaveCount(0);
    expect(zotero.state.received).toEqual([]);

    // Zotero back: the popup row's own button sends it.
    zotero.state.hostile = undefined;
    const popup = await ext.openPopup();
    await popup.row(first.id).getByRole('button', { name: 'Send to Zotero' }).click();
    await expect(popup.page.getByText(`Sent “${first.title}” to Zotero.`)).toBeVisible();
    expect(zotero.state.received.map((item) => item.archiveID)).toEqual([`arXiv:${first.id}`]);
    await expect(popup.row(first.id).getByText('in Zotero', { exact: true })).toBeVisible();
  } finally {
    await zotero.close();
  }
});
