import { describe, expect, it } from 'vitest';
import { arxiv, isoDate } from '@/lib/sites/arxiv/adapter';
// The generator the end-to-end scale test and the benchmark use.
import { arxivNewListing } from '../../../support/generate-listing.mjs';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const listUrl = new URL('https://arxiv.org/list/cs.LG/new');

const dt = (id: string, extra = '') =>
  `<dt><a name='item1'>[1]</a> <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>${extra}</dt>`;
const dd = (title: string, rest = '') =>
  `<dd><div class='meta'><div class='list-title mathjax'><span class='descriptor'>Title:</span> ${title}</div>${rest}</div></dd>`;

describe('arxiv listings', () => {
  // jsdom is slow to parse long pages: a 300-entry page shows the shape, the 2000-entry one is the
  // end-to-end scale test's, in real Chromium. Each page is parsed once and shared (extract only reads it).
  const listings = new Map<number, Document>();
  const listing = (count: number) => listings.get(count) ?? listings.set(count, parse(arxivNewListing(count))).get(count)!;
  const SLOW = 60_000;

  it(
    'reads a long /new listing, replacements included',
    () => {
      const entries = arxiv.extract(listUrl, listing(300));
      expect(entries).toHaveLength(300);
      expect(entries[0]!.read()).toMatchObject({
        id: '2609.10000',
        published: '2026-09-28',
        links: { code: ['https://github.com/example/repo-1'] },
      });
      // The last tenth are replacements of earlier papers: same ids again, no announcement day of their own.
      expect(entries[270]!.read().id).toBe('2609.10000');
      expect(entries[270]!.read().published).toBeUndefined();
    },
    SLOW,
  );

  it(
    'queries the whole document a fixed number of times, however long the listing',
    () => {
      const documentQueries = (count: number) => {
        const doc = listing(count);
        let calls = 0;
        const methods = ['querySelector', 'querySelectorAll', 'getElementsByTagName', 'getElementsByClassName', 'getElementById'] as const;
        for (const method of methods) {
          const original = doc[method].bind(doc) as (...args: unknown[]) => unknown;
          Object.defineProperty(doc, method, { configurable: true, value: (...args: unknown[]) => (calls++, original(...args)) });
        }
        expect(arxiv.extract(listUrl, doc)).toHaveLength(count);
        for (const method of methods) delete (doc as unknown as Record<string, unknown>)[method];
        return calls;
      };
      expect(documentQueries(300)).toBe(documentQueries(20));
    },
    SLOW,
  );

  it('reads MathJax-typeset titles back as their TeX source', () => {
    const typeset =
      'Scaling <span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame">' +
      '<nobr><span class="math"><span class="mi">α</span></span></nobr><span class="MJX_Assistive_MathML"><math><mi>α</mi></math></span>' +
      '</span><script type="math/tex" id="MathJax-Element-1">\\alpha</script>-stable attention';
    const doc = parse(`<div id='dlpage'><dl id='articles'>${dt('2609.00001')}${dd(typeset)}</dl></div>`);
    expect(arxiv.extract(listUrl, doc).map((found) => found.read().title)).toEqual(['Scaling $\\alpha$-stable attention']);
  });

  it('takes the section heading before the dl when it is not inside (older listing markup)', () => {
    const doc = parse(`<div id='dlpage'><h3>Fri, 25 Sep 2026 (showing 1 of 1 entries)</h3><dl>${dt('2609.00001')}${dd('A')}</dl></div>`);
    expect(arxiv.extract(new URL('https://arxiv.org/list/cs.LG/recent'), doc)[0]!.read().published).toBe('2026-09-25');
  });

  it('marks a paper "(replaced)" without a publication day even outside a replacement section', () => {
    const doc = parse(
      `<h3>Showing new listings for Monday, 28 September 2026</h3><div id='dlpage'><dl>${dt('2609.00001', ' (replaced)')}${dd('A')}${dt('2609.00002')}${dd('B')}</dl></div>`,
    );
    expect(arxiv.extract(listUrl, doc).map((found) => found.read().published)).toEqual([undefined, '2026-09-28']);
  });

  it('skips entries without an id or a dd; one without a title fails alone when read', () => {
    const doc = parse(
      `<div id='dlpage'><dl>${dt('2609.00001')}${dd('')}<dt><a name='item2'>[2]</a></dt>${dd('No link')}${dt('2609.00003')}${dt('2609.00004')}${dd('Kept')}</dl></div>`,
    );
    const entries = arxiv.extract(listUrl, doc);
    expect(entries.map((found) => found.id)).toEqual(['2609.00001', '2609.00004']);
    expect(() => entries[0]!.read()).toThrow("the page's entry for 2609.00001 is incomplete (it shows no title)");
    expect(entries[1]!.read()).toMatchObject({ id: '2609.00004', title: 'Kept' });
  });

  it('drops an empty author link without losing the entry', () => {
    const doc = parse(
      `<dl id='articles'>${dt('2609.00001')}${dd('A', "<div class='list-authors'><a href='/a/x'> </a>, <a href='/a/y'>Ada Lovelace</a></div>")}</dl>`,
    );
    expect(arxiv.extract(listUrl, doc).map((found) => found.read().authors)).toEqual([['Ada Lovelace']]);
  });

  it('ignores a primary subject that is not a category', () => {
    const doc = parse(`<dl id='articles'>${dt('2609.00001')}${dd('A', '<span class="primary-subject">Machine Learning</span>')}</dl>`);
    expect(arxiv.extract(listUrl, doc)[0]!.read().primaryCategory).toBeUndefined();
  });
});

describe('arxiv pages without papers', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', '<p>No updates today.</p>'],
    ['https://arxiv.org/search/?query=zzz&searchtype=all', '<p>Sorry, your query returned no results</p>'],
    ['https://arxiv.org/abs/2609.00001', '<p>Article identifier not recognized</p>'],
    ['https://arxiv.org/help', '<dl id="articles"><dt><a href="/abs/2609.00001">x</a></dt><dd>y</dd></dl>'],
  ])('%s -> no entries, no error', (href, body) => expect(arxiv.extract(new URL(href), parse(body))).toEqual([]));
});

describe('isoDate', () => {
  it.each([
    ['Showing new listings for Monday, 28 September 2026', '2026-09-28'],
    ['Mon, 28 Sep 2026 (showing 2 of 2 entries )', '2026-09-28'],
    ['Submitted 2 September, 2026; originally announced', '2026-09-02'],
    ['[Submitted on 17 Jun 2021 (v1), last revised 20 Oct 2021 (this version, v2)]', '2021-06-17'],
    ['4 Sept 2026', '2026-09-04'],
    ['New submissions (showing 2 of 2 entries)', undefined],
    ['28 Septober 2026', undefined],
    ['32 September 2026', undefined],
  ])('%j -> %s', (text, iso) => expect(isoDate(text)).toBe(iso));
});

describe('arxiv listing with a limit (issue #10)', () => {
  it('stops its walk at the limit, keeping page order', () => {
    const doc = parse(arxivNewListing(50));
    const all = arxiv.extract(listUrl, doc).map((entry) => entry.id);
    expect(arxiv.extract(listUrl, doc, 7).map((entry) => entry.id)).toEqual(all.slice(0, 7));
  });
});
