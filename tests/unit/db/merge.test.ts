// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '@/lib/lookup/arxiv-api';
import type { ArxivRecord, HfFound } from '@/lib/model/lookup';
import { isRicherAuthorList, mergeLookup } from '@/lib/db/merge';
import { Paper } from '@/lib/model/paper';
import { arxivSource, metadata } from '../support/papers';
import { fixtureText } from '../lookup/fixtures';

const NOW = Date.UTC(2026, 10, 26, 12);

const feed = parseArxivFeed(fixtureText('arxiv-three-entries.xml'));
if (!feed.ok) throw new Error(feed.error);
const arxiv: ArxivRecord = feed.entries[0]!;

/** A paper saved from a listing, with the user's own fields set. */
const saved = (overrides: Partial<Paper> = {}): Paper => ({
  ...metadata({
    id: '2401.12345',
    title: 'Attention Is Still All You Need',
    authors: [],
    abstract: undefined,
    published: undefined,
    primaryCategory: undefined,
    links: { code: [] },
  }),
  source: arxivSource,
  tags: ['long-context'],
  status: 'reading',
  notes: 'Compare with the 2017 paper.',
  citationKey: 'lovelace2024',
  savedAt: NOW - 3_600_000,
  updatedAt: NOW - 60_000,
  ...overrides,
});

const hf: HfFound = {
  kind: 'found',
  githubRepo: 'https://github.com/example/attention',
  projectPage: 'https://example.github.io/attention/',
  githubStars: 1234,
  upvotes: 42,
};

const userFields = (paper: Paper) => ({
  title: paper.title,
  notes: paper.notes,
  tags: paper.tags,
  status: paper.status,
  citationKey: paper.citationKey,
  savedAt: paper.savedAt,
  updatedAt: paper.updatedAt,
  source: paper.source,
});

describe('mergeLookup: filling gaps', () => {
  it('fills what a listing page left out from arXiv, and remembers the DOI and when arXiv answered', () => {
    const merged = mergeLookup(saved(), { arxiv }, NOW);
    expect(merged).toMatchObject({
      authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'],
      abstract: arxiv.abstract,
      published: '2024-01-22',
      primaryCategory: 'cs.LG',
      links: { code: ['https://github.com/a/b', 'https://huggingface.co/example/attention-small'] },
      lookup: { doi: '10.1000/jmlr.2024.017', arxivCheckedAt: NOW, changedAt: NOW },
    });
    expect(Paper.parse(merged)).toEqual(merged);
  });

  it('adds the repository, project page, counts and Hugging Face page from Hugging Face', () => {
    const merged = mergeLookup(saved(), { hf }, NOW);
    expect(merged.links).toEqual({
      huggingface: 'https://huggingface.co/papers/2401.12345',
      code: ['https://github.com/example/attention'],
      projectPage: 'https://example.github.io/attention/',
    });
    expect(merged.lookup).toEqual({
      githubStars: { 'https://github.com/example/attention': 1234 },
      upvotes: 42,
      huggingfaceCheckedAt: NOW,
      changedAt: NOW,
    });
    expect(Paper.parse(merged)).toEqual(merged);
  });

  it('prefers the project page a person set on Hugging Face to a link guessed from the abstract', () => {
    const diffusion = feed.entries[2]!;
    const merged = mergeLookup(
      saved({ id: diffusion.id }),
      { arxiv: diffusion, hf: { kind: 'found', projectPage: 'https://set.example.org/' } },
      NOW,
    );
    expect(merged.links.projectPage).toBe('https://set.example.org/');
    expect(mergeLookup(saved({ id: diffusion.id }), { arxiv: diffusion }, NOW).links.projectPage).toBe(
      'https://robots.example.org/diffusion',
    );
  });
});

