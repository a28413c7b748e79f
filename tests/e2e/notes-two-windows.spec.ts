import { NOTES_SEPARATOR } from '../../lib/model/notes';
import { expect, test } from './harness';

// Issue #9: two popup pages typing in one paper's notes. Whichever save arrives second was typed over the text
// before the first: it overwrites nothing, its page shows both texts and asks; Keep both keeps both everywhere.
test('two popup pages editing one note end with both texts visible and neither lost', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const [id] = (await listing.saveFirst(1)) as [string];
  const windows = [await ext.openPopup(), await ext.openPopup()];
  const texts = ['From the first window.', 'From the second window.'];
  const boxes = await Promise.all(windows.map((popup) => popup.notesOf(id)));
  const panels = windows.map((popup) => popup.page.getByRole('group', { name: /^Notes changed elsewhere/ }));
  // Both type before either save arrives (a save waits 400 ms after the last keystroke, or a blur).
  for (const [index, box] of boxes.entries()) await box.fill(texts[index]!);
  for (const box of boxes.toReversed()) await box.blur();

  await expect.poll(async () => (await Promise.all(panels.map((panel) => panel.isVisible()))).filter(Boolean).length).toBe(1);
  const asking = (await panels[0]!.isVisible()) ? 0 : 1;
  const [mine, theirs] = [texts[asking]!, texts[1 - asking]!];
  // Nothing was overwritten: the asking page still shows its own text, and the other text beside it.
  await expect(boxes[asking]!).toHaveValue(mine);
  await expect(panels[asking]!.getByRole('textbox')).toHaveValue(theirs);
  await panels[asking]!.getByRole('button', { name: 'Keep both' }).click();

  const both = `${theirs}${NOTES_SEPARATOR}${mine}`;
  for (const box of boxes) await expect(box).toHaveValue(both);
  await expect(panels[asking]!).toBeHidden();
  for (const popup of windows) await popup.page.close();
  const reopened = await ext.openPopup();
  await expect(await reopened.notesOf(id)).toHaveValue(both);
});
