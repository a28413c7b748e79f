import { expectedOf } from '../support/fixtures.mjs';
import { expect, test } from './harness';

// Issue #8: a Hugging Face search page names no repository in its metadata, only in the abstracts. Saved
// with lookups off (nothing asks Hugging Face), every paper shows the repositories its abstract names,
// the paper's own first, each saying where it was found.

const FIXTURE = 'huggingface/search-abstracts';
const { papers } = expectedOf(FIXTURE) as { papers: { id: string; links: { code: string[]; origins?: Record<string, string[]> } }[] };

test('repositories named only in the abstracts of a search page show in the popup, with where they were found', async ({ ext }) => {
  const setup = await ext.openPopup();
  await setup.setSetting('Look up missing details and code online', false);
  await setup.page.close();

  const listing = await ext.openListing(FIXTURE);
  await listing.save(...papers.map((paper) => paper.id));

  const popup = await ext.openPopup();
  await expect(popup.rows).toHaveCount(papers.length);
  for (const paper of papers) {
    const row = await popup.revealedRow(paper.id);
    const codeLinks = row.locator('a[data-kind="code"]');
    await expect(codeLinks).toHaveCount(paper.links.code.length);
    expect(await codeLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(paper.links.code);
    for (const repository of paper.links.code) {
      const origins = paper.links.origins?.[repository] ?? [];
      const title = row.locator(`a[href="${repository}"]`);
      await expect(title).toHaveAttribute('title', origins.includes('cited') ? /as work the paper builds on/ : /found in the abstract/);
    }
  }
  // The paper that builds on transformers lists its own repository first.
  expect(papers.find((paper) => paper.id === '2510.01003')!.links.code[0]).toBe('https://github.com/docseg/small-seg');
});
