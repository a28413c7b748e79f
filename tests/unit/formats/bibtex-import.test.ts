import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assignCitationKeys, keywordForTag, normalizeNotes, toBibtex, type BibtexOptions } from '@/lib/formats/bibtex';
import { parseBibtexForImport } from '@/lib/formats/bibtex-import';
import { nastyPapers } from '../support/nasty-papers';

// Entries as each source exports them (shapes copied from their export formats).
const ARXIV = `@misc{vaswani2023attentionneed,
      title={Attention Is All You Need}, 
      author={Ashish Vaswani and Noam Shazeer and Lukasz Kaiser},
      year={2023},
      eprint={1706.03762},
      archivePrefix={arXiv},
      primaryClass={cs.CL},
      url={https://arxiv.org/abs/1706.03762}, 
}`;

const GOOGLE_SCHOLAR = `@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Kaiser, {\\L}ukasz},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}`;

const ZOTERO_BETTER_BIBLATEX = `@online{devlinBERTPretrainingDeep2019,
  title = {{{BERT}}: {{Pre-training}} of {{Deep Bidirectional Transformers}} for {{Language Understanding}}},
  shorttitle = {{{BERT}}},
  author = {Devlin, Jacob and Chang, Ming-Wei and M{\\"u}ller, J{\\"o}rg},
  date = {2019-05-24},
  eprint = {1810.04805},
  eprinttype = {arXiv},
  eprintclass = {cs},
  doi = {10.48550/arXiv.1810.04805},
  url = {http://arxiv.org/abs/1810.04805},
  abstract = {We introduce a new language representation model called {BERT}.},
  keywords = {Computer Science - Computation and Language,nlp},
  annotation = {First paragraph.

Second paragraph with 50\\% and \\emph{emphasis}.}
}`;

const ZOTERO_BIBTEX = `@misc{devlin_bert_2019,
	title = {{BERT}: {Pre}-training of {Deep} {Bidirectional} {Transformers}},
	url = {http://arxiv.org/abs/1810.04805},
	doi = {10.48550/arXiv.1810.04805},
	author = {Devlin, Jacob},
	month = may,
	year = {2019},
	note = {arXiv:1810.04805 [cs]},
}`;

const importOne = (text: string) => {
  const result = parseBibtexForImport(text);
  expect(result.skipped).toEqual([]);
  expect(result.papers).toHaveLength(1);
  return result.papers[0]!;
};

