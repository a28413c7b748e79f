import { describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/formats/backup';
import type { BackgroundRequest } from '@/lib/messaging/contract';
import type { Paper } from '@/lib/model/paper';
import { pieces, sendBackup } from '@/lib/pages/restore-backup';
import { hfSource, metadata, paper } from '../support/factory';

const saved = (index: number): Paper =>
  paper({ ...metadata({ id: `2401.${String(10000 + index).padStart(5, '0')}` }), source: hfSource, savedAt: 1, updatedAt: 1 });

describe('a backup restored in pieces (issue #12: 100,000 papers are over one message’s 64 MiB)', () => {
  it('cuts at 5,000 records, and sooner when a piece would pass its size', () => {
    expect(pieces(Array.from({ length: 12_001 }, (_, i) => i)).map((run) => run.length)).toEqual([5000, 5000, 2001]);
    // Long notes: a piece holds what fits; one larger than a piece goes alone, never dropped.
    const sizes = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(200), 'd'];
    expect(pieces(sizes, 5000, 100)).toEqual([[sizes[0], sizes[1]], [sizes[2]], [sizes[3]]]);
  });

  it('sends every paper and the Trash in pieces, then one commit that counts them', async () => {
    const papers = Array.from({ length: 5001 }, (_, i) => saved(i));
    const trashed = { id: '2402.00001', removedAt: 5, paper: { ...saved(0), id: '2402.00001' } };
    const sent: BackgroundRequest[] = [];
    const summary = { added: 5001, updated: 0, unchanged: 0 };
    const ask = (async (request: BackgroundRequest) => {
      sent.push(request);
      return request.type === 'library/restore-commit' ? summary : { staged: 0 };
    }) as never;
    await expect(sendBackup(ask, createBackup(papers, [trashed]), true)).resolves.toEqual(summary);
    expect(sent.map((request) => [request.type, 'papers' in request ? request.papers : undefined])).toMatchObject([
      ['library/restore-piece', { length: 5000 }],
      ['library/restore-piece', { length: 1 }],
      ['library/restore-piece', []],
      ['library/restore-commit', 5001],
    ]);
    expect(sent.at(-1)).toMatchObject({ trash: 1, includeRemoved: true });
    expect(new Set(sent.map((request) => (request as { restoreId: string }).restoreId)).size).toBe(1);
  });

  it('refuses a wrong file before sending anything', async () => {
    const sent: unknown[] = [];
    await expect(sendBackup((async (request: unknown) => sent.push(request)) as never, '{"format": "zotero"}')).rejects.toThrow(
      /Not a PaperShelf backup/,
    );
    expect(sent).toEqual([]);
  });
});
