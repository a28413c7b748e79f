import { describe, expect, it } from 'vitest';
import { answerImport } from '@/lib/import-worker/answer';
import { ImportWorkerReply } from '@/lib/import-worker/protocol';

const BIB = '@misc{good, title = {Good}, author = {M{\\"u}ller, J.}, eprint = {2401.00001}, archivePrefix = {arXiv}}';

describe('the import worker', () => {
  it('answers a file with its papers, what it skipped, and the time the parse took', () => {
    let clock = 100;
    const reply = answerImport({ text: `${BIB}\n@book{knuth, title = {TeX}}` }, () => (clock += 250));
    expect(reply).toEqual({
      ok: true,
      papers: [expect.objectContaining({ metadata: expect.objectContaining({ id: '2401.00001', authors: ['J. Müller'] }) })],
      skipped: [{ key: 'knuth', reason: 'no arXiv id (eprint, journal, url or doi)' }],
      parseMs: 250,
    });
    // What the page will parse it with.
    expect(ImportWorkerReply.safeParse(reply).success).toBe(true);
  });

  it('answers, rather than throws, when sent something other than a file', () => {
    for (const message of [undefined, 'text', { text: 42 }, { text: BIB, extra: true }]) {
      expect(answerImport(message)).toEqual({ ok: false, error: expect.stringMatching(/other than a file/) });
    }
  });
});
