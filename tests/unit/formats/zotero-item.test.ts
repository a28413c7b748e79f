import { describe, expect, it } from 'vitest';
import { notesAsHtml, zoteroCreator, zoteroItem } from '@/lib/formats/zotero-item';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import SCHEMA from '../../support/zotero-schema.json' with { type: 'json' };
import { paper } from '../support/factory';

const options = { statusTags: DEFAULT_SETTINGS.zoteroStatusTags };
/** Keys of translator JSON that are not schema fields (Zotero takes them apart before `fromJSON`). */
const NOT_FIELDS = ['itemType', 'id', 'creators', 'tags', 'notes', 'attachments'];

describe('zoteroItem: a paper as the preprint Zotero’s arXiv translator makes (issue #13)', () => {
  const annotated = paper({
    id: '2401.12345',
    title: 'Attention Is Still All You Need',
    authors: ['Ada Lovelace', 'Lovelace, Augusta Ada', 'Plato', 'Martin Luther King Jr.'],
    abstract: '  We revisit attention.  ',
    published: '2024-01-22',
    primaryCategory: 'cs.LG',
    tags: ['transformers', 'cs.LG'],
    status: 'read',
    notes: 'Read §3 <twice> & "carefully".\nThen the appendix.\n\n\nSecond thought.',
    links: {
      code: ['https://github.com/example/attention', 'https://github.com/other/base'],
      origins: { 'https://github.com/other/base': ['abstract', 'cited'] },
    },
    lookup: {
      arxiv: {
        version: 2,
        updated: '2024-02-01',
        categories: ['cs.LG', 'cs.CL', 'not a category!'],
        comments: '12 pages <b>',
        journalRef: 'NeurIPS 2024',
      },
    },
  });

  it('uses only fields Zotero’s schema gives a preprint', () => {
    const item = zoteroItem(annotated, options);
    expect(SCHEMA.itemTypes).toContain(item.itemType);
    const fields = Object.keys(item).filter((key) => !NOT_FIELDS.includes(key));
    for (const field of fields) expect(SCHEMA.preprint.fields).toContain(field);
    for (const creator of item.creators) expect(SCHEMA.preprint.creatorTypes).toContain(creator.creatorType);
  });

  it('fills them as the translator does, with the user’s tags, read status, notes and code', () => {
    expect(zoteroItem(annotated, options)).toEqual({
      itemType: 'preprint',
      id: '2401.12345',
      title: 'Attention Is Still All You Need',
      creators: [
        { firstName: 'Ada', lastName: 'Lovelace', creatorType: 'author' },
        { firstName: 'Augusta Ada', lastName: 'Lovelace', creatorType: 'author' },
        { firstName: '', lastName: 'Plato', creatorType: 'author' },
        { firstName: 'Martin Luther', lastName: 'King Jr.', creatorType: 'author' },
      ],
      abstractNote: 'We revisit attention.',
      // arXiv's last update, as the translator dates a preprint.
      date: '2024-02-01',
      repository: 'arXiv',
      archiveID: 'arXiv:2401.12345',
      DOI: '10.48550/arXiv.2401.12345',
      url: 'https://arxiv.org/abs/2401.12345',
      libraryCatalog: 'arXiv.org',
      extra: 'arXiv:2401.12345 [cs.LG]\nJournal reference: NeurIPS 2024',
      // The categories, then the user's tags (one already a category is not repeated), then the status's tag.
      tags: [{ tag: 'cs.LG' }, { tag: 'cs.CL' }, { tag: 'transformers' }, { tag: 'read' }],
      notes: [
        { note: '<p>Comment: 12 pages &lt;b&gt;</p>' },
        { note: '<p>Read §3 &lt;twice&gt; &amp; &quot;carefully&quot;.<br>Then the appendix.</p>\n<p>Second thought.</p>' },
      ],
      // Its own code only: a repository it cites is not its code.
      attachments: [
        {
          title: 'Code: github.com/example/attention',
          url: 'https://github.com/example/attention',
          mimeType: 'text/html',
          snapshot: false,
        },
      ],
    });
  });

  it('gives the journal DOI when arXiv knows one, and leaves out what the paper lacks', () => {
    const bare = paper({ id: '2305.00001', title: 'Bare', authors: [], lookup: { doi: '10.1145/1234.5678' } });
    const item = zoteroItem(bare, { statusTags: { unread: '', reading: 'reading', read: 'read' } });
    expect(item.DOI).toBe('10.1145/1234.5678');
    // The month the id was issued in; no abstract; no category; no status tag for an unread paper here.
    expect(item).toMatchObject({ date: '2023-05', extra: 'arXiv:2305.00001', tags: [], notes: [], attachments: [], creators: [] });
    expect(item).not.toHaveProperty('abstractNote');
    // A DOI that is not one (TeX, spaces) is arXiv's instead.
    expect(zoteroItem({ ...bare, lookup: { doi: '10.1/x y}' } }, options).DOI).toBe('10.48550/arXiv.2305.00001');
    // Old-style ids get no category on their Extra line, as in the translator.
    expect(zoteroItem(paper({ id: 'math/0211159', primaryCategory: 'math.PR' }), options).extra).toBe('arXiv:math/0211159');
  });

  it('keeps every character of the notes as text: nothing in them becomes markup', () => {
    expect(notesAsHtml('<script>alert(1)</script>\r\nline 2')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>line 2</p>');
    expect(notesAsHtml(' \n\n ')).toBe('');
    expect(zoteroItem(paper({ notes: '   ' }), options).notes).toEqual([]);
  });

  it('splits names as Zotero’s cleanAuthor does', () => {
    expect(zoteroCreator('  Yoshua   Bengio ')).toEqual({ firstName: 'Yoshua', lastName: 'Bengio', creatorType: 'author' });
    expect(zoteroCreator('Müller, Łukasz')).toEqual({ firstName: 'Łukasz', lastName: 'Müller', creatorType: 'author' });
  });
});
