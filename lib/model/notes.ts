/**
 * Two texts of one paper's notes, made one without losing either (issue #9): the rule every occasion uses
 * (lib/db/merge.ts for restores, imports and edits made on an older version; the notes editor's "Keep both").
 */

/** Between two versions kept both: a line a reader sees at once, in plain ASCII so every BibTeX export keeps it. */
export const NOTES_SEPARATOR = '\n\n-------- other version of these notes --------\n\n';

const blank = (text: string) => text.trim() === '';

/**
 * One text holding both: the same text once; the other when one is blank; the longer when it contains the
 * other (nothing of either is lost); otherwise `first`, the separator, then `second`. `joined` says the last
 * case happened, so a summary can count it.
 */
export function combineNotes(first: string, second: string): { text: string; joined: boolean } {
  if (first === second || blank(second)) return { text: first, joined: false };
  if (blank(first)) return { text: second, joined: false };
  if (first.includes(second.trim())) return { text: first, joined: false };
  if (second.includes(first.trim())) return { text: second, joined: false };
  return { text: first + NOTES_SEPARATOR + second, joined: true };
}
