import { expect, saveControl, test } from './harness';
import { readFileSync } from 'node:fs';
import { fixture } from '../support/fixtures.mjs';

// Issue #2: a Save click on a Hugging Face daily page ends up as a saved paper in the popup.
test('save three papers from the daily page, see them in the popup, reload, unsave one', async ({ ext }) => {
  const expected = JSON.parse(readFileSync(fixture('huggingface/daily').path.replace(/\.html$/, '.expected.json'), 'utf8')) as {
    papers: { id: string; links: { code: string[] } }[];
  };
  const listing = await ext.openFixture('huggingface/daily');
  const controls = listing.locator('[data-papershelf-id]');
  await expect(controls.first()).toBeVisible();
  const ids = await controls.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-id')!));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const chosen = ids.slice(0, 3);

  for (const id of chosen) {
    await expect(saveControl(listing, id)).toHaveAccessibleName('Save');
    await saveControl(listing, id).click();
    await expect(saveControl(listing, id)).toHaveAccessibleName('Saved');
    await expect(saveControl(listing, id)).toHaveAttribute('aria-pressed', 'true');
  }

  const popup = await ext.openPopup();
  for (const id of chosen) {
    const row = popup.locator(`[data-papershelf-id="${id}"]`);
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
  await expect(popup.locator('li[data-papershelf-id]')).toHaveCount(3);
  expect(
    await popup.locator('li[data-papershelf-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-papershelf-id'))),
  ).toEqual([...chosen].reverse());

  await listing.reload();
  for (const id of chosen) await expect(saveControl(listing, id)).toHaveAccessibleName('Saved');
  await expect(saveControl(listing, ids[3] ?? 'none')).toHaveAccessibleName('Save');

  await saveControl(listing, chosen[1]!).click();
  await expect(saveControl(listing, chosen[1]!)).toHaveAccessibleName('Save');
  await expect(popup.locator(`[data-papershelf-id="${chosen[1]}"]`)).toHaveCount(0);
  await expect(popup.locator('li[data-papershelf-id]')).toHaveCount(2);
});

test('a save in one tab shows in another open tab without a reload', async ({ ext }) => {
  const first = await ext.openFixture('huggingface/daily');
  const second = await ext.openFixture('huggingface/daily');
  const id = (await first.locator('[data-papershelf-id]').first().getAttribute('data-papershelf-id'))!;
  await expect(saveControl(second, id)).toHaveAccessibleName('Save');
  await saveControl(first, id).click();
  await expect(saveControl(second, id)).toHaveAccessibleName('Saved');
});

test('a click made by page script (untrusted) saves nothing', async ({ ext }) => {
  const listing = await ext.openFixture('huggingface/daily');
  const id = (await listing.locator('[data-papershelf-id]').first().getAttribute('data-papershelf-id'))!;
  await listing.evaluate((paperId) => {
    const host = document.querySelector(`[data-papershelf-id="${paperId}"]`)!;
    host.shadowRoot!.querySelector('button')!.click();
  }, id);
  const popup = await ext.openPopup();
  await expect(popup.getByText('No saved papers yet.')).toBeVisible();
  await expect(saveControl(listing, id)).toHaveAccessibleName('Save');
});

test('a web page cannot talk to the background', async ({ ext }) => {
  const listing = await ext.openFixture('huggingface/daily');
  // Page scripts have no chrome.runtime for an extension without externally_connectable.
  const reachable = await listing.evaluate(
    () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  );
  expect(reachable).toBe('undefined');
});
