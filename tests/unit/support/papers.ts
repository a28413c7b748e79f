import type { PaperMetadataInput, PaperSource } from '@/lib/model/paper';
import { PaperMetadata } from '@/lib/model/paper';

let counter = 0;
/** A fresh, distinct database name per test, so tests never see each other's rows. */
export const uniqueDbName = () => `papershelf-test-${++counter}-${Math.random().toString(36).slice(2)}`;

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

export const hfSource: PaperSource = { site: 'huggingface', url: 'https://huggingface.co/papers' };
export const arxivSource: PaperSource = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' };
