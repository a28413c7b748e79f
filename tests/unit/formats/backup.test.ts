import { describe, expect, it } from 'vitest';
import { mergeBackup } from '@/lib/db/merge';
import { BACKUP_FORMAT, createBackup, parseBackup } from '@/lib/formats/backup';
import type { Paper } from '@/lib/model/paper';
import { hfSource, paper as storedPaper } from '../support/factory';
import { nastyPapers } from '../support/nasty-papers';

/** A stored paper saved and edited at 1000, from Hugging Face. */
const paper = (fields: Partial<Paper> = {}): Paper =>
  storedPaper({ title: 'Attention Is Still All You Need', source: hfSource, savedAt: 1000, updatedAt: 1000, ...fields });

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
        `{\n  "format": "${BACKUP_FORMAT}",\n  "version": 2,\n  "exportedAt": "2026-11-26T00:00:00.000Z",\n  "papers": [\n    {\n      "id": "2401.00001",\n      "title"`,
      ),
    ).toBe(true);
    expect(text.indexOf('"2401.00001"')).toBeLessThan(text.indexOf('"2401.00002"'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(createBackup([])).exportedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('keep the Trash, and still read a version 1 file, which has none', () => {
    const removed = paper({ id: '2401.00009', notes: 'gone but kept', updatedAt: 2000 });
    const text = createBackup([paper()], [{ id: removed.id, removedAt: 3000, paper: removed }]);
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.trash).toEqual([{ id: removed.id, removedAt: 3000, paper: removed }]);
    expect(parsed.ok && parsed.backup.exportedAt).toBe(new Date(3000).toISOString());
    const version1 = parseBackup(JSON.stringify({ ...JSON.parse(text), version: 1, trash: undefined }));
    expect(version1.ok && version1.backup.trash).toEqual([]);
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
      JSON.stringify({ ...validBackup(), version: 3, papers: 'a shape we cannot know' }),
      'This backup was made by a newer PaperShelf (backup version 3; this one reads up to 2). Update PaperShelf, then restore it.',
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
