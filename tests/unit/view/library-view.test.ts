import { describe, expect, it } from 'vitest';
import { firstRowsIndex, unfilteredIndexOrder } from '@/lib/view/index-orders';
import {
  DEFAULT_VIEW,
  filterPapers,
  foldForSearch,
  isFiltered,
  PaperSearch,
  parseViewChoices,
  queryWords,
  SearchIndex,
  sortPapers,
  tagCounts,
} from '@/lib/view/library-view';
import { Paper } from '@/lib/model/paper';
import { paper as storedPaper, resetClock } from '../support/factory';
import { syntheticPapers } from '../../support/synthetic-papers.mjs';

const paper = (fields: Partial<Paper> & Pick<Paper, 'id' | 'title'>): Paper => storedPaper({ authors: [], ...fields });

const library = () => {
  resetClock();
  return [
    paper({
      id: '2401.00001',
      title: 'Attention Is All You Need',
      authors: ['Łukasz Kaiser'],
      published: '2017-06-12',
      tags: ['transformers'],
      links: { code: ['https://github.com/a/b'] },
    }),
    paper({ id: '2401.00002', title: 'Über Résumés', authors: ['Jürgen Müller'], abstract: 'Naïve façades in Ærø.', status: 'read' }),
    paper({
      id: '2401.00003',
      title: 'diffusion models beat GANs',
      published: '2021-05-11',
      notes: 'Compare with Straße paper',
      tags: ['diffusion', 'to read'],
      status: 'reading',
    }),
    paper({ id: '2401.00004', title: 'Zebra Scaling', published: '2021-05-11', tags: ['to read'] }),
  ];
};

