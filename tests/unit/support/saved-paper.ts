import { Paper } from '@/lib/model/paper';

let clock = 1_700_000_000_000;

/** A stored paper for the page tests: each one saved a minute after the one before. */
export const savedPaper = (fields: Partial<Paper> & Pick<Paper, 'id'>): Paper =>
  Paper.parse({
    title: `Paper ${fields.id}`,
    authors: ['Ada Lovelace'],
    links: { code: [] },
    source: { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' },
    tags: [],
    status: 'unread',
    notes: '',
    savedAt: (clock += 60_000),
    updatedAt: clock,
    ...fields,
  });
