import { expectedOf } from '../support/fixtures.mjs';
import { expect, test } from './harness';

// Issue #2: a Save click on a Hugging Face daily page ends up as a saved paper in the popup.
test('save three papers from the daily page, see them in the popup, reload, unsave one', async ({ ext }) => {
  const expected = expectedOf('huggingface/daily') as { papers: { id: string; links: { code: string[] } }[] };
  const listing = await ext.openListing('huggingface/daily');
  await expect(listing.controls.first()).toBeVisible();
  const ids = await listing.ids();
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const chosen = ids.slice(0, 3);

  for (const id of chosen) {
    await listing.control(id).expectName('Save');
    await listing.save(id);
  }

  const popup = await ext.openPopup();
  for (const id of chosen) {
    const row = popup.row(id);
    await expect(row).toBeVisible();
    await expect(row.locator(`a[href="https://arxiv.org/abs/${id}"]`).first()).toBeVisible();
    await expect(row.locator(`a[href="https://arxiv.org/pdf/${id}"]`)).toBeVisible();
    for (const repository of expected.papers.find((paper) => paper.id === id)!.links.code) {
      await expect(row.getByRole('link', { name: /code/i }).and(row.locator(`a[href="${repository}"]`))).toBeVisible();
    }
  }
  // The fixture's first paper has a GitHub repository: the row must link to it as code.
  expect(expected.papers[0]!.links.code.length).toBeGreaterThan(0);
  // Newest first.
  await expect(popup.rows).toHaveCount(3);
  expect(await popup.ids()).toEqual([...chosen].reverse());

  await listing.page.reload();
  for (const id of chosen) await listing.control(id).expectName('Saved');
  await listing.control(ids[3] ?? 'none').expectName('Save');

  await listing.control(chosen[1]!).click();
  await listing.control(chosen[1]!).expectName('Save');
  await expect(popup.row(chosen[1]!)).toHaveCount(0);
  await expect(popup.rows).toHaveCount(2);
});

test('a save in one tab shows in another open tab without a reload', async ({ ext }) => {
  const first = await ext.openListing('huggingface/daily');
  const second = await ext.openListing('huggingface/daily');
  const id = (await first.controls.first().getAttribute('data-papershelf-id'))!;
  await second.control(id).expectName('Save');
  await first.control(id).click();
  await second.control(id).expectName('Saved');
});

test('page script can neither reach the control nor press it: clicks and key presses it makes save nothing', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const id = (await listing.controls.first().getAttribute('data-papershelf-id'))!;
  const seen = await listing.page.evaluate((paperId) => {
    const host = document.querySelector<HTMLElement>(`[data-papershelf-id="${paperId}"]`)!;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.focus();
    for (const key of ['Enter', ' ']) {
      host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
    return { root: host.shadowRoot, focused: document.activeElement === host, text: host.textContent };
  }, id);
  // Closed: the page sees no root, no text, and cannot move focus into the control.
  expect(seen).toEqual({ root: null, focused: false, text: '' });
  const popup = await ext.openPopup();
  await expect(popup.page.getByText('No saved papers yet.')).toBeVisible();
  await listing.control(id).expectName('Save');
});

test('a web page cannot talk to the background', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  // Page scripts have no chrome.runtime for an extension without externally_connectable.
  const reachable = await listing.page.evaluate(
    () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  );
  expect(reachable).toBe('undefined');
});