describe('foldForSearch', () => {
  it('drops case, accents and ligatures, and spells letters without a decomposition as typed', () => {
    expect(foldForSearch('Müller')).toBe('muller');
    expect(foldForSearch('Łódź')).toBe('lodz');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('Ærø')).toBe('aero');
    expect(foldForSearch('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldForSearch('ﬁne-tuning')).toBe('fine-tuning');
    // Already decomposed input (a combining diaeresis) folds the same way.
    expect(foldForSearch('Mu\u0308ller')).toBe('muller');
  });

  it('keeps scripts without accents as they are, lower-cased', () => {
    expect(foldForSearch('大规模 Ελληνικά')).toBe('大规模 ελληνικα');
    expect(foldForSearch('Plain ASCII')).toBe('plain ascii');
  });

  it('splits a query into folded words', () => {
    expect(queryWords('  Müller   ATTENTION ')).toEqual(['muller', 'attention']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('PaperSearch', () => {
  const titles = (papers: Paper[]) => papers.map((p) => p.title);

  it('matches title, authors, abstract, notes and tags, ignoring case and accents', () => {
    const search = new PaperSearch();
    const papers = library();
    expect(titles(search.search(papers, 'muller').papers)).toEqual(['Über Résumés']);
    expect(titles(search.search(papers, 'lukasz').papers)).toEqual(['Attention Is All You Need']);
    expect(titles(search.search(papers, 'aero facades').papers)).toEqual(['Über Résumés']);
    expect(titles(search.search(papers, 'strasse').papers)).toEqual(['diffusion models beat GANs']);
    expect(titles(search.search(papers, 'TO READ').papers)).toEqual(['diffusion models beat GANs', 'Zebra Scaling']);
    expect(titles(search.search(papers, 'uber resumes').papers)).toEqual(['Über Résumés']);
  });

  it('needs every word, in any order, and keeps the order it was given', () => {
    const search = new PaperSearch();
    const papers = library().reverse();
    expect(titles(search.search(papers, 'read zebra').papers)).toEqual(['Zebra Scaling']);
    expect(titles(search.search(papers, 'read').papers)).toEqual(['Zebra Scaling', 'diffusion models beat GANs']);
    expect(search.search(papers, '').papers).toBe(papers);
  });

  it('narrows the previous matches as the query grows, and widens again when it shrinks or changes', () => {
    const search = new PaperSearch();
    const papers = library();
    expect(search.search(papers, 'a').papers).toHaveLength(4);
    expect(titles(search.search(papers, 'at').papers)).toEqual(['Attention Is All You Need', 'diffusion models beat GANs']);
    expect(titles(search.search(papers, 'att').papers)).toEqual(['Attention Is All You Need']);
    expect(titles(search.search(papers, 'at').papers)).toEqual(['Attention Is All You Need', 'diffusion models beat GANs']);
    expect(titles(search.search(papers, 'zebra').papers)).toEqual(['Zebra Scaling']);
    // A new list (the library changed) is searched whole, even for a refining query.
    const changed = [...papers, paper({ id: '2401.00009', title: 'Zebra Attention' })];
    expect(titles(search.search(changed, 'zebra a').papers)).toEqual(['Zebra Scaling', 'Zebra Attention']);
  });

  it('sees a paper’s new notes once its updatedAt changes', () => {
    const index = new SearchIndex();
    const search = new PaperSearch(index);
    const papers = library();
    expect(search.search(papers, 'sparrow').papers).toEqual([]);
    const edited = papers.map((p) => (p.id === '2401.00004' ? { ...p, notes: 'Sparrow', updatedAt: p.updatedAt + 1 } : p));
    expect(titles(search.search(edited, 'sparrow').papers)).toEqual(['Zebra Scaling']);
  });

  it('sees authors and an abstract a lookup filled in, which leaves updatedAt alone', () => {
    const search = new PaperSearch(new SearchIndex());
    const papers = library();
    expect(search.search(papers, 'hopper').papers).toEqual([]);
    const completed = papers.map((p) =>
      p.id === '2401.00004' ? { ...p, authors: [...p.authors, 'Grace Hopper'], lookup: { arxivCheckedAt: 9, changedAt: 9 } } : p,
    );
    expect(titles(search.search(completed, 'hopper').papers)).toEqual(['Zebra Scaling']);
  });

  it('pauses when asked, with the top of the answer found so far, and goes on to the whole answer', () => {
    const papers = syntheticPapers(2_000) as Paper[];
    const whole = new PaperSearch().search(papers, 'muller scal').papers;
    expect(whole.length).toBeGreaterThan(10);
    const search = new PaperSearch(new SearchIndex(), 100);
    let progress = search.search(papers, 'muller scal', () => true);
    expect(progress.complete).toBe(false);
    let slices = 1;
    while (!progress.complete) {
      // Each pause shows a prefix of the final answer, in its order: the rows on screen are already right.
      expect(whole.slice(0, progress.papers.length)).toEqual(progress.papers);
      progress = search.resume(() => true);
      slices++;
    }
    expect(progress.papers).toEqual(whole);
    expect(slices).toBe(20);
  });

  it('narrows a paused search: what it found is checked again, and what it had not reached is still scanned', () => {
    const papers = syntheticPapers(2_000) as Paper[];
    const search = new PaperSearch(new SearchIndex(), 100);
    let checks = 0;
    const pauseAfterFive = () => ++checks % 5 === 0;
    expect(search.search(papers, 'mul', pauseAfterFive).complete).toBe(false);
    // Narrowing: a second letter, then a word; each starts from where the last one stood.
    search.resume(pauseAfterFive);
    expect(search.search(papers, 'mull', pauseAfterFive).complete).toBe(false);
    let progress = search.search(papers, 'muller scal', pauseAfterFive);
    while (!progress.complete) progress = search.resume(pauseAfterFive);
    expect(progress.papers).toEqual(new PaperSearch().search(papers, 'muller scal').papers);
    // A query that does not narrow starts over.
    progress = search.search(papers, 'zzz', () => true);
    while (!progress.complete) progress = search.resume(() => true);
    expect(progress.papers).toEqual([]);
    expect(() => new PaperSearch().resume()).toThrow(/no search/);
  });

  // How fast is `npm run bench`'s business (the popup at 10,000 papers: keystroke to next frame); this is what it finds.
  it('narrows 10,000 papers letter by letter to exactly the papers that match', () => {
    const papers = syntheticPapers(10_000) as Paper[];
    const index = new SearchIndex();
    index.prepare(papers);
    const search = new PaperSearch(index);
    let matches: Paper[] = papers;
    for (const query of ['m', 'mu', 'mul', 'mull', 'mulle', 'muller', 'muller l', 'muller li', 'muller lin']) {
      const narrowed = search.search(papers, query).papers;
      // A query that refines the last one searches its result: nothing outside it may come back.
      expect(narrowed.every((p) => matches.includes(p))).toBe(true);
      matches = narrowed;
    }
    expect(matches.length).toBeGreaterThan(0);
    expect(matches).toEqual(
      papers.filter((p) =>
        ['muller', 'lin'].every((word) =>
          foldForSearch(`${p.title} ${p.authors.join(' ')} ${p.abstract ?? ''} ${p.notes} ${p.tags.join(' ')}`).includes(word),
        ),
      ),
    );
  });
});

describe('sortPapers', () => {
  const ids = (papers: Paper[]) => papers.map((p) => p.id.slice(-1));
  it('sorts by time saved, newest first', () => {
    expect(ids(sortPapers(library(), 'saved'))).toEqual(['4', '3', '2', '1']);
  });
  it('sorts by publication date, newest first, ties by time saved, undated last', () => {
    expect(ids(sortPapers(library(), 'published'))).toEqual(['4', '3', '1', '2']);
  });
  it('sorts by title, ignoring case and accents', () => {
    expect(ids(sortPapers(library(), 'title'))).toEqual(['1', '3', '2', '4']);
  });
  it('leaves its input alone', () => {
    const papers = library();
    sortPapers(papers, 'title');
    expect(ids(papers)).toEqual(['1', '2', '3', '4']);
  });
});

describe('filterPapers', () => {
  const ids = (papers: Paper[]) => papers.map((p) => p.id.slice(-1));
  it('filters by read status, tag and code, all at once', () => {
    expect(ids(filterPapers(library(), { status: 'read', tag: null, hasCode: false, newCode: false }))).toEqual(['2']);
    expect(ids(filterPapers(library(), { status: 'all', tag: 'to read', hasCode: false, newCode: false }))).toEqual(['3', '4']);
    expect(ids(filterPapers(library(), { status: 'unread', tag: 'to read', hasCode: false, newCode: false }))).toEqual(['4']);
    expect(ids(filterPapers(library(), { status: 'all', tag: null, hasCode: true, newCode: false }))).toEqual(['1']);
  });
  it('returns the same list when nothing filters', () => {
    const papers = library();
    expect(filterPapers(papers, DEFAULT_VIEW)).toBe(papers);
  });
});

describe('view choices', () => {
  it('reads stored choices and falls back field by field', () => {
    expect(parseViewChoices(undefined)).toEqual(DEFAULT_VIEW);
    expect(parseViewChoices('garbage')).toEqual(DEFAULT_VIEW);
    expect(parseViewChoices({ status: 'read', tag: 'rl', hasCode: true, sort: 'title' })).toEqual({
      status: 'read',
      tag: 'rl',
      hasCode: true,
      newCode: false,
      sort: 'title',
    });
    expect(parseViewChoices({ status: 'skimmed', tag: 42, hasCode: 'yes', sort: 'title' })).toEqual({ ...DEFAULT_VIEW, sort: 'title' });
  });
  it('tells when the list is narrowed', () => {
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, sort: 'title' })).toBe(false);
    expect(isFiltered(DEFAULT_VIEW, '  ')).toBe(false);
    expect(isFiltered(DEFAULT_VIEW, 'x')).toBe(true);
    expect(isFiltered({ ...DEFAULT_VIEW, hasCode: true })).toBe(true);
  });
  it('knows which orders an index gives', () => {
    expect(firstRowsIndex('saved')).toBe('savedAt');
    expect(firstRowsIndex('published')).toBe('published');
    expect(firstRowsIndex('title')).toBeNull();
  });
  it.each([
    [undefined, 'savedAt'],
    [DEFAULT_VIEW, 'savedAt'],
    [{ ...DEFAULT_VIEW, sort: 'published' }, 'published'],
    [{ ...DEFAULT_VIEW, sort: 'title' }, null],
    [{ ...DEFAULT_VIEW, status: 'read' }, null],
    [{ ...DEFAULT_VIEW, tag: 'x' }, null],
    [{ ...DEFAULT_VIEW, hasCode: true }, null],
    [{ sort: 'saved' }, null],
    [{ ...DEFAULT_VIEW, sort: 'newest' }, null],
    ['saved', null],
    [null, null],
  ])('tells the first paint whether %j is an unfiltered index order, never where the parse disagrees', (stored, index) => {
    const order = unfilteredIndexOrder(stored);
    expect(order?.index ?? null).toBe(index);
    if (order) {
      const parsed = parseViewChoices(stored);
      expect(isFiltered(parsed)).toBe(false);
      expect(parsed.sort).toBe(order.sort);
    }
  });
});

describe('tagCounts', () => {
  it('counts tags, most used first, then alphabetically', () => {
    expect(tagCounts(library())).toEqual([
      { tag: 'to read', count: 2 },
      { tag: 'diffusion', count: 1 },
      { tag: 'transformers', count: 1 },
    ]);
  });
});

describe('syntheticPapers (the scale tests’ library)', () => {
  it('makes valid, distinct papers, newest saved first', () => {
    const papers = syntheticPapers(2000) as unknown[];
    const parsed = papers.map((raw) => Paper.parse(raw));
    expect(new Set(parsed.map((p) => p.id)).size).toBe(2000);
    expect(parsed.every((p, i) => i === 0 || p.savedAt < parsed[i - 1]!.savedAt)).toBe(true);
  });
});
