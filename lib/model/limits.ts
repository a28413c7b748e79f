/**
 * Limits the content script needs too, in a module without the schemas: the content script carries no
 * schema library (issue #12), and the worker parses every message anyway.
 */

/**
 * The most paper entries one page gets a control for, and so the most ids one saved-state question may
 * ask about (issue #10): arXiv's longest listing shows 2000 entries, and a page that lists more is not
 * one a person reads; it may be a script asking which of 100,000 ids are saved.
 */
export const MAX_ENTRIES_PER_PAGE = 5000;
