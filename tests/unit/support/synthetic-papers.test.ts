// The benchmark seeds 100,000 synthetic papers straight into IndexedDB, past every schema: each must be a
// paper the product itself would accept, or the figures measure records no user can have.
import { describe, expect, it } from 'vitest';
import { Paper } from '../../../lib/model/paper';
import { syntheticPapers } from '../../support/synthetic-papers.mjs';

describe('syntheticPapers', () => {
  it('gives 100,000 valid papers with distinct arXiv ids', () => {
    const papers = syntheticPapers(100_000);
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(100_000);
    const invalid = papers.filter((paper) => !Paper.safeParse(paper).success);
    expect(invalid.slice(0, 3)).toEqual([]);
  });
});
