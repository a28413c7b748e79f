import { arxivNewListing } from '../support/generate-listing.mjs';
import { expectedOf as expectedFile } from '../support/fixtures.mjs';
import { expect, test } from './harness';

// Issue #3: every paper on every supported page gets one control, also when the page changes.

const expectedOf = (name: string) => expectedFile(name) as { papers: { id: string; title: string }[] };

test('an arXiv /new listing of 2000 entries: every entry has exactly one control, repeats share state', async ({ ext }) => {
  const url = 'https://arxiv.org/list/cs.LG/new?skip=0&show=2000';
  const listing = await ext.openPage(url, arxivNewListing(2000));
  await expect(listing.controls).toHaveCount(2000, { timeout: 20_000 });
  const perEntry = await listing.page
    .locator('dl dt')
    .evaluateAll((entries) => entries.map((dt) => dt.querySelectorAll(':scope > [data-papershelf-id]').length));
  expect(perEntry).toHaveLength(2000);
  expect(perEntry.every((count) => count === 1)).toBe(true);

  // 2609.10000 is listed as new and again as a replacement: one record, both occurrences show it.
  await listing.control('2609.10000', 0).click();
  await listing.control('2609.10000', 0).expectName('Saved');
  await listing.control('2609.10000', 1).expectName('Saved');
  await listing.control('2609.11799').click();
  const popup = await ext.openPopup();
  await expect(popup.rows).toHaveCount(2);
  await expect(popup.row('2609.10000')).toContainText('Anna Müller');
});

test('arXiv search results get controls and save with their titles', async ({ ext }) => {
  const expected = expectedOf('arxiv/search');
  const results = await ext.openListing('arxiv/search');
  await expect(results.controlsAt('li.arxiv-result')).toHaveCount(expected.papers.length);
  const first = expected.papers[0]!;
  await results.control(first.id).click();
  await results.control(first.id).expectName('Saved');
  const popup = await ext.openPopup();
  await expect(popup.row(first.id)).toContainText(first.title);
});

test('an arXiv abstract page has one control next to the title', async ({ ext }) => {
  const expected = expectedOf('arxiv/abs');
  const abs = await ext.openListing('arxiv/abs');
  await expect(abs.controls).toHaveCount(1);
  await expect(abs.page.locator(`h1.title + [data-papershelf-id="${expected.papers[0]!.id}"]`)).toHaveCount(1);
  await abs.control(expected.papers[0]!.id).click();
  const popup = await ext.openPopup();
  await expect(popup.row(expected.papers[0]!.id)).toContainText(expected.papers[0]!.title);
});

test('a Hugging Face search page gets a control on every result', async ({ ext }) => {
  const expected = expectedOf('huggingface/search');
  const search = await ext.openListing('huggingface/search');
  await expect(search.controlsAt('article')).toHaveCount(expected.papers.length);
  expect(await search.ids()).toEqual(expected.papers.map((paper) => paper.id));
});

test('Hugging Face entries appended later get a control in the same frame; a pushState navigation re-scans', async ({ ext }) => {
  const daily = await ext.openListing('huggingface/daily');
  const initial = expectedOf('huggingface/daily').papers.length;
  await expect(daily.controls).toHaveCount(initial);

  // Infinite scroll: the page appends a card, as Svelte would, with a paper that is not in the props.
  const controlsAfterOneFrame = await daily.page.evaluate(async () => {
    const card = document.querySelector('article')!;
    const clone = card.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[data-papershelf-id]').forEach((host) => host.remove());
    const link = clone.querySelector('h3 a')!;
    link.setAttribute('href', '/papers/2611.09999');
    link.textContent = 'A Paper Loaded By Scrolling';
    card.parentElement!.append(clone);
    // Our rAF runs in the frame the card first paints in; a timeout queued from that frame runs after it.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return clone.querySelectorAll('[data-papershelf-id="2611.09999"]').length;
  });
  expect(controlsAfterOneFrame).toBe(1);
  await expect(daily.controls).toHaveCount(initial + 1);

  // Client-side navigation to the trending listing: the old cards go, new ones come.
  await daily.page.evaluate(() => {
    history.pushState({}, '', '/papers/trending');
    const cards = [...document.querySelectorAll('article')];
    const template = cards[0]!.cloneNode(true) as HTMLElement;
    const parent = cards[0]!.parentElement!;
    cards.forEach((card) => card.remove());
    for (const [index, id] of ['2611.10001', '2611.10002'].entries()) {
      const card = template.cloneNode(true) as HTMLElement;
      card.querySelectorAll('[data-papershelf-id]').forEach((host) => host.remove());
      const link = card.querySelector('h3 a')!;
      link.setAttribute('href', `/papers/${id}`);
      link.textContent = `Trending paper ${index + 1}`;
      parent.append(card);
    }
  });
  await expect(daily.controls).toHaveCount(2);
  expect(await daily.ids()).toEqual(['2611.10001', '2611.10002']);
  await daily.control('2611.10002').click();
  const popup = await ext.openPopup();
  await expect(popup.row('2611.10002')).toContainText('Trending paper 2');
});

test('a supported listing whose markup changed logs one warning and is left untouched', async ({ ext }) => {
  const url = 'https://arxiv.org/list/cs.LG/recent';
  const html = '<!DOCTYPE html><html><body><div id="dlpage"><h1>Machine Learning</h1><p>A redesigned page.</p></div></body></html>';
  const warnings: string[] = [];
  const listing = await ext.openPage(url, html, (page) =>
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().includes('PaperShelf')) warnings.push(message.text());
    }),
  );
  const { page } = listing;
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toMatch(/no papers recognized on this arxiv list page/);
  expect(await listing.controls.count()).toBe(0);
  expect(await page.locator('#dlpage').innerHTML()).toBe('<h1>Machine Learning</h1><p>A redesigned page.</p>');
});