describe('mergeLookup: what is never overwritten', () => {
  const complete = saved({
    title: 'Attention (the page title)',
    authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper', 'Someone Else'],
    abstract: 'The abstract as the page showed it.',
    published: '2024-01-21',
    primaryCategory: 'cs.CL',
    links: {
      code: ['https://github.com/mine/fork'],
      projectPage: 'https://mine.example.org/',
      huggingface: 'https://huggingface.co/papers/2401.12345',
    },
  });

  it('keeps the user fields, the source and the timestamps, whatever the services say', () => {
    const merged = mergeLookup(complete, { arxiv, hf }, NOW);
    expect(userFields(merged)).toEqual(userFields(complete));
  });

  it('keeps metadata the page gave and only adds code links', () => {
    const merged = mergeLookup(complete, { arxiv, hf }, NOW);
    expect(merged).toMatchObject({
      authors: complete.authors,
      abstract: complete.abstract,
      published: complete.published,
      primaryCategory: complete.primaryCategory,
    });
    expect(merged.links).toEqual({
      huggingface: 'https://huggingface.co/papers/2401.12345',
      projectPage: 'https://mine.example.org/',
      code: [
        'https://github.com/mine/fork',
        'https://github.com/example/attention',
        'https://github.com/a/b',
        'https://huggingface.co/example/attention-small',
      ],
    });
  });

  it('keeps a stored link as written and adds no second spelling of its repository', () => {
    const merged = mergeLookup(saved({ links: { code: ['https://github.com/Example/Attention/tree/main'] } }), { hf }, NOW);
    expect(merged.links.code).toEqual(['https://github.com/Example/Attention/tree/main']);
  });

  it('adds code links only up to the stored maximum', () => {
    const full = Array.from({ length: 20 }, (_, index) => `https://github.com/full/r${index}`);
    const merged = mergeLookup(saved({ links: { code: full } }), { arxiv, hf }, NOW);
    expect(merged.links.code).toEqual(full);
    expect(Paper.safeParse(merged).success).toBe(true);
  });

  it('does not move `updatedAt`, which dates the last save or edit by the user', () => {
    expect(mergeLookup(saved(), { arxiv, hf }, NOW).updatedAt).toBe(NOW - 60_000);
  });
});

describe('mergeLookup: author lists', () => {
  it("replaces a listing's truncated list with arXiv's full one", () => {
    expect(mergeLookup(saved({ authors: ['Ada Lovelace', 'et al.'] }), { arxiv }, NOW).authors).toEqual(arxiv.authors);
  });

  it('matches names written the BibTeX way and without accents', () => {
    expect(isRicherAuthorList(arxiv.authors, ['Müller, Łukasz', 'Lovelace, Ada'])).toBe(true);
    expect(isRicherAuthorList(arxiv.authors, ['Lukasz Muller'])).toBe(true);
  });

  it('keeps a list that names someone arXiv does not, or that is as long', () => {
    expect(mergeLookup(saved({ authors: ['A. Stranger'] }), { arxiv }, NOW).authors).toEqual(['A. Stranger']);
    expect(isRicherAuthorList(['One', 'Two'], ['Two', 'One'])).toBe(false);
    expect(isRicherAuthorList([], [])).toBe(false);
  });
});

describe('mergeLookup: counts and checks', () => {
  it('records a 404 from Hugging Face as a check, changing nothing the paper shows', () => {
    const paper = saved();
    const merged = mergeLookup(paper, { hf: { kind: 'unknown' } }, NOW);
    expect(merged).toEqual({ ...paper, lookup: { huggingfaceCheckedAt: NOW } });
  });

  it('records an arXiv answer without the paper as a check', () => {
    expect(mergeLookup(saved(), { arxiv: 'unknown' }, NOW).lookup).toEqual({ arxivCheckedAt: NOW });
  });

  it('takes the newest counts, per repository', () => {
    const once = mergeLookup(
      saved({ links: { code: ['https://github.com/other/repo'] }, lookup: { githubStars: { 'https://github.com/other/repo': 7 } } }),
      { hf },
      NOW,
    );
    const again = mergeLookup(once, { hf: { ...hf, githubStars: 1300, upvotes: 50 } }, NOW + 1000);
    expect(again.lookup).toMatchObject({
      githubStars: { 'https://github.com/other/repo': 7, 'https://github.com/example/attention': 1300 },
      upvotes: 50,
      changedAt: NOW + 1000,
    });
  });

  it('returns the very same object when nothing changed, so the caller skips the write', () => {
    const paper = saved();
    expect(mergeLookup(paper, {}, NOW)).toBe(paper);
    const merged = mergeLookup(paper, { arxiv, hf }, NOW);
    expect(mergeLookup(merged, { arxiv, hf }, NOW)).toBe(merged);
  });

  it('on a later identical answer, moves only the check times', () => {
    const merged = mergeLookup(saved(), { arxiv, hf }, NOW);
    const later = mergeLookup(merged, { arxiv, hf }, NOW + 86_400_000);
    expect(later).toEqual({
      ...merged,
      lookup: { ...merged.lookup, arxivCheckedAt: NOW + 86_400_000, huggingfaceCheckedAt: NOW + 86_400_000 },
    });
    expect(later.lookup?.changedAt).toBe(NOW);
  });
});
