import { expect, test } from './harness';

// Issue #9: a click on Saved in a listing no longer loses what the user wrote: the paper goes to the Trash,
// and Undo beside the control (a save, which takes it out of the Trash) brings it back with its note and tags.
test('unsave a paper with a note and two tags on the listing, Undo there or Save again, and the popup shows them', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const [id] = (await listing.saveFirst(1)) as [string];

  let popup = await ext.openPopup();
  const notes = await popup.notesOf(id);
  await notes.fill('Read the ablations first.');
  await expect(popup.row(id).getByTitle('Has notes')).toBeAttached();
  await popup.addTag(id, 'to read');
  await popup.addTag(id, 'diffusion');
  await popup.page.close();

  // Unsave on the listing: the control says Save again, the popup no longer lists it.
  await listing.control(id).click();
  await listing.control(id).expectName('Save');
  popup = await ext.openPopup();
  await expect(popup.page.getByText('No saved papers yet.')).toBeVisible();
  await popup.page.close();

  await listing.control(id).clickUndo();
  await listing.control(id).expectName('Saved');
  expect(await listing.control(id).undoShown()).toBe(false);
  popup = await ext.openPopup();
  await expect(await popup.notesOf(id)).toHaveValue('Read the ablations first.');
  for (const tag of ['to read', 'diffusion'])
    await expect(popup.row(id).getByRole('button', { name: `Remove tag ${tag}`, exact: true })).toBeVisible();
  await popup.page.close();

  // Unsave again, and this time Save again with the control itself, once Undo is gone: the same note and tags.
  await listing.control(id).click();
  await listing.control(id).expectName('Save');
  await listing.page.reload();
  expect(await listing.control(id).undoShown()).toBe(false);
  await listing.save(id);
  popup = await ext.openPopup();
  await expect(await popup.notesOf(id)).toHaveValue('Read the ablations first.');
  for (const tag of ['to read', 'diffusion'])
    await expect(popup.row(id).getByRole('button', { name: `Remove tag ${tag}`, exact: true })).toBeVisible();
});
