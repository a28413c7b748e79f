/**
 * The one factory of test papers: `paper()` for a stored paper, `metadata()` for what a listing shows.
 * Tests that need particular values pass them (or spread a preset of their own); the defaults are plain.
 */
import { Paper, PaperMetadata, type PaperMetadataInput, type PaperSource } from '@/lib/model/paper';

export const hfSource: PaperSource = { site: 'huggingface', url: 'https://huggingface.co/papers' };
export const arxivSource: PaperSource = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' };

let databases = 0;
/** A fresh, distinct database name per test, so tests never see each other's rows. */
export const uniqueDbName = () => `papershelf-test-${++databases}-${Math.random().toString(36).slice(2)}`;

/** What a listing page shows of a paper: the payload of a Save. */
export function metadata(overrides: Partial<PaperMetadataInput> = {}): PaperMetadata {
  return PaperMetadata.parse({
    id: '2401.12345',
    title: 'Attention Is Still All You Need',
    authors: ['Ada Lovelace', 'Łukasz Müller'],
    abstract: 'We revisit attention.',
    published: '2024-01-22',
    primaryCategory: 'cs.LG',
    links: { code: ['https://github.com/example/attention'] },
    ...overrides,
  });
}

const START = 1_700_000_000_000;
let clock = START;

/** Starts the clock of `paper()` again, for tests that need the same times on every run. */
export function resetClock(): void {
  clock = START;
}

/**
 * A stored paper, as the background writes it (parsed with the schema). Unless `fields` say when, each one
 * is saved, and last edited, a minute after the one made before it: newest-first lists have an order.
 */
export function paper(fields: Partial<Paper> = {}): Paper {
  clock += 60_000;
  const id = fields.id ?? '2401.12345';
  return Paper.parse({
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    links: { code: [] },
    source: arxivSource,
    tags: [],
    status: 'unread',
    notes: '',
    savedAt: clock,
    updatedAt: clock,
    ...fields,
  });
}
