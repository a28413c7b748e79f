import { describe, expect, it } from 'vitest';
import { backupFileName, bibtexFileName } from '@/lib/formats/file-names';

describe('file names', () => {
  it('are dated in the local date, just before and after midnight', () => {
    expect(bibtexFileName(new Date(2026, 10, 26, 23, 59))).toBe('papershelf-2026-11-26.bib');
    expect(bibtexFileName(new Date(2027, 0, 5, 0, 1))).toBe('papershelf-2027-01-05.bib');
    expect(backupFileName(new Date(2026, 10, 26, 23, 59))).toBe('papershelf-backup-2026-11-26.json');
  });
});
