import type { PaperMetadataInput } from '@/lib/model/paper';
import type { ControlPlacement, PaperEntry } from './types';

/**
 * An entry whose metadata is read when first asked for (see `PaperEntry.read`). An entry without a title
 * fails alone, and never stops the rest of the page. The rest of the metadata is checked by the worker,
 * which parses every save with the `PaperMetadata` schema (the content script carries no schema library,
 * issue #12) and says what is wrong.
 */
export function entry(
  id: string,
  anchor: Element,
  placement: ControlPlacement,
  readInput: () => Omit<PaperMetadataInput, 'id'>,
): PaperEntry {
  let paper: PaperMetadataInput | undefined;
  return {
    id,
    anchor,
    placement,
    read() {
      if (paper) return paper;
      const read = { ...readInput(), id };
      if (read.title.trim() === '') throw new Error(`the page's entry for ${id} is incomplete (it shows no title)`);
      return (paper = read);
    },
  };
}

/** `href` resolved against the page, or null when it is not a URL at all. */
export function resolve(href: string | null, base: URL): URL | null {
  if (href === null) return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}
