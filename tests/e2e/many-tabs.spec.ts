import { arxivNewListing } from '../support/generate-listing.mjs';
import { expect, test } from './harness';

// Issue #9: twenty listing tabs saving, and four extension pages editing, all at once. The background is
// the single writer: every save lands, every tag and note edit lands, and every tab ends showing the same.
test('twenty tabs saving and editing at once: every save lands, no edit is lost, every tab ends the same', async ({ ext }) => {
  const url = 'https://arxiv.org/list/cs.LG/new';
  const html = arxivNewListing(22);
  const tabs = [];
  for (let index = 0; index < 20; index++) tabs.push(await ext.openPage(url, html));
  const ids = [...new Set(await tabs[0]!.ids())];
  expect(ids).toHaveLength(20);
  const [shared] = ids as [string];
  await tabs[0]!.save(shared);
  const editors = await Promise.all([0, 1, 2, 3].map(() => ext.openPopup()));

  type Reply = { ok: boolean; error?: string };
  const edit = (page: (typeof editors)[number]['page'], request: object) =>
    page.evaluate(
      (message) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<Reply> } } }).chrome.runtime.sendMessage(message),
      request,
    );
  const tagReplies = await Promise.all([
    // Tab i saves paper i with a person's click; the shared paper's Saved control is left alone.
    ...tabs.slice(1).map((tab, index) => tab.control(ids[index + 1]!).click()),
    // Meanwhile each page adds five tags to the shared paper, one request each.
    ...editors.flatMap((popup, page) =>
      [0, 1, 2, 3, 4].map((k) => edit(popup.page, { type: 'paper/update', id: shared, patch: { addTags: [`tag-${page * 5 + k}`] } })),
    ),
  ]);
  // Then, all at once, the notes of every paper, from the four pages, and a tag on each from the tabs' own editors.
  const noteReplies = await Promise.all(
    editors.flatMap((popup, page) =>
      [0, 1, 2, 3, 4].flatMap((k) => [
        edit(popup.page, { type: 'paper/update', id: ids[page * 5 + k]!, patch: { notes: { text: `note ${page * 5 + k}`, base: '' } } }),
        edit(popup.page, { type: 'paper/update', id: ids[page * 5 + k]!, patch: { addTags: ['burst'] } }),
      ]),
    ),
  );
  for (const reply of [...tagReplies, ...noteReplies].filter(Boolean)) expect(reply).toMatchObject({ ok: true });

  // Every tab shows all twenty saved, from its own clicks and the others' announcements.
  for (const tab of tabs) {
    await expect.poll(() => tab.names(), { timeout: 30_000 }).toEqual(Array(22).fill('Saved'));
  }
  // What the library holds, as a backup of it says: twenty papers, every tag and every note.
  const library = await ext.openLibrary();
  await expect(library.rows.first()).toBeVisible();
  const backup = JSON.parse((await library.backUp()).text) as { papers: { id: string; tags: string[]; notes: string }[] };
  const byId = new Map(backup.papers.map((paper) => [paper.id, paper]));
  expect([...byId.keys()].sort()).toEqual([...ids].sort());
  expect(byId.get(shared)!.tags.filter((tag) => tag.startsWith('tag-'))).toHaveLength(20);
  for (const [index, id] of ids.entries()) {
    expect(byId.get(id)).toMatchObject({ notes: `note ${index}`, tags: expect.arrayContaining(['burst']) });
  }
});
