import { expect, test } from './harness';

// Issue #10: the sites' own scripts (or anything injected into them) share the DOM with PaperShelf's
// controls. What they can see of a control must not depend on whether the user saved the paper.

/** Everything page script can read of each control's host, in page order. */
const pageView = () =>
  [...document.querySelectorAll<HTMLElement>('[data-papershelf-id]')].map((host) => {
    const box = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    return {
      attributes: host.getAttributeNames().join(' '),
      root: host.shadowRoot === null ? 'closed' : 'open',
      text: host.textContent,
      children: host.childElementCount,
      size: `${box.width}x${box.height}`,
      style: `${style.display} ${style.width} ${style.height} ${style.color} ${style.background}`,
    };
  });

test('a page sees the same of a saved and an unsaved paper’s control, Undo shown or not', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const [first, second] = (await listing.ids()) as [string, string];
  const before = await listing.page.evaluate(pageView);
  expect(new Set(before.map((view) => JSON.stringify(view))).size).toBe(1);

  await listing.save(first);
  const saved = await listing.page.evaluate(pageView);
  expect(saved).toEqual(before);

  await listing.save(second);
  await listing.control(second).click();
  await listing.control(second).expectName('Save');
  expect(await listing.control(second).undoShown()).toBe(true);
  expect(await listing.page.evaluate(pageView)).toEqual(before);
});
