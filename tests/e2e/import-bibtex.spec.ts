import { expect, test } from './harness';

// Issue #5, and #12 (the parse runs in the import worker, off the page): a .bib chosen in the library page
// adds its arXiv papers and says what it left out, and choosing it again changes nothing.

const BIB = String.raw`@misc{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  primaryClass = {cs.CL},
  year = {2017}
}
@article{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers},
  author = {Devlin, Jacob and M{\"u}ller, J{\"o}rg},
  journal = {arXiv preprint arXiv:1810.04805},
  keywords = {nlp, to-read},
  year = {2019}
}
@book{knuth1984, title = {The {\TeX}book}, author = {Knuth, Donald E.}, publisher = {Addison-Wesley}, year = 1984}
@misc{broken, title = {Unclosed, eprint = {2401.00003}
`;

test('a .bib imports its arXiv papers, lists what it skipped, and a second import changes nothing', async ({ ext }) => {
  const library = await ext.openLibrary();
  await expect(library.page.getByText('No saved papers yet.')).toBeVisible();

  await library.importBibtex('refs.bib', BIB);
  await expect(library.importOutcome.locator('.import-report > p').first()).toHaveText(
    'refs.bib: 2 added, 0 updated, 0 unchanged, 2 skipped',
  );
  const skipped = library.importOutcome.locator('.skipped li');
  await expect(skipped).toHaveText([/^broken could not be read: /, 'knuth1984 no arXiv id (eprint, journal, url or doi)']);
  await expect(library.rows).toHaveCount(2);
  expect((await library.ids()).sort()).toEqual(['1706.03762', '1810.04805']);
  // Decoded in the worker: the accent, the protected acronym, the keywords as tags.
  await expect(library.row('1810.04805')).toContainText('BERT: Pre-training of Deep Bidirectional Transformers');
  await expect(library.row('1810.04805')).toContainText('Jörg Müller');
  await expect(library.row('1810.04805').getByRole('button', { name: 'Remove tag to-read', exact: true })).toBeAttached();

  await library.importBibtex('refs.bib', BIB);
  await expect(library.importOutcome.locator('.import-report > p').first()).toHaveText(
    'refs.bib: 0 added, 0 updated, 2 unchanged, 2 skipped',
  );
  await expect(library.rows).toHaveCount(2);

  // Not BibTeX at all: nothing to add, said plainly.
  await library.importBibtex('notes.txt', 'just some text { with } braces');
  await expect(library.importOutcome.locator('.import-report > p').first()).toHaveText('notes.txt: 0 added, 0 updated, 0 unchanged');
});
