/**
 * The two APIs the lookups ask (issue #6), and nothing else: the manifest's `host_permissions` derive from
 * this (wxt.config.ts reads it at build time, so it imports nothing).
 */
export const ARXIV_API = 'https://export.arxiv.org/api/query';

export const huggingFaceApiUrl = (id: string) => `https://huggingface.co/api/papers/${id}`;

const LOOKUP_ORIGINS = [new URL(ARXIV_API).origin, new URL(huggingFaceApiUrl('x')).origin];

export const LOOKUP_HOST_PERMISSIONS = LOOKUP_ORIGINS.map((origin) => `${origin}/*`);

/**
 * The extension pages' and the worker's Content Security Policy (issue #10): scripts only from the
 * package, no plugins, no <base>, and connections only to the two APIs and to `others` (Zotero on this
 * computer, issue #13). Pages read IndexedDB, which is no connection.
 */
export const extensionPagesCsp = (others: readonly string[]) =>
  `script-src 'self'; object-src 'none'; base-uri 'none'; connect-src ${[...LOOKUP_ORIGINS, ...others].join(' ')};`;
