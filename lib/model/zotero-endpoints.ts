/**
 * Where the Zotero desktop app listens (issue #13): its connector server and, when the user enabled it, its
 * local API, on this computer only. The manifest's host permission and the pages' Content Security Policy
 * derive from this (wxt.config.ts reads it at build time, so it imports nothing).
 */
export const ZOTERO_ORIGIN = 'http://127.0.0.1:23119';

/**
 * The host permission, per browser. Chrome's match patterns name a port, so it names Zotero's alone. Firefox's
 * do not: a pattern with a port is listed as granted, yet its requests are still cross-origin (a preflight
 * Zotero does not answer, seen in firefox-esr 153), so Firefox's is the host's without a port, as the Zotero
 * Connector's own manifest has it (any port on 127.0.0.1; PaperShelf asks only 23119).
 */
export const ZOTERO_HOST_PERMISSION = { chrome: `${ZOTERO_ORIGIN}/*`, firefox: 'http://127.0.0.1/*' } as const;

/** This build's pattern, as its manifest has it (what `permissions.contains` and `request` are asked). */
export const zoteroHostPermission = () => ZOTERO_HOST_PERMISSION[import.meta.env.FIREFOX ? 'firefox' : 'chrome'];
