import { PaperMetadata } from '@/lib/model/paper';
import type { PaperEntry } from '@/lib/sites/types';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites/registry';

/** What the worker stores from an entry: the content script sends it as read, the worker parses it. */
const stored = (found: PaperEntry) => PaperMetadata.parse(found.read());

// Real pages (and arXiv's own templates rendered) kept beside the repository, not in it: see
// ../shared/fixtures/real/README.md. In CI the repository is cloned elsewhere with `shared/` beside it.
const REAL = resolve(process.cwd(), '../shared/fixtures/real');
const available = existsSync(REAL);
const read = (path: string) => readFileSync(join(REAL, path), 'utf8');

function extract(href: string, html: string) {
  const url = new URL(href);
  const match = adapterFor(url);
  if (!match) throw new Error(`no adapter for ${href}`);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { pageType: match.pageType, entries: match.adapter.extract(url, doc), doc };
}

type Expected = { id: string; title: string; githubRepo: string | null }[];

const papers = [
  {
    id: '2106.09608',
    title: 'Learning Knowledge Graph-based World Models of Textual Environments',
    authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
    primaryCategory: 'cs.LG',
  },
  {
    id: '2609.31620',
    title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
    authors: ['Hongyang Du', 'Yunfei Xie', 'Junjie Ye'],
    primaryCategory: 'cs.CV',
  },
  {
    id: '2609.18703',
    title: 'RayOrch: Programming and Executing Lineage-Controlled Multi-Grain Dataflows',
    authors: ['Xiaochen Ma', 'Zimo Meng'],
    primaryCategory: 'cs.DC',
  },
];

describe.skipIf(!available)('real captures', () => {
  describe('Hugging Face daily papers, 2026-09-28', () => {
    // Parsed once for the whole block: the capture is 435 kB.
    let memo: (ReturnType<typeof extract> & { expected: Expected }) | undefined;
    const capture = () =>
      (memo ??= {
        ...extract('https://huggingface.co/papers', read('huggingface/papers-2026-09-28.html')),
        expected: JSON.parse(read('huggingface/papers-2026-09-28.expected.json')) as Expected,
      });

    it('finds all 28 papers with their ids and titles, in page order', () => {
      const { pageType, entries, expected } = capture();
      expect(pageType).toBe('daily');
      expect(entries.map((found) => [stored(found).id, stored(found).title])).toEqual(expected.map(({ id, title }) => [id, title]));
    });

    it('links the GitHub repository the site names, and nothing else, as code', () => {
      const { entries, expected } = capture();
      expect(entries.map((found) => stored(found).links.code)).toEqual(expected.map(({ githubRepo }) => (githubRepo ? [githubRepo] : [])));
    });

    it('reads authors, abstract, publication day and the Hugging Face link from the props', () => {
      const first = stored(capture().entries[0]!);
      expect(first.authors.slice(0, 3)).toEqual(['Hongyang Du', 'Yunfei Xie', 'Junjie Ye']);
      expect(first.authors).toHaveLength(16);
      expect(first.abstract).toMatch(/^Representation autoencoders \(RAEs\) reuse features/);
      expect(first.published).toBe('2026-09-25');
      expect(first.links.huggingface).toBe('https://huggingface.co/papers/2609.31620');
      expect(first.links.projectPage).toBe('https://hongyang-du.github.io/FuseReg/');
    });

    it("decodes author names the props escape twice (D'Mello, O'Connell)", () => {
      const authors = capture().entries.flatMap((found) => stored(found).authors);
      expect(authors).toContain("Christopher D'Mello");
      expect(authors).toContain("Meghan O'Connell");
      expect(authors.filter((name) => /&#?\w+;/.test(name))).toEqual([]);
    });

    it('still finds every card, by its title link, when the props hold none of them (cards rendered after load)', () => {
      const doc = new DOMParser().parseFromString(read('huggingface/papers-2026-09-28.html'), 'text/html');
      doc.querySelector('[data-target="DailyPapers"]')!.setAttribute('data-props', '{"dailyPapers":[]}');
      const url = new URL('https://huggingface.co/papers');
      const entries = adapterFor(url)!.adapter.extract(url, doc);
      expect(entries.map((found) => [stored(found).id, stored(found).title])).toEqual(
        capture().expected.map(({ id, title }) => [id, title]),
      );
    });

    it('puts each control right after its card title', () => {
      const { entries, doc } = capture();
      expect(entries.every(({ anchor, placement }) => anchor.localName === 'h3' && placement === 'afterend' && doc.contains(anchor))).toBe(
        true,
      );
      expect(new Set(entries.map(({ anchor }) => anchor)).size).toBe(28);
    });
  });

  describe('arXiv listings rendered from arxiv-browse templates', () => {
    it('/new: every section, the announcement day, abstracts and the code link in an abstract', () => {
      const { pageType, entries } = extract('https://arxiv.org/list/cs.LG/new', read('arxiv/list-new.rendered-from-template.html'));
      expect(pageType).toBe('list');
      expect(entries.map((found) => stored(found))).toMatchObject(papers.map((paper) => ({ ...paper, published: '2026-09-28' })));
      expect(stored(entries[0]!).abstract).toMatch(/^World models improve a learning agent's ability/);
      expect(stored(entries[0]!).links.code).toEqual(['https://github.com/example/repo']);
      expect(entries.every(({ anchor, placement }) => anchor.localName === 'dt' && placement === 'beforeend')).toBe(true);
    });

    it('/recent: the day of each section, no abstracts', () => {
      const { pageType, entries } = extract('https://arxiv.org/list/cs.LG/recent', read('arxiv/list-recent.rendered-from-template.html'));
      expect(pageType).toBe('list');
      expect(entries.map((found) => stored(found))).toMatchObject(papers);
      expect(entries.map((found) => stored(found).published)).toEqual(['2026-09-28', '2026-09-28', '2026-09-25']);
      expect(entries.map((found) => stored(found).abstract)).toEqual([undefined, undefined, undefined]);
    });
  });

  it('arXiv abstract page (2021 body slice): title, authors, abstract, category, first-version day', () => {
    const html = `<!DOCTYPE html><html><head><title>[2106.09608]</title></head><body>${read('arxiv/abs-2106.09608-2021-body-slice.html')}</body></html>`;
    const { pageType, entries } = extract('https://arxiv.org/abs/2106.09608', html);
    expect(pageType).toBe('abs');
    expect(entries).toHaveLength(1);
    const [only] = entries as [(typeof entries)[number]];
    const { anchor, placement } = only;
    const paper = stored(only);
    expect(paper).toMatchObject({ ...papers[0], published: '2021-06-17', links: { code: [] } });
    expect(paper.abstract).toMatch(
      /^World models improve a learning agent's ability to efficiently operate in interactive and situated environments\. This work/,
    );
    expect(paper.abstract).toMatch(/contributions\.$/);
    expect(anchor.matches('h1.title')).toBe(true);
    expect(placement).toBe('afterend');
  });

  it('arXiv abstract page head (2023): the first-version day comes from citation_date', () => {
    // The capture is only the head: a minimal #abs body gives the adapter its title to anchor to.
    const body =
      '<body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>Crowdsourcing open citations</h1></div></body>';
    const head = read('arxiv/abs-1902.02534-2023-head.html').replace('</head>', `</head>${body}`);
    const { entries } = extract('https://arxiv.org/abs/1902.02534v2', head);
    expect(entries.map((found) => [stored(found).id, stored(found).published])).toEqual([['1902.02534', '2019-02-07']]);
  });
});

if (!available) it.skip(`real captures not found at ${REAL} (expected beside the repository): these checks did not run`, () => {});