describe('BibTeX import', () => {
  it.each<[string, BibtexOptions]>([
    ['BibTeX, UTF-8', {}],
    ['BibTeX, ASCII', { asciiOnly: true }],
    ['biblatex', { flavour: 'biblatex' }],
  ])(
    'gets back exactly what PaperShelf exported, for the nasty corpus (%s)',
    (_name, options) => {
      const papers = nastyPapers();
      const keys = assignCitationKeys(papers);
      const result = parseBibtexForImport(toBibtex(papers, { ...options, keys }));
      expect(result.skipped).toEqual([]);
      expect(result.papers).toHaveLength(papers.length);
      for (const p of papers) {
        const got = result.papers.find((imported) => imported.metadata.id === p.id);
        expect(got, p.id).toBeDefined();
        expect(got!.metadata.title, p.id).toBe(p.title);
        expect(got!.metadata.authors, p.id).toEqual(p.authors);
        // Notes keep their lines; only spaces within a line are TeX's to collapse.
        expect(got!.notes ?? '', p.id).toBe(normalizeNotes(p.notes));
        expect([...(got!.tags ?? [])].sort(), p.id).toEqual([...new Set(p.tags.map(keywordForTag))].sort());
        expect(got!.citationKey).toBe(keys.get(p.id));
        expect(got!.metadata.primaryCategory).toBe(p.primaryCategory);
        expect(got!.metadata.links.code).toEqual(p.links.code);
        // BibTeX's year + month cannot carry the day, so only biblatex's `date` brings the date back.
        expect(got!.metadata.published).toBe(options.flavour === 'biblatex' ? p.published : undefined);
      }
    },
    60_000,
  );

  it('reads arXiv’s own export', () => {
    expect(importOne(ARXIV)).toEqual({
      metadata: {
        id: '1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Lukasz Kaiser'],
        primaryCategory: 'cs.CL',
        links: { code: [] },
      },
      citationKey: 'vaswani2023attentionneed',
    });
  });

  it('reads Google Scholar’s `journal = {arXiv preprint arXiv:…}` and decodes LaTeX accents', () => {
    const imported = importOne(GOOGLE_SCHOLAR);
    expect(imported.metadata.id).toBe('1706.03762');
    expect(imported.metadata.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Łukasz Kaiser']);
    expect(imported.metadata.title).toBe('Attention is all you need');
  });

  it('reads Zotero’s Better BibLaTeX: eprinttype, date, abstract, keywords, annotation paragraphs', () => {
    const imported = importOne(ZOTERO_BETTER_BIBLATEX);
    expect(imported.metadata).toMatchObject({
      id: '1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Jörg Müller'],
      published: '2019-05-24',
      primaryCategory: 'cs',
      abstract: 'We introduce a new language representation model called BERT.',
    });
    expect(imported.tags).toEqual(['Computer Science - Computation and Language', 'nlp']);
    expect(imported.notes).toBe('First paragraph.\n\nSecond paragraph with 50% and <i>emphasis</i>.');
  });

  it('reads Zotero’s plain BibTeX export, where the id is only in url, doi and note', () => {
    expect(importOne(ZOTERO_BIBTEX).metadata).toMatchObject({
      id: '1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      authors: ['Jacob Devlin'],
    });
  });

  it.each([
    ['a PDF URL with a version', 'url = {https://arxiv.org/pdf/2401.12345v2.pdf}', '2401.12345'],
    ['an old-style abs URL', 'url = {http://arxiv.org/abs/hep-th/9901001v2}', 'hep-th/9901001'],
    ['a DataCite DOI', 'doi = {10.48550/ARXIV.2401.12345}', '2401.12345'],
    ['an eprint with prefix and version', 'eprint = {arXiv:2401.12345v3}', '2401.12345'],
    ['an old-style eprint with subject class', 'eprint = {math.GT/0309136}, archivePrefix = {arXiv}', 'math/0309136'],
  ])('finds the arXiv id in %s', (_name, field, id) => {
    expect(importOne(`@misc{x, title = {T}, ${field}}`).metadata.id).toBe(id);
  });

  it('keeps title math as TeX, like the titles saved from arXiv pages', () => {
    const imported = importOne('@misc{x, title = {$\\alpha$-Stable {GANs} in $O(n^2)$ Time}, eprint = {2401.12345}}');
    expect(imported.metadata.title).toBe('$\\alpha$-Stable GANs in $O(n^2)$ Time');
    // Math inside a larger brace group cannot be cut out: the parser's Unicode reading is kept.
    expect(importOne('@misc{x, title = {{$\\alpha$ Stable} Laws}, eprint = {2401.12345}}').metadata.title).toBe('α Stable Laws');
  });

  it('skips, with a reason, what it cannot import, and imports the rest', () => {
    const result = parseBibtexForImport(`
@article{knuth1984, title = {Literate Programming}, journal = {The Computer Journal}, year = 1984}
@misc{hal, title = {On HAL}, eprint = {hal-01234567}, archivePrefix = {HAL}}
@misc{notitle, eprint = {2401.00002}, archivePrefix = {arXiv}}
@misc{good, title = {Good}, eprint = {2401.00001}, archivePrefix = {arXiv}}
@misc{again, title = {Good Again}, url = {https://arxiv.org/abs/2401.00001v2}}
@string{venue = "arXiv"}
@comment{ignored}
@misc{broken, title = {Unclosed, eprint = {2401.00003}
`);
    expect(result.papers.map((p) => p.citationKey)).toEqual(['good']);
    expect(result.skipped).toEqual([
      { key: 'broken', reason: expect.stringMatching(/^could not be read: /) },
      { key: 'knuth1984', reason: 'no arXiv id (eprint, journal, url or doi)' },
      { key: 'hal', reason: 'no arXiv id (eprint, journal, url or doi)' },
      { key: 'notitle', reason: expect.stringMatching(/^title: /) },
      { key: 'again', reason: 'same arXiv id (2401.00001) as "good"' },
    ]);
  });

  it('drops what the schema would reject instead of the whole paper: bad keys, tags, links', () => {
    const imported = importOne(
      `@misc{müller2024, title = {T}, eprint = {2401.12345}, code = {https://github.com/a/b ftp://x.org javascript:alert(1)}, keywords = {ok, ${'x'.repeat(101)}}}`,
    );
    expect(imported.citationKey).toBeUndefined();
    expect(imported.metadata.links.code).toEqual(['https://github.com/a/b']);
    expect(imported.tags).toEqual(['ok']);
  });

  it('finds the arXiv id in DBLP’s CoRR form, Mendeley’s arxivId, and an eprint with a prefix, a version or a class', () => {
    const { papers, skipped } = parseBibtexForImport(`
@article{DBLP:journals/corr/abs-1104-5069, author = {Ada Lovelace}, title = {A CoRR Paper}, journal = {CoRR}, volume = {abs/1104.5069}, year = {2011}}
@article{mendeley, author = {Grace Hopper}, title = {From Mendeley}, arxivId = {arXiv:hep-ph/0405236}, year = 2004}
@misc{prefixed, title = {Prefixed}, eprint = {arXiv:2401.00001v3}}
@misc{classed, title = {With a class}, eprint = {2401.00002 [cs.LG]}, archivePrefix = {arXiv}}
@article{other, title = {Not on arXiv}, journal = {CoRR}, volume = {12}}`);
    expect(papers.map((paper) => paper.metadata.id)).toEqual(['1104.5069', 'hep-ph/0405236', '2401.00001', '2401.00002']);
    expect(skipped).toEqual([{ key: 'other', reason: expect.stringMatching(/arXiv/) }]);
  });

  it('reads entries that use an @string their file does not define: common ones resolved, the rest kept as written', () => {
    const { papers, skipped } = parseBibtexForImport(`
@article{a, title = {Uses PRL}, author = {A. Author}, journal = prl, eprint = {2401.00003}, year = 2024, month = sept}
@article{b, title = {Uses its own}, author = {B. Author}, journal = myjournal, eprint = {2401.00004}, year = 2024}`);
    expect(skipped).toEqual([]);
    expect(papers.map((paper) => paper.metadata.id)).toEqual(['2401.00003', '2401.00004']);
  });

  it('reads what an entry inherits through crossref, even from an entry that is not a paper itself', () => {
    const { papers, skipped } = parseBibtexForImport(`
@proceedings{conf, title = {Proceedings of {ML} 2024}, year = {2024}, month = jun, day = {3}, eprint = {2406.00001}}
@inproceedings{child, crossref = {CONF}, author = {A. B}}
@book{series, title = {A Series}, date = {2023-01-02}, note = {arXiv:2301.00001}, publisher = {P}}
@incollection{chapter, crossref = {series}, title = {A Chapter}, author = {C. D}}`);
    expect(papers.map(({ metadata: { id, title, published } }) => ({ id, title, published }))).toEqual([
      { id: '2406.00001', title: 'Proceedings of ML 2024', published: '2024-06-03' },
      { id: '2301.00001', title: 'A Series', published: '2023-01-02' },
    ]);
    // The child inherits the parent's id as well as its title, so it is the same paper.
    expect(skipped).toEqual([
      { key: 'child', reason: 'same arXiv id (2406.00001) as "conf"' },
      { key: 'chapter', reason: 'same arXiv id (2301.00001) as "series"' },
    ]);
  });

  it('reads titles as the parser does: one pair of braces around it all dropped, spaces collapsed, math kept', () => {
    const titles = [
      '{{Attention Is All}}',
      '{ {X} }',
      '{{$\\alpha$-Stable}}',
      '{$a  \\alpha \\beta$ and\n   x}',
      '"Quoted {X} 50\\% title"',
      '{  spaced  }',
    ];
    const { papers } = parseBibtexForImport(
      titles.map((title, i) => `@misc{t${i}, title = ${title}, eprint = {2401.0000${i}}}`).join('\n'),
    );
    expect(papers.map((paper) => paper.metadata.title)).toEqual([
      'Attention Is All',
      'X',
      '$\\alpha$-Stable',
      '$a \\alpha \\beta$ and x',
      'Quoted X 50% title',
      'spaced',
    ]);
  });

  it('returns nothing, without throwing, for text that is not BibTeX', () => {
    expect(parseBibtexForImport('')).toEqual({ papers: [], skipped: [] });
    expect(parseBibtexForImport('just some text { with } braces').papers).toEqual([]);
  });
});

describe('the BibTeX parser dependency', () => {
  // The import runs in the extension page: the parser must bundle for a browser, with no Node built-ins.
  // esbuild (WXT's bundler) runs in a child process: it refuses to run under jsdom's TextEncoder.
  it('bundles for the browser without Node built-ins', () => {
    const script = `
      import { build } from 'esbuild';
      const result = await build({
        stdin: { contents: "export { parse } from '@retorquere/bibtex-parser';", resolveDir: process.cwd() },
        bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent',
      });
      console.log(JSON.stringify(Object.keys(result.metafile.inputs)));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const inputs: string[] = JSON.parse(output);
    expect(inputs.some((path) => path.includes('@retorquere/bibtex-parser'))).toBe(true);
    // A Node built-in would fail the build, or appear as `(disabled):` if a package maps it away.
    expect(inputs.filter((path) => /^(node:|\(disabled\))/.test(path))).toEqual([]);
  }, 30_000);
});
