import { describe, expect, it } from 'vitest';
import { answerImport } from '@/lib/import-worker/answer';
import { ImportWorkerReply, SLICE } from '@/lib/import-worker/protocol';

const entry = (i: number) => `@misc{p${i}, title = {Paper ${i}}, author = {M{\\"u}ller, J.}, eprint = {2401.${String(10000 + i)}}}`;

describe('the import worker', () => {
  it('answers a file with its papers and what it skipped, in slices, then their counts and the time the parse took', () => {
    let clock = 100;
    const count = SLICE + 3;
    const text = [...Array.from({ length: count }, (_, i) => entry(i)), '@book{knuth, title = {TeX}}'].join('\n');
    const replies = answerImport({ text }, () => (clock += 250));
    expect(replies.map((reply) => reply.kind)).toEqual(['papers', 'papers', 'skipped', 'done']);
    const papers = replies.flatMap((reply) => (reply.kind === 'papers' ? reply.papers : []));
    expect(papers.map((paper) => paper.metadata.id)).toEqual(Array.from({ length: count }, (_, i) => `2401.${10000 + i}`));
    expect(papers[0]!.metadata.authors).toEqual(['J. Müller']);
    expect(replies[2]).toEqual({ kind: 'skipped', skipped: [{ key: 'knuth', reason: 'no arXiv id (eprint, journal, url or doi)' }] });
    expect(replies[3]).toEqual({ kind: 'done', papers: count, skipped: 1, parseMs: 250 });
    // What the page parses each with.
    for (const reply of replies) expect(ImportWorkerReply.safeParse(reply).success).toBe(true);
  });

  it('answers an empty file with its counts alone', () => {
    expect(answerImport({ text: '' }, () => 0)).toEqual([{ kind: 'done', papers: 0, skipped: 0, parseMs: 0 }]);
  });

  it('answers, rather than throws, when sent something other than a file', () => {
    for (const message of [undefined, 'text', { text: 42 }, { text: entry(1), extra: true }]) {
      expect(answerImport(message)).toEqual([{ kind: 'failed', error: expect.stringMatching(/other than a file/) }]);
    }
  });
});
