/**
 * Where the Zotero desktop app listens (issue #13): its connector server and, when the user enabled it, its
 * local API, on this computer only. The manifest's host permission and the pages' Content Security Policy
 * derive from this (wxt.config.ts reads it at build time, so it imports nothing).
 */
export const ZOTERO_ORIGIN = 'http://127.0.0.1:23119';

export const ZOTERO_HOST_PERMISSION = `${ZOTERO_ORIGIN}/*`;
