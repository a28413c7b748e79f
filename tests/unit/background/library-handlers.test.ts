import { parse } from '@retorquere/bibtex-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBibtexForImport } from '@/lib/formats/bibtex-import';
import type { BackgroundRequest } from '@/lib/messaging/contract';
import { NOTES_SEPARATOR } from '@/lib/model/notes';
import { senders, testBackground } from '../support/background';
import { hfSource, metadata } from '../support/factory';

describe('library messages', () => {
  const bg = testBackground({ now: 1000 });
  afterEach(async () => {
    await bg.reset();
    bg.now = 1000;
  });
  /** The library page's request, answered as it is. */
  const ask = (request: BackgroundRequest | Record<string, unknown>) => bg.send(request, senders.library);
  const result = (request: BackgroundRequest) => bg.ask(request, senders.library) as Promise<unknown>;
  const saveThree = async () => {
    for (const [id, title, author] of [
      ['2401.00001', 'Attention Is All You Need', 'Ashish Vaswani'],
      ['2401.00002', 'Attention Maps Revisited', 'Ashish Vaswani'],
      ['2401.00003', 'Diffusion Everywhere', 'Łukasz Müller'],
    ] as const) {
      bg.now += 10;
      await result({ type: 'paper/save', paper: metadata({ id, title, authors: [author], published: '2017-06-12' }), source: hfSource });
    }
  };

  it('removes papers and an Undo restores them from the Trash exactly, notes, tags and timestamps included', async () => {
    await saveThree();
    await result({
      type: 'paper/update',
      id: '2401.00002',
      patch: { notes: { text: 'line 1\nline 2', base: '' }, addTags: ['nlp'], status: 'reading' },
    });
    const before = await bg.db.papers.toArray();
    const { removed } = (await result({ type: 'papers/remove', ids: ['2401.00002', '2401.00003'] })) as { removed: { id: string }[] };
    // Named, not whole: 100,000 whole papers were more than one reply may hold (issue #12).
    expect(removed).toEqual([
      { id: '2401.00002', title: 'Attention Maps Revisited' },
      { id: '2401.00003', title: 'Diffusion Everywhere' },
    ]);
    expect(await bg.db.papers.count()).toBe(1);
    expect(bg.announced.at(-1)).toEqual({ '2401.00002': false, '2401.00003': false });
    // Undo: back from the Trash.
    await result({ type: 'trash/restore', ids: removed.map((paper) => paper.id) });
    expect(await bg.db.papers.toArray()).toEqual(before);
    expect(bg.announced.at(-1)).toEqual({ '2401.00002': true, '2401.00003': true });
  });

  it('marks many papers read and adds or removes a tag in one go', async () => {
    await saveThree();
    await result({ type: 'paper/update', id: '2401.00001', patch: { addTags: ['old', 'keep'] } });
    expect(
      await result({
        type: 'papers/update',
        ids: ['2401.00001', '2401.00003', '2401.09999'],
        patch: { status: 'read', addTags: ['survey'], removeTags: ['old'] },
      }),
    ).toEqual({ updated: 2 });
    expect(await bg.db.papers.get('2401.00001')).toMatchObject({ status: 'read', tags: ['keep', 'survey'] });
    expect(await bg.db.papers.get('2401.00002')).toMatchObject({ status: 'unread', tags: [] });
    expect(bg.counts.libraryChanged).toBeGreaterThan(0);
  });

  it('exports BibTeX with readable keys that stay the same when more papers arrive', async () => {
    await saveThree();
    const first = await bg.exportBibtex();
    expect(first.count).toBe(3);
    const keys = parse(first.text, { sentenceCase: false })
      .entries.map((entry) => entry.key)
      .sort();
    expect(keys).toEqual(['muller2017diffusion', 'vaswani2017attention', 'vaswani2017attentiona']);
    // A paper saved earlier than the others cannot take their keys any more.
    bg.now = 1;
    await result({
      type: 'paper/save',
      paper: metadata({ id: '2401.00000', title: 'Attention Please', authors: ['Ashish Vaswani'], published: '2017-01-01' }),
      source: hfSource,
    });
    const second = await bg.exportBibtex({ ids: ['2401.00001', '2401.00000'] });
    const byEprint = Object.fromEntries(
      parse(second.text, { sentenceCase: false }).entries.map((entry) => [entry.fields.eprint, entry.key]),
    );
    expect(byEprint['2401.00001']).toBe(keys.find((key) => key === 'vaswani2017attention'));
    expect(byEprint['2401.00000']).toBe('vaswani2017attentionb');
  });

  it('stores keys only for the papers exported, and asks nothing once they have them (issue #12)', async () => {
    await saveThree();
    const updatedAt = (await bg.db.papers.get('2401.00002'))!.updatedAt;
    expect((await bg.exportBibtex({ ids: ['2401.00002'] })).text).toMatch(/^@misc\{vaswani2017attentiona,/m);
    expect((await bg.db.papers.toArray()).map((paper) => paper.citationKey ?? null)).toEqual([null, 'vaswani2017attentiona', null]);
    // Handing out a key is not an edit.
    expect((await bg.db.papers.get('2401.00002'))!.updatedAt).toBe(updatedAt);
    expect(await result({ type: 'library/assign-citation-keys', ids: ['2401.00002'] })).toEqual({ keys: {} });
    expect(await result({ type: 'library/assign-citation-keys' })).toEqual({
      keys: { '2401.00001': 'vaswani2017attention', '2401.00003': 'muller2017diffusion' },
    });
  });

  it('lets the user change a key, but never to one another paper uses', async () => {
    await saveThree();
    await result({ type: 'paper/set-citation-key', id: '2401.00001', key: 'Transformer2017' });
    const reply = await ask({ type: 'paper/set-citation-key', id: '2401.00002', key: 'transformer2017' });
    expect(reply).toEqual({
      ok: false,
      error:
        'PaperShelf could not change the citation key: the key transformer2017 is already used by 2401.00001 (Attention Is All You Need)',
    });
    expect(await ask({ type: 'paper/set-citation-key', id: '2401.00002', key: 'has space' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/key/),
    });
  });

  it('backs up and restores into an empty library byte for byte', async () => {
    await saveThree();
    await result({
      type: 'paper/update',
      id: '2401.00003',
      patch: { notes: { text: 'ü {braces} % and more', base: '' }, addTags: ['gen'] },
    });
    await bg.exportBibtex();
    const backup = await bg.backup();
    expect(backup.count).toBe(3);
    await bg.reset();
    expect(await bg.restore(backup.text)).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      notesKeptBoth: 0,
    });
    expect((await bg.backup()).text).toBe(backup.text);
    expect(await bg.restore(backup.text)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 3,
      notesKeptBoth: 0,
    });
  });

  it.each([
    ['not JSON', '{"format": "papershelf-backup",', /JSON/],
    ['a foreign JSON file', '{"name": "my-package", "version": "1.0.0"}', /PaperShelf backup/],
    [
      'a malformed paper',
      JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', papers: [{ id: '2401.1' }] }),
      /papers\[0\]/,
    ],
  ])('rejects %s with a message and changes nothing', async (_, text, message) => {
    await saveThree();
    const before = await bg.db.papers.toArray();
    // The page reads the file first: a wrong one is refused before anything is sent.
    await expect(bg.restore(text)).rejects.toThrow(message);
    expect(await bg.db.papers.toArray()).toEqual(before);
  });

  it('imports a BibTeX file: new arXiv papers are added, saved ones keep what the user wrote', async () => {
    await saveThree();
    await result({ type: 'paper/update', id: '2401.00001', patch: { notes: { text: 'mine', base: '' }, addTags: ['mine'] } });
    const bib = `
@misc{vaswani2017attention, title={Attention Is All You Need}, author={Ashish Vaswani}, year={2017},
  eprint={2401.00001}, archivePrefix={arXiv}, annote={theirs}, keywords={theirs}}
@article{scholar, title={A Scholar Paper}, author={Ada Lovelace}, journal={arXiv preprint arXiv:2402.01234}, year={2024}}
@book{knuth, title={The TeXbook}, author={Donald Knuth}, year={1984}}`;
    const summary = await result({ type: 'library/import-bibtex', ...parseBibtexForImport(bib) });
    expect(summary).toMatchObject({ added: 1, updated: 1, unchanged: 0, skipped: [{ key: 'knuth', reason: expect.any(String) }] });
    // Two different notes: both kept, the user's first.
    expect(await bg.db.papers.get('2401.00001')).toMatchObject({ notes: `mine${NOTES_SEPARATOR}theirs`, tags: ['mine', 'theirs'] });
    expect(await bg.db.papers.get('2402.01234')).toMatchObject({
      title: 'A Scholar Paper',
      authors: ['Ada Lovelace'],
      status: 'unread',
      source: { site: 'bibtex-import' },
    });
    expect(bg.announced.at(-1)).toEqual({ '2402.01234': true });
  });

  it('counts a paper the file adds nothing to as unchanged, and leaves its edit time alone', async () => {
    const withProjectPage = metadata({ id: '2401.00001', links: { code: [], projectPage: 'https://lab.example.org/p/' } });
    await result({ type: 'paper/save', paper: withProjectPage, source: hfSource });
    await result({ type: 'paper/set-citation-key', id: '2401.00001', key: 'k' });
    const before = await bg.db.papers.get('2401.00001');
    bg.now += 1000;
    const bib = '@misc{k, title={Attention Is Still All You Need}, author={Ada Lovelace}, eprint={2401.00001}, archivePrefix={arXiv}}';
    expect(await result({ type: 'library/import-bibtex', ...parseBibtexForImport(bib) })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await bg.db.papers.get('2401.00001')).toEqual(before);
  });

  it('backs up the Trash too; a restore asked to brings back papers removed since, out of the Trash, and refills it', async () => {
    await saveThree();
    await result({ type: 'paper/update', id: '2401.00003', patch: { notes: { text: 'kept in the Trash', base: '' } } });
    await result({ type: 'paper/remove', id: '2401.00003' });
    const backup = await bg.backup();
    expect(backup.count).toBe(2);
    expect(JSON.parse(backup.text).trash).toMatchObject([{ id: '2401.00003', paper: { notes: 'kept in the Trash' } }]);

    // Everything removed after the backup: the two papers go to the Trash beside the third.
    bg.now += 1000;
    await result({ type: 'papers/remove', ids: ['2401.00001', '2401.00002'] });
    expect(await bg.db.trash.count()).toBe(3);
    // Removed since the backup was made: a restore leaves them removed, and says so; asked to, it brings them back.
    expect(await bg.restore(backup.text)).toMatchObject({ added: 0, removedSince: 2 });
    expect(await bg.db.trash.count()).toBe(3);
    expect(await bg.restore(backup.text, { includeRemoved: true })).toMatchObject({ added: 2 });
    expect((await bg.db.trash.toCollection().primaryKeys()).sort()).toEqual(['2401.00003']);
    expect((await bg.backup()).text).toBe(backup.text);

    // Into an empty library, the backup's Trash comes back as a Trash.
    await bg.reset();
    await bg.restore(backup.text);
    expect((await bg.db.trash.get('2401.00003'))?.paper.notes).toBe('kept in the Trash');
  });

  it('never brings back a paper deleted for good after the backup, unless asked, and merges one back from the Trash with its Trash copy', async () => {
    await saveThree();
    const backup = await bg.backup();
    bg.now += 1000;
    await result({ type: 'paper/update', id: '2401.00002', patch: { notes: { text: 'written after the backup', base: '' } } });
    await result({ type: 'papers/remove', ids: ['2401.00001', '2401.00002'] });
    await result({ type: 'trash/delete', ids: ['2401.00001'] });
    expect(await bg.db.tombstones.get('2401.00001')).toEqual({ id: '2401.00001', removedAt: bg.now });
    expect(await bg.restore(backup.text)).toMatchObject({ added: 0, unchanged: 1, removedSince: 2 });
    expect(await bg.db.papers.count()).toBe(1);
    expect(await bg.restore(backup.text, { includeRemoved: true })).toMatchObject({ added: 2 });
    // The Trash copy's notes, newer than the backup, came back with it.
    expect(await bg.db.papers.get('2401.00002')).toMatchObject({ notes: 'written after the backup' });
    expect(await bg.db.trash.count()).toBe(0);
  });

  it('does not put back in the Trash a paper deleted for good after the backup was made, unless asked', async () => {
    await saveThree();
    await result({ type: 'paper/remove', id: '2401.00003' });
    const backup = await bg.backup();
    bg.now += 1000;
    await result({ type: 'trash/delete', ids: ['2401.00003'] });
    await bg.restore(backup.text);
    expect(await bg.db.trash.get('2401.00003')).toBeUndefined();
    await bg.restore(backup.text, { includeRemoved: true });
    expect(await bg.db.trash.get('2401.00003')).toBeDefined();
  });

  it('a paper removed and saved again is merged by a restore as usual', async () => {
    await saveThree();
    const backup = await bg.backup();
    bg.now += 1000;
    await result({ type: 'paper/remove', id: '2401.00001' });
    await result({ type: 'paper/save', paper: metadata({ id: '2401.00001' }), source: hfSource });
    expect(await bg.restore(backup.text)).not.toHaveProperty('removedSince');
  });

  it('an import that fails halfway (its lookups cannot be queued) leaves the library and the queue as they were', async () => {
    await saveThree();
    await result({ type: 'paper/update', id: '2401.00001', patch: { notes: { text: 'mine', base: '' }, addTags: ['mine'] } });
    const before = (await bg.backup()).text;
    const queueBefore = await bg.db.lookups.toArray();
    const announcedBefore = bg.announced.length;
    const bulkAdd = vi.spyOn(bg.db.lookups, 'bulkAdd').mockRejectedValue(new Error('QuotaExceededError'));
    const bib = `
@misc{a, title={Attention Is All You Need}, eprint={2401.00001}, archivePrefix={arXiv}, annote={theirs}, keywords={theirs}}
@misc{b, title={A New Paper}, author={Ada Lovelace}, eprint={2402.01234}, archivePrefix={arXiv}}`;
    const reply = await bg.send({ type: 'library/import-bibtex', ...parseBibtexForImport(bib) });
    bulkAdd.mockRestore();
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^PaperShelf could not import the BibTeX file: .*QuotaExceededError/),
    });
    expect((await bg.backup()).text).toBe(before);
    expect(await bg.db.lookups.toArray()).toEqual(queueBefore);
    expect(bg.announced.length).toBe(announcedBefore);
  });
});
