/**
 * The two APIs the lookups ask (issue #6), and nothing else: the manifest's `host_permissions` derive from
 * this (wxt.config.ts reads it at build time, so it imports nothing).
 */
export const ARXIV_API = 'https://export.arxiv.org/api/query';

export const huggingFaceApiUrl = (id: string) => `https://huggingface.co/api/papers/${id}`;

export const LOOKUP_HOST_PERMISSIONS = [new URL(ARXIV_API).origin, new URL(huggingFaceApiUrl('x')).origin].map((origin) => `${origin}/*`);
