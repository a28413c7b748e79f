// Issue #5: exporting 10,000 papers takes under half a second. Measured on the pure export path the
// background runs (assign keys over the whole library, then write the file), with `vitest bench`.
import { bench, describe } from 'vitest';
import { assignCitationKeys, toBibtex } from '@/lib/formats/bibtex';
import type { Paper } from '@/lib/model/paper';
import { paper } from '../unit/support/factory';

const SURNAMES = ['Vaswani', 'Müller', 'Nowak', 'Tanaka', 'García', 'Smith', 'Łukasiewicz', 'Chen', 'Dubois', 'Okafor'];
const WORDS = ['attention', 'diffusion', 'scaling', 'sparse', 'graph', 'agents', 'tokenizer', 'reward', 'vision', 'memory'];

function library(size: number): Paper[] {
  return Array.from({ length: size }, (_, index) =>
    paper({
      id: `25${String(1 + (index % 12)).padStart(2, '0')}.${String(10000 + index).slice(-5)}`,
      title: `${WORDS[index % 10]} of ${WORDS[(index * 7) % 10]}: {BERT} & $O(n^2)$ models at 100% scale, part ${index}`,
      authors: Array.from({ length: 1 + (index % 8) }, (_, a) => `Author${a} ${SURNAMES[(index + a) % 10]}`),
      abstract: 'We study things. '.repeat(40),
      published: `20${String(15 + (index % 10))}-0${1 + (index % 9)}-1${index % 10}`,
      primaryCategory: 'cs.LG',
      links: { code: index % 3 === 0 ? [`https://github.com/lab${index}/repo_${index}`] : [] },
      tags: index % 4 === 0 ? ['to-read', 'survey'] : [],
      status: 'unread',
      notes: index % 5 === 0 ? `Notes for ${index}:\n- 50% faster {really}\n@ the start of a line` : '',
      savedAt: 1_700_000_000_000 + index,
      updatedAt: 1_700_000_000_000 + index,
    }),
  );
}

const papers = library(10_000);
const keyed = (() => {
  const keys = assignCitationKeys(papers);
  return papers.map((paper) => ({ ...paper, citationKey: keys.get(paper.id)! }));
})();

describe('export 10,000 papers as BibTeX', () => {
  bench(
    'first export: assign every key, then write the file',
    () => {
      toBibtex(papers, { keys: assignCitationKeys(papers) });
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'later export: keys already stored',
    () => {
      toBibtex(keyed, { keys: assignCitationKeys(keyed) });
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
