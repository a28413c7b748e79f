// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '@/lib/lookup/arxiv-api';
import type { ArxivRecord, HfFound } from '@/lib/model/lookup';
import { isRicherAuthorList, mergeBackup, mergeLookup, mergeVersions, notesConflict } from '@/lib/db/merge';
import { MAX_CODE_LINKS } from '@/lib/model/code-links';
import { NOTES_SEPARATOR } from '@/lib/model/notes';
import { Paper } from '@/lib/model/paper';
import { arxivSource, hfSource, metadata, paper } from '../support/factory';
import { fixtureText } from '../lookup/fixtures';

const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;

const feed = parseArxivFeed(fixtureText('arxiv-three-entries.xml'));
if (!feed.ok) throw new Error(feed.error);
const arxiv: ArxivRecord = feed.entries[0]!;

/** A paper saved from a listing, with the user's own fields set. */
const saved = (overrides: Partial<Paper> = {}): Paper =>
  paper({
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

describe('one policy for every occasion', () => {
  const page = metadata({ title: 'Another Title', authors: ['Grace Hopper'], abstract: 'From the page.', published: '2024-01-22' });
  const copy = (fields: Partial<Paper>) => ({ ...saved(), notes: 'from the backup', tags: ['backup'], status: 'read' as const, ...fields });
  const keyFree = { keyTaken: () => false };

  it('keeps what the user wrote on a re-save, a BibTeX import and a lookup, and fills the metadata gaps', () => {
    const stored = saved();
    const resaved = mergeVersions('resave', stored, { page, now: NOW });
    const imported = mergeVersions('import', stored, {
      entry: { metadata: page, notes: 'file notes', tags: ['file'] },
      now: NOW,
      ...keyFree,
    });
    const looked = mergeLookup(stored, { arxiv }, NOW);
    for (const merged of [resaved, imported, looked]) {
      expect(merged).toMatchObject({ title: stored.title, status: 'reading', citationKey: stored.citationKey });
      expect(merged.published).toBeDefined();
    }
    // The file's different notes join the user's, after them; nothing else touches the notes.
    expect([resaved.notes, imported.notes, looked.notes]).toEqual([
      stored.notes,
      `${stored.notes}${NOTES_SEPARATOR}file notes`,
      stored.notes,
    ]);
    // The import adds the file's tags to the user's; the others leave the tags alone.
    expect([resaved.tags, imported.tags, looked.tags]).toEqual([['long-context'], ['long-context', 'file'], ['long-context']]);
    // A re-save and an import are the user's doing; a lookup is not an edit.
    expect([resaved.updatedAt, imported.updatedAt, looked.updatedAt]).toEqual([NOW, NOW, stored.updatedAt]);
  });

  it('in a restore, merges the user fields one by one: both notes, both tag sets, the status edited last', () => {
    const stored = saved();
    expect(mergeVersions('restore', stored, { copy: copy({ updatedAt: NOW }), ...keyFree })).toMatchObject({
      notes: `${stored.notes}${NOTES_SEPARATOR}from the backup`,
      tags: ['long-context', 'backup'],
      status: 'read',
      updatedAt: NOW,
    });
    expect(mergeVersions('restore', stored, { copy: copy({ updatedAt: NOW - 120_000 }), ...keyFree })).toMatchObject({
      status: 'reading',
      updatedAt: stored.updatedAt,
    });
  });

  it('returns the stored paper itself when a second version adds nothing, on every occasion but a re-save', () => {
    const stored = saved({ authors: ['Ada Lovelace'], abstract: 'Stored.', published: '2024-01-22', primaryCategory: 'cs.LG' });
    const same = { ...stored };
    expect(mergeVersions('restore', stored, { copy: same, ...keyFree })).toBe(stored);
    expect(mergeVersions('import', stored, { entry: { metadata: stored }, now: NOW, ...keyFree })).toBe(stored);
    expect(mergeVersions('lookup', stored, { found: {}, now: NOW })).toBe(stored);
    // A re-save is the user saving again: its time moves on.
    expect(mergeVersions('resave', stored, { page: stored, now: NOW }).updatedAt).toBe(NOW);
  });
});

describe('links on every occasion', () => {
  const repos = (count: number, owner: string) => Array.from({ length: count }, (_, index) => `https://github.com/${owner}/r${index}`);

  it('keeps the schema’s cap of code links when a re-save, an import or a restore brings more', () => {
    const stored = saved({ links: { code: repos(18, 'stored') } });
    const page = metadata({ links: { code: repos(5, 'page') } });
    const resaved = mergeVersions('resave', stored, { page, now: NOW });
    expect(resaved.links.code).toEqual([...repos(18, 'stored'), ...repos(2, 'page')]);
    expect(() => Paper.parse(resaved)).not.toThrow();
    const imported = mergeVersions('import', stored, { entry: { metadata: page }, now: NOW, keyTaken: () => true });
    expect(imported.links.code).toHaveLength(20);
  });

  it('unites where each kept link was found, and forgets the origins of links it did not keep', () => {
    const stored = saved({
      links: { code: ['https://github.com/me/ours'], origins: { 'https://github.com/me/ours': ['abstract'] } },
    });
    const page = metadata({
      links: {
        code: ['https://github.com/me/ours', 'https://github.com/lab/dep'],
        projectPage: 'https://me.github.io/ours/',
        origins: {
          'https://github.com/me/ours': ['page'],
          'https://github.com/lab/dep': ['abstract', 'cited'],
          'https://me.github.io/ours/': ['page'],
        },
      },
    });
    expect(mergeVersions('resave', stored, { page, now: NOW }).links).toEqual({
      huggingface: undefined,
      code: ['https://github.com/me/ours', 'https://github.com/lab/dep'],
      projectPage: 'https://me.github.io/ours/',
      origins: {
        'https://github.com/me/ours': ['abstract', 'page'],
        'https://github.com/lab/dep': ['abstract', 'cited'],
        'https://me.github.io/ours/': ['page'],
      },
    });
  });
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
      // Where each link came from, for the tooltip.
      origins: { 'https://github.com/example/attention': ['huggingface'], 'https://example.github.io/attention/': ['huggingface'] },
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
      // The stored ones were saved before PaperShelf kept track; the new ones say who named them.
      origins: {
        'https://github.com/example/attention': ['huggingface'],
        'https://github.com/a/b': ['comments'],
        'https://huggingface.co/example/attention-small': ['abstract'],
      },
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

describe('mergeLookup: code that appeared', () => {
  it('marks a paper whose code a recheck found, after Hugging Face had known none', () => {
    const checkedBefore = saved({ lookup: { huggingfaceCheckedAt: NOW - DAY } });
    expect(mergeLookup(checkedBefore, { hf }, NOW).lookup?.codeAppearedAt).toBe(NOW);
    // The first answer naming code is the paper's code from the start, not code that appeared.
    expect(mergeLookup(saved(), { hf }, NOW).lookup?.codeAppearedAt).toBeUndefined();
    // A paper that had code does not get the mark for more.
    const withCode = saved({ links: { code: ['https://github.com/a/b'] }, lookup: { huggingfaceCheckedAt: NOW - DAY } });
    expect(mergeLookup(withCode, { hf }, NOW).lookup?.codeAppearedAt).toBeUndefined();
  });

  it('does not mark code that arXiv’s comments name: arXiv is asked once, and that code was there from the start', () => {
    const withComment = {
      ...arxiv,
      code: ['https://github.com/lab/from-comments'],
      origins: { 'https://github.com/lab/from-comments': ['comments' as const] },
    };
    expect(
      mergeLookup(saved({ lookup: { huggingfaceCheckedAt: NOW - DAY } }), { arxiv: withComment }, NOW).lookup?.codeAppearedAt,
    ).toBeUndefined();
  });

  it('marks code that appears for a paper whose only link was a repository it builds on', () => {
    const citing = saved({
      links: {
        code: ['https://github.com/huggingface/transformers'],
        origins: { 'https://github.com/huggingface/transformers': ['abstract', 'cited'] },
      },
      lookup: { huggingfaceCheckedAt: NOW - DAY },
    });
    const merged = mergeLookup(citing, { hf }, NOW);
    expect(merged.lookup?.codeAppearedAt).toBe(NOW);
    // The paper's own repository goes before the one it builds on.
    expect(merged.links.code).toEqual(['https://github.com/example/attention', 'https://github.com/huggingface/transformers']);
  });

  it('keeps the mark through later answers', () => {
    const marked = mergeLookup(saved({ lookup: { huggingfaceCheckedAt: NOW - DAY } }), { hf }, NOW);
    expect(mergeLookup(marked, { hf }, NOW + DAY).lookup?.codeAppearedAt).toBe(NOW);
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

  it('keeps stars for no more repositories than a paper may link, the newest last, so the record still reads', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CODE_LINKS }, (_, index) => [`https://github.com/old/repo-${index}`, index]));
    const merged = mergeLookup(saved({ lookup: { githubStars: many } }), { hf }, NOW);
    const stars = Object.keys(merged.lookup!.githubStars!);
    expect(stars).toHaveLength(MAX_CODE_LINKS);
    expect(stars.at(-1)).toBe('https://github.com/example/attention');
    expect(stars).not.toContain('https://github.com/old/repo-0');
    expect(Paper.safeParse(merged).success).toBe(true);
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

/** A stored copy for the restore tests: saved and edited at 1000 unless said otherwise. */
const copyAt1000 = (fields: Partial<Paper> = {}): Paper =>
  paper({ title: 'Attention Is Still All You Need', source: hfSource, savedAt: 1000, updatedAt: 1000, ...fields });

describe('restoring into a library', () => {
  it('adds what is missing, updates what changed, and counts what it left alone', () => {
    const existing = [copyAt1000({ id: '2401.00001' }), copyAt1000({ id: '2401.00002' })];
    const incoming = [
      copyAt1000({ id: '2401.00001' }),
      copyAt1000({ id: '2401.00002', notes: 'newer notes', updatedAt: 2000 }),
      copyAt1000({ id: '2401.00003' }),
    ];
    const result = mergeBackup(existing, incoming);
    expect({ added: result.added, updated: result.updated, unchanged: result.unchanged }).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(result.toWrite.map((p) => p.id)).toEqual(['2401.00002', '2401.00003']);
    // Restoring the same backup again changes nothing.
    expect(mergeBackup(result.toWrite.concat(existing[0]!), incoming)).toMatchObject({ toWrite: [], unchanged: 3 });
  });

  it('keeps both copies’ notes and tags and the newer status, and fills metadata gaps from the older one', () => {
    const existing = copyAt1000({
      notes: 'my notes',
      tags: ['mine'],
      status: 'read',
      abstract: 'An abstract.',
      links: { code: ['https://github.com/a/b'] },
      updatedAt: 5000,
    });
    const incoming = copyAt1000({
      notes: 'old notes',
      tags: ['old'],
      published: '2024-01-22',
      links: { code: [], huggingface: 'https://huggingface.co/papers/2401.12345' },
      source: { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' },
      savedAt: 500,
      updatedAt: 900,
    });
    const [merged] = mergeBackup([existing], [incoming]).toWrite;
    expect(merged).toMatchObject({
      notes: `my notes${NOTES_SEPARATOR}old notes`,
      tags: ['mine', 'old'],
      status: 'read',
      abstract: 'An abstract.',
      published: '2024-01-22',
      links: { code: ['https://github.com/a/b'], huggingface: 'https://huggingface.co/papers/2401.12345' },
      source: { site: 'arxiv' },
      savedAt: 500,
      updatedAt: 5000,
    });
  });

  it('keeps what lookups learned from the copy a service answered for last, whichever copy was edited last', () => {
    const looked = { arxivCheckedAt: 3000, huggingfaceCheckedAt: 4000, upvotes: 7, githubStars: { 'https://github.com/a/b': 12 } };
    const existing = copyAt1000({ lookup: looked, updatedAt: 1000 });
    const editedElsewhere = copyAt1000({ notes: 'newer notes', updatedAt: 2000 });
    expect(mergeBackup([existing], [editedElsewhere]).toWrite[0]).toMatchObject({ notes: 'newer notes', updatedAt: 2000, lookup: looked });
    const recounted = { ...looked, huggingfaceCheckedAt: 5000, upvotes: 9 };
    expect(mergeBackup([existing], [copyAt1000({ lookup: recounted, updatedAt: 500 })]).toWrite[0]).toMatchObject({
      updatedAt: 1000,
      lookup: recounted,
    });
    // A backup made before the lookup answered changes nothing.
    expect(mergeBackup([existing], [copyAt1000()])).toMatchObject({ toWrite: [], unchanged: 1 });
  });

  it('never loses or replaces a citation key, and never lets two papers share one', () => {
    const existing = [
      copyAt1000({ id: '2401.00001', citationKey: 'mine' }),
      copyAt1000({ id: '2401.00002' }),
      copyAt1000({ id: '2401.00009', citationKey: 'taken' }),
    ];
    const incoming = [
      copyAt1000({ id: '2401.00001', citationKey: 'theirs', notes: 'newer', updatedAt: 9000 }),
      copyAt1000({ id: '2401.00002', citationKey: 'lovelace2024' }),
      copyAt1000({ id: '2401.00003', citationKey: 'TAKEN' }),
    ];
    const byId = Object.fromEntries(mergeBackup(existing, incoming).toWrite.map((p) => [p.id, p]));
    expect(byId['2401.00001']).toMatchObject({ citationKey: 'mine', notes: 'newer' });
    expect(byId['2401.00002']!.citationKey).toBe('lovelace2024');
    expect(byId['2401.00003']!.citationKey).toBeUndefined();
  });
});

describe('field by field, with tombstones (issue #9)', () => {
  const at = (fields: Partial<Paper>) => copyAt1000({ id: '2401.00001', ...fields });
  const restored = (stored: Paper, copy: Paper) => mergeVersions('restore', stored, { copy, keyTaken: () => false });

  it('restores a backup’s notes over empty ones that only a later re-save made look newer', () => {
    const resavedSince = at({ notes: '', updatedAt: 9000 });
    const backup = at({ notes: 'the ablation matters', editedAt: { notes: 2000 }, updatedAt: 2000 });
    const result = mergeBackup([resavedSince], [backup]);
    expect(result.toWrite[0]!.notes).toBe('the ablation matters');
    expect(result).toMatchObject({ updated: 1, notesKeptBoth: 0 });
  });

  it('keeps notes the user emptied after the backup was made empty', () => {
    const cleared = at({ notes: '', editedAt: { notes: 5000 } });
    expect(restored(cleared, at({ notes: 'old thoughts', editedAt: { notes: 1000 } })).notes).toBe('');
  });

  it('keeps both of two different notes once, counts it, and a second restore of the same backup changes nothing', () => {
    const mine = at({ notes: 'mine', editedAt: { notes: 3000 } });
    const backup = at({ notes: 'from the other computer', editedAt: { notes: 4000 } });
    const first = mergeBackup([mine], [backup]);
    expect(first.toWrite[0]!.notes).toBe(`mine${NOTES_SEPARATOR}from the other computer`);
    expect(first.notesKeptBoth).toBe(1);
    expect(mergeBackup(first.toWrite, [backup])).toMatchObject({ toWrite: [], unchanged: 1, notesKeptBoth: 0 });
    // Notes that grew from the other's text are one text already: the longer is kept, nothing joined.
    expect(restored(at({ notes: 'draft' }), at({ notes: 'draft, finished' })).notes).toBe('draft, finished');
  });

  it('does not bring back a tag removed since the backup, unless the backup’s tags were set after the removal', () => {
    const removedSince = at({ tags: ['keep'], removedTags: { old: 3000 }, editedAt: { tags: 3000 } });
    const olderBackup = at({ tags: ['keep', 'old', 'constructor'], editedAt: { tags: 1000 } });
    expect(restored(removedSince, olderBackup)).toMatchObject({ tags: ['keep', 'constructor'], removedTags: { old: 3000 } });
    const newerBackup = at({ tags: ['old'], editedAt: { tags: 4000 } });
    const merged = restored(removedSince, newerBackup);
    expect(merged.tags).toEqual(['keep', 'old']);
    expect(merged.removedTags).toBeUndefined();
  });

  it('takes the status edited last, whatever moved updatedAt', () => {
    const markedReadThenResaved = at({ status: 'read', editedAt: { status: 3000 }, updatedAt: 9000 });
    const backup = at({ status: 'reading', editedAt: { status: 4000 }, updatedAt: 4000 });
    expect(restored(markedReadThenResaved, backup).status).toBe('reading');
  });
});

describe('the user’s edits (issue #9)', () => {
  const stored = () => copyAt1000({ id: '2401.00001', notes: 'stored', tags: ['a'] });
  const edit = (paper: Paper, change: Parameters<typeof mergeVersions<'edit'>>[2]['edit'], now = 2000) =>
    mergeVersions('edit', paper, { edit: change, now });

  it('writes notes over the text they were typed on, stamping when', () => {
    const merged = edit(stored(), { notes: { text: 'stored, and more', base: 'stored' } });
    expect(merged).toMatchObject({ notes: 'stored, and more', editedAt: { notes: 2000 }, updatedAt: 2000 });
    expect(notesConflict({ notes: { text: 'stored, and more', base: 'stored' } }, merged)).toBe(false);
  });

  it('never writes notes typed on an older text over a newer one: a conflict, or both kept when asked', () => {
    const change = { notes: { text: 'typed on the old text', base: 'old text' } };
    const left = edit(stored(), change);
    expect(left.notes).toBe('stored');
    expect(notesConflict(change, left)).toBe(true);
    const joined = edit(stored(), { notes: { ...change.notes, onConflict: 'keep-both' } });
    expect(joined.notes).toBe(`stored${NOTES_SEPARATOR}typed on the old text`);
  });

  it('changes tags by what was added and removed, so two windows’ changes both land, and remembers removals', () => {
    const oneWindow = edit(stored(), { addTags: ['b'] }, 2000);
    const otherWindow = edit(oneWindow, { removeTags: ['a'], addTags: ['c'] }, 3000);
    expect(otherWindow).toMatchObject({ tags: ['b', 'c'], removedTags: { a: 3000 }, editedAt: { tags: 3000 } });
    expect(edit(otherWindow, { addTags: ['a'] }, 4000).removedTags).toBeUndefined();
  });

  it('returns the stored paper itself for an edit that changes nothing', () => {
    const paper = stored();
    expect(edit(paper, { notes: { text: 'stored', base: 'stored' }, addTags: ['a'], status: paper.status })).toBe(paper);
  });
});
