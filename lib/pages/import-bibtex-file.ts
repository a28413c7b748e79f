import { askBackground } from '@/lib/messaging/client';
import type { BackgroundResults } from '@/lib/messaging/contract';

/** Reads a BibTeX file here in the page (the parser loads only when needed) and adds its arXiv papers. */
export async function importBibtexFile(text: string): Promise<BackgroundResults['library/import-bibtex']> {
  const { parseBibtexForImport } = await import('@/lib/formats/bibtex-import');
  const { papers, skipped } = parseBibtexForImport(text);
  return askBackground({ type: 'library/import-bibtex', papers, skipped });
}
