import { arxiv } from './arxiv/adapter';
import { huggingface } from './huggingface/adapter';
import type { SiteAdapter } from './types';

/** Every supported site. Each adapter checks scheme and host itself, so no two can claim one URL. */
export const adapters: SiteAdapter[] = [huggingface, arxiv];

/** The adapter and page type for a page with papers on it, or null for any other page. */
export function adapterFor(url: URL): { adapter: SiteAdapter; pageType: string } | null {
  for (const adapter of adapters) {
    const pageType = adapter.pageType(url);
    if (pageType !== null) return { adapter, pageType };
  }
  return null;
}
