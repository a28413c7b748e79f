import { PaperMetadata, type PaperMetadataInput } from '../paper';
import type { ControlPlacement, PaperEntry } from './types';

/**
 * Validates what an adapter read for one entry. A malformed entry (no id, empty title, a field the
 * schema refuses) is dropped here so the rest of the page still gets its controls.
 */
export function entry(input: PaperMetadataInput, anchor: Element, placement: ControlPlacement): PaperEntry | null {
  const parsed = PaperMetadata.safeParse(input);
  return parsed.success ? { paper: parsed.data, anchor, placement } : null;
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
