import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, createBackup, mergeBackup, parseBackup } from '@/lib/formats/backup';
import { Paper } from '@/lib/model/paper';
import { nastyPapers } from '../support/nasty-papers';

function paper(fields: Partial<Paper> = {}): Paper {
  return Paper.parse({
    id: '2401.12345',
    title: 'Attention Is Still All You Need',
    authors: ['Ada Lovelace'],
    links: { code: [] },
    source: { site: 'huggingface', url: 'https://huggingface.co/papers' },
    tags: [],
    status: 'unread',
    notes: '',
    savedAt: 1000,
    updatedAt: 1000,
    ...fields,
  });
}

function expectRejected(text: string, message: string | RegExp) {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(message);
}

/** A valid backup as an object, to break one thing at a time. */
const validBackup = () => JSON.parse(createBackup([paper(), paper({ id: '2401.00001' })]));

describe('backup files', () => {
  it('round-trip byte for byte: export, restore into an empty library, export again', () => {
    const papers = nastyPapers();
    const first = createBackup([...papers].reverse());
    const parsed = parseBackup(first);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { toWrite, added } = mergeBackup([], parsed.backup.papers);
    expect(added).toBe(papers.length);
    expect(createBackup(toWrite)).toBe(first);
    // Lossless: every stored field comes back, notes' spaces and all.
    expect(toWrite.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...papers].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('are sorted by id, 2-space indented, end with a newline, and dated by the latest change', () => {
    const text = createBackup([paper({ id: '2401.00002', updatedAt: Date.UTC(2026, 10, 26) }), paper({ id: '2401.00001' })]);
    expect(
      text.startsWith(
        `{\n  "format": "${BACKUP_FORMAT}",\n  "version": 1,\n  "exportedAt": "2026-11-26T00:00:00.000Z",\n  "papers": [\n    {\n      "id": "2401.00001",\n      "title"`,
      ),
    ).toBe(true);
    expect(text.indexOf('"2401.00001"')).toBeLessThan(text.indexOf('"2401.00002"'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(createBackup([])).exportedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('reject a file that is not JSON', () => {
    expectRejected('{"format": "papershelf-backup",', /^Not a PaperShelf backup: the file is not JSON \(/);
  });

  it('reject JSON that is not a PaperShelf backup', () => {
    expectRejected('[1, 2]', 'Not a PaperShelf backup: "format" is missing, not "papershelf-backup".');
    expectRejected('{"items": []}', 'Not a PaperShelf backup: "format" is missing, not "papershelf-backup".');
    expectRejected('{"format": "zotero"}', 'Not a PaperShelf backup: "format" is "zotero", not "papershelf-backup".');
  });

  it('reject a backup made by a newer PaperShelf, saying so', () => {
    expectRejected(
      JSON.stringify({ ...validBackup(), version: 2, papers: 'a shape we cannot know' }),
      'This backup was made by a newer PaperShelf (backup version 2; this one reads up to 1). Update PaperShelf, then restore it.',
    );
  });

  it('reject an invalid paper, naming the field and its place', () => {
    const backup = validBackup();
    backup.papers.push(paper({ id: '2401.00003' }), { ...paper({ id: '2401.00004' }), id: '2401.00004v2' });
    expectRejected(JSON.stringify(backup), 'Invalid backup: papers[3].id: not a canonical arXiv id (no version, no prefix)');

    const badLink = validBackup();
    badLink.papers[1].links.code = ['javascript:alert(1)'];
    expectRejected(JSON.stringify(badLink), 'Invalid backup: papers[1].links.code[0]: not an http(s) URL');

    const badStatus = validBackup();
    badStatus.papers[0].status = 'done';
    expectRejected(JSON.stringify(badStatus), /^Invalid backup: papers\[0\]\.status: /);
  });

  it('reject a broken envelope: wrong version type, bad date, unknown field', () => {
    expectRejected(JSON.stringify({ ...validBackup(), version: '1' }), /^Invalid backup: version: /);
    expectRejected(JSON.stringify({ ...validBackup(), exportedAt: 'yesterday' }), /^Invalid backup: exportedAt: /);
    expectRejected(JSON.stringify({ ...validBackup(), extra: true }), /^Invalid backup: file: .*"extra"/);
    const { papers: _, ...noPapers } = validBackup();
    expectRejected(JSON.stringify(noPapers), /^Invalid backup: papers: /);
  });

  it('reject two papers with the same id', () => {
    const backup = validBackup();
    backup.papers.push(backup.papers[0]);
    expectRejected(JSON.stringify(backup), 'Invalid backup: papers[2].id: 2401.00001 appears twice (also papers[0]).');
  });
});

describe('restoring into a library', () => {
  it('adds what is missing, updates what changed, and counts what it left alone', () => {
    const existing = [paper({ id: '2401.00001' }), paper({ id: '2401.00002' })];
    const incoming = [
      paper({ id: '2401.00001' }),
      paper({ id: '2401.00002', notes: 'newer notes', updatedAt: 2000 }),
      paper({ id: '2401.00003' }),
    ];
    const result = mergeBackup(existing, incoming);
    expect({ added: result.added, updated: result.updated, unchanged: result.unchanged }).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(result.toWrite.map((p) => p.id)).toEqual(['2401.00002', '2401.00003']);
    // Restoring the same backup again changes nothing.
    expect(mergeBackup(result.toWrite.concat(existing[0]!), incoming)).toMatchObject({ toWrite: [], unchanged: 3 });
  });

  it('keeps the newer copy’s notes, tags and status, and fills metadata gaps from the older one', () => {
    const existing = paper({
      notes: 'my notes',
      tags: ['mine'],
      status: 'read',
      abstract: 'An abstract.',
      links: { code: ['https://github.com/a/b'] },
      updatedAt: 5000,
    });
    const incoming = paper({
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
      notes: 'my notes',
      tags: ['mine'],
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
    const existing = paper({ lookup: looked, updatedAt: 1000 });
    const editedElsewhere = paper({ notes: 'newer notes', updatedAt: 2000 });
    expect(mergeBackup([existing], [editedElsewhere]).toWrite[0]).toMatchObject({ notes: 'newer notes', updatedAt: 2000, lookup: looked });
    const recounted = { ...looked, huggingfaceCheckedAt: 5000, upvotes: 9 };
    expect(mergeBackup([existing], [paper({ lookup: recounted, updatedAt: 500 })]).toWrite[0]).toMatchObject({
      updatedAt: 1000,
      lookup: recounted,
    });
    // A backup made before the lookup answered changes nothing.
    expect(mergeBackup([existing], [paper()])).toMatchObject({ toWrite: [], unchanged: 1 });
  });

  it('never loses or replaces a citation key, and never lets two papers share one', () => {
    const existing = [
      paper({ id: '2401.00001', citationKey: 'mine' }),
      paper({ id: '2401.00002' }),
      paper({ id: '2401.00009', citationKey: 'taken' }),
    ];
    const incoming = [
      paper({ id: '2401.00001', citationKey: 'theirs', notes: 'newer', updatedAt: 9000 }),
      paper({ id: '2401.00002', citationKey: 'lovelace2024' }),
      paper({ id: '2401.00003', citationKey: 'TAKEN' }),
    ];
    const byId = Object.fromEntries(mergeBackup(existing, incoming).toWrite.map((p) => [p.id, p]));
    expect(byId['2401.00001']).toMatchObject({ citationKey: 'mine', notes: 'newer' });
    expect(byId['2401.00002']!.citationKey).toBe('lovelace2024');
    expect(byId['2401.00003']!.citationKey).toBeUndefined();
  });
});
