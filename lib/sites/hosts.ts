import type { Site } from '@/lib/model/paper';

/**
 * Where each supported site lives: the one list the content script's `matches`, the adapters' URL checks
 * and the background's sender check derive from. Plain data, imports nothing but a type: WXT reads the
 * content script's declaration (entrypoints/content/index.ts) at build time (README.md, "Adding a site").
 */
export const SITE_ORIGINS = {
  huggingface: 'https://huggingface.co',
  arxiv: 'https://arxiv.org',
} as const satisfies Record<Site, string>;

export const SUPPORTED_ORIGINS: readonly string[] = Object.values(SITE_ORIGINS);

/**
 * The content script runs on every page of each site, not only its listings: Hugging Face reaches
 * /papers by client-side navigation, and the registry decides per URL whether a page has papers.
 */
export const CONTENT_SCRIPT_MATCHES = SUPPORTED_ORIGINS.map((origin) => `${origin}/*`);

/** Whether `raw` is a page of a supported site (what a content script's sender URL must be). */
export const isSupportedPageUrl = (raw: string | undefined): boolean => {
  if (!raw || !URL.canParse(raw)) return false;
  return SUPPORTED_ORIGINS.includes(new URL(raw).origin);
};
