import { PaperMetadata, type PaperMetadataInput } from '@/lib/model/paper';
import type { ControlPlacement, PaperEntry } from './types';

/**
 * An entry whose metadata is read when first asked for (see `PaperEntry.read`). A malformed entry
 * fails alone, with the schema's reason, and never stops the rest of the page.
 */
export function entry(
  id: string,
  anchor: Element,
  placement: ControlPlacement,
  readInput: () => Omit<PaperMetadataInput, 'id'>,
): PaperEntry {
  let paper: PaperMetadata | undefined;
  return {
    id,
    anchor,
    placement,
    read() {
      if (paper) return paper;
      const parsed = PaperMetadata.safeParse({ ...readInput(), id });
      if (!parsed.success) {
        const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`);
        throw new Error(`the page's entry for ${id} is incomplete (${reasons.join('; ')})`);
      }
      return (paper = parsed.data);
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
